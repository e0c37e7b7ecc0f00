/** Totals over the posts on the page, and the same ratios pooled over them. */
import { formatCount, formatNumber, formatRatio } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { metricLabel, ratioLabel } from '@/lib/ui/labels';
import { shownMetrics, shownRatios } from '@/lib/metrics/platform-metrics';
import { pooledRatio, totals } from '@/lib/metrics/ratios';
import type { Counts, PlatformId } from '@/lib/model';

/**
 * How many posts, and each count the site has added up over them (no reposts on YouTube, no views
 * on Reddit): the popup's totals and the dashboard's summary both start with it.
 */
export function CountTotals(props: { posts: readonly Counts[]; platform: PlatformId }) {
  const metrics = shownMetrics(props.platform, ['likes', 'reposts', 'replies', 'views'] as const);
  const { counts } = totals(props.posts, metrics);
  return (
    <dl class="counts">
      <div data-metric="posts">
        <dt>{t('dash.summary.posts')}</dt>
        <dd>{formatNumber(props.posts.length)}</dd>
      </div>
      {metrics.map((metric) => (
        <div key={metric} data-metric={metric}>
          <dt>{metricLabel(metric)}</dt>
          <dd>{formatCount(counts[metric])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Only the counts and ratios the site has, the ratios pooled over the posts. */
export function Totals(props: { posts: readonly Counts[]; platform: PlatformId }) {
  return (
    <section class="totals" aria-label={t('pop.totals.label')}>
      <CountTotals {...props} />
      <dl class="ratios">
        {shownRatios(props.platform).map((r) => (
          <div key={r.id} data-ratio={r.id}>
            <dt>{ratioLabel(r.id)}</dt>
            <dd>{formatRatio(pooledRatio(props.posts, r.numerator, r.denominator).ratio)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
