/** Totals over the posts on the page, and the same ratios pooled over them. */
import { formatCount, formatRatio } from '@/lib/ui/format';
import { POST_RATIOS, pooledRatio, totals } from '@/lib/metrics/ratios';
import type { Counts } from '@/lib/model';

export function Totals(props: { posts: readonly Counts[] }) {
  const { counts } = totals(props.posts, ['likes', 'reposts', 'replies', 'views']);
  return (
    <section class="totals" aria-label="Totals for this page">
      <dl class="counts">
        <div data-metric="posts">
          <dt>posts</dt>
          <dd>{props.posts.length}</dd>
        </div>
        {(['likes', 'reposts', 'replies', 'views'] as const).map((metric) => (
          <div key={metric} data-metric={metric}>
            <dt>{metric}</dt>
            <dd>{formatCount(counts[metric])}</dd>
          </div>
        ))}
      </dl>
      <dl class="ratios">
        {POST_RATIOS.map((r) => (
          <div key={r.id} data-ratio={r.id}>
            <dt>{r.label}</dt>
            <dd>{formatRatio(pooledRatio(props.posts, r.numerator, r.denominator).ratio)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
