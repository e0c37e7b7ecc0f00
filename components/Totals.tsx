/** Totals over the posts on the page, and the same ratios pooled over them. */
import { formatCount, formatRatio } from '@/lib/ui/format';
import { shownMetrics, shownRatios } from '@/lib/metrics/platform-metrics';
import { pooledRatio, totals } from '@/lib/metrics/ratios';
import type { Counts, PlatformId } from '@/lib/model';

/** Only the counts and ratios the site has (no reposts on YouTube, no views on Reddit). */
export function Totals(props: { posts: readonly Counts[]; platform: PlatformId }) {
  const metrics = shownMetrics(props.platform, ['likes', 'reposts', 'replies', 'views'] as const);
  const { counts } = totals(props.posts, metrics);
  return (
    <section class="totals" aria-label="Totals for this page">
      <dl class="counts">
        <div data-metric="posts">
          <dt>posts</dt>
          <dd>{props.posts.length}</dd>
        </div>
        {metrics.map((metric) => (
          <div key={metric} data-metric={metric}>
            <dt>{metric}</dt>
            <dd>{formatCount(counts[metric])}</dd>
          </div>
        ))}
      </dl>
      <dl class="ratios">
        {shownRatios(props.platform).map((r) => (
          <div key={r.id} data-ratio={r.id}>
            <dt>{r.label}</dt>
            <dd>{formatRatio(pooledRatio(props.posts, r.numerator, r.denominator).ratio)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
