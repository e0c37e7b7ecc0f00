/**
 * The dashboard's first lines: how many posts the filters match and their counts added up, so the
 * page answers "how much is there, how is it doing" before any chart or table.
 */
import { sumCounts, ratio } from '@/lib/metrics/ratios';
import { platformShows } from '@/lib/metrics/platform-metrics';
import { engagements } from '@/lib/metrics/rates';
import { hasValue, type Count, type PlatformId } from '@/lib/model';
import type { PostRecord } from '@/lib/storage/db';
import { CountTotals } from '@/components/Totals';
import { formatNumber, formatRatio } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { SAMPLE } from './load';

/** Engagements ÷ views pooled over the posts where both are known (no average of averages). */
function pooledEngagementRate(posts: readonly PostRecord[], platform: PlatformId) {
  const pairs = posts
    .map((p) => [engagements(p.latest, platform), p.latest.views] as const)
    .filter((pair): pair is readonly [Count, Count] => hasValue(pair[0]) && hasValue(pair[1]));
  if (pairs.length === 0) return null;
  return ratio(sumCounts(pairs.map(([e]) => e)), sumCounts(pairs.map(([, v]) => v)));
}

export function SummarySection(props: { posts: readonly PostRecord[]; cut: boolean; platform: PlatformId }) {
  const rate = platformShows(props.platform, 'views') ? pooledEngagementRate(props.posts, props.platform) : null;
  return (
    <section class="totals" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{t('dash.summary.title')}</h2>
      <CountTotals posts={props.posts.map((p) => p.latest)} platform={props.platform} />
      {rate && (
        <dl class="ratios">
          <div data-ratio="engagementRate">
            <dt>{t('dash.summary.engagementRate')}</dt>
            <dd>{formatRatio(rate)}</dd>
          </div>
        </dl>
      )}
      {props.cut && <p class="muted">{t('dash.summary.cut', { count: formatNumber(SAMPLE) })}</p>}
    </section>
  );
}
