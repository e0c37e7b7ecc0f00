/**
 * The card a badge opens: the post's ratios with their formulas, its counts over time, and how it
 * compares (× usual, percentile among peers) with the method named. A non-modal dialog: focus moves
 * into it on opening; Escape or the close button closes it and returns focus to the badge; moving
 * focus elsewhere in the page closes it and leaves focus there.
 *
 * Everything shown is computed here from the counts it is given; the history (the snapshots) is
 * asked for only now that the card is open.
 */
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatAge, formatRatio } from '@/lib/ui/format';
import type { CountPoint } from '@/lib/metrics/ages';
import { AGES } from '@/lib/metrics/ages';
import { MIN_BASELINE_POSTS } from '@/lib/metrics/baseline';
import { ageLabel, formatPercentile, formatUsual, formatUsualBasis, formatVelocity } from '@/lib/metrics/format';
import { growthSeries } from '@/lib/metrics/growth';
import { ENGAGEMENT_PARTS, MIN_SAMPLE, postRates, RATE_IDS, RATE_INFO, rateFormula } from '@/lib/metrics/rates';
import type { PostStats } from '@/lib/messages/overlay';
import { hasValue, type Metric } from '@/lib/model';
import type { CardData } from '@/lib/overlay/card';
import { usualTone } from '@/lib/overlay/figure';
import { Sparkline } from '../Sparkline';

export type { CardData };

/** Counts drawn over time, in this order, when they have at least two values. */
const SPARK_METRICS: readonly Metric[] = ['likes', 'views', 'reposts', 'replies'];

export function DetailCard(props: {
  data: CardData;
  now: number;
  loadHistory(): Promise<CountPoint[] | null>;
  onClose(returnFocus: boolean): void;
  /** The dialog element, for the badge to place and focus it. */
  containerRef?: Ref<HTMLDivElement>;
}) {
  const { data } = props;
  const [history, setHistory] = useState<CountPoint[] | null | 'loading'>('loading');
  useEffect(() => {
    let stopped = false;
    props.loadHistory().then(
      (points) => !stopped && setHistory(points),
      () => !stopped && setHistory(null),
    );
    return () => {
      stopped = true;
    };
    // Fetched once per opening: a card is short-lived.
  }, []);

  const rates = postRates(data.counts, data.platform);
  const usual = data.stats?.usual ?? null;
  const peers = data.stats?.peers ?? null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose(true);
    }
  };
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    const card = event.currentTarget as HTMLElement;
    // Focus going back to the badge is the badge's business (it toggles the card).
    if (next && (card.contains(next) || (next as Element).classList?.contains('badge'))) return;
    props.onClose(false);
  };

  return (
    <div
      ref={props.containerRef}
      class="card"
      role="dialog"
      aria-modal="false"
      aria-labelledby="fl-card-title"
      tabIndex={-1}
      onKeyDown={onKeyDown}
      onFocusOut={onFocusOut}
    >
      <h2 id="fl-card-title">How this post is doing</h2>
      <button type="button" class="close" aria-label="Close" onClick={() => props.onClose(true)}>
        ×
      </button>
      {data.postedAt !== undefined && <p class="muted">{postedLine(data.postedAt, props.now, data.siteName)}</p>}

      <h3>Ratios</h3>
      <dl class="rates">
        {RATE_IDS.map((id) => {
          const rate = rates[id];
          return (
            <div key={id} class="row" data-rate={id}>
              <dt>{RATE_INFO[id].label}</dt>
              <dd data-low={rate?.lowSample ? '' : undefined}>
                {formatRatio(rate)}
                {rate?.lowSample ? ' (few)' : ''}
              </dd>
              <dd class="formula">
                {rateFormula(id, data.platform, data.includes)}
                {rate?.lowSample ? ` — under ${MIN_SAMPLE} in the denominator: too few to say much` : ''}
                {rate && !rate.exact ? ' — a range: the site rounds its counts' : ''}
              </dd>
            </div>
          );
        })}
      </dl>

      <h3>Compared with</h3>
      {usual ? (
        <p data-compare="usual">
          <strong data-tone={usualTone(usual)}>{formatUsual(usual)}</strong>{' '}
          <span class="muted">{formatUsualBasis(usual.age, usual.baseline.posts)}</span>
        </p>
      ) : (
        <p data-compare="usual" class="muted">
          No “usual” yet: it takes at least {MIN_BASELINE_POSTS} of this author’s posts seen at the same age.
        </p>
      )}
      {peers ? (
        <p data-compare="peers">
          <strong>{formatPercentile(peers.percentile)}</strong>{' '}
          <span class="muted">
            at {ageLabel(peers.age)},{' '}
            {peers.chosen ? 'the accounts you chose as peers' : `everyone seen on ${data.siteName}`}
            {peers.percentile.lowSample ? ' (few peer posts: a rough rank)' : ''}
          </span>
        </p>
      ) : (
        <p data-compare="peers" class="muted">
          No peer rank yet: it needs peers’ posts seen at the same age.
        </p>
      )}
      <p class="method">
        Method: interactions ({ENGAGEMENT_PARTS[data.platform].join(' + ')}) compared at the same age after posting;
        “usual” is the mean of the middle half of the author’s last 100 posts Feedlens saw (CrowdTangle’s
        overperformance), peers are ranked by the same measure.
      </p>

      <h3>Over time</h3>
      <History points={history} ages={data.stats?.ages} />
    </div>
  );
}

/** "Posted 7h ago on X", or "Posted Nov 3 on X" for older posts (formatAge gives a date then). */
function postedLine(postedAt: number, now: number, site: string): string {
  const age = formatAge(postedAt, now);
  return /\d[mhd]$/.test(age) ? `Posted ${age} ago on ${site}` : `Posted ${age} on ${site}`;
}

function History(props: { points: CountPoint[] | null | 'loading'; ages: PostStats['ages'] }) {
  if (props.points === 'loading')
    return (
      <p class="muted" aria-busy="true">
        Loading its history…
      </p>
    );
  const points = props.points ?? [];
  const lines = SPARK_METRICS.map((metric) => ({
    metric,
    series: points.map((p) => ({ at: p.at, count: p.counts[metric] })),
  })).filter((line) => line.series.filter((p) => hasValue(p.count)).length >= 2);
  const growth = growthSeries(points, 'likes').at(-1) ?? null;
  return (
    <div class="history">
      {lines.length === 0 ? (
        <p class="muted" data-history="none">
          {points.length <= 1
            ? 'Seen once so far: the line appears when Feedlens sees its counts again.'
            : 'No count with two values yet.'}
        </p>
      ) : (
        lines.map((line) => (
          <div key={line.metric} class="spark" data-metric={line.metric}>
            <Sparkline points={line.series} label={`${line.metric} over time`} width={150} height={24} />
            <span>{line.metric}</span>
          </div>
        ))
      )}
      {growth && <p data-growth="likes">Likes per hour lately: {formatVelocity(growth)}</p>}
      {props.ages && Object.keys(props.ages).length > 0 && (
        <p class="muted" data-ages="">
          Seen at{' '}
          {AGES.filter((age) => props.ages?.[age.id])
            .map((age) => age.label)
            .join(', ')}{' '}
          after posting ({points.length} snapshot{points.length === 1 ? '' : 's'} kept).
        </p>
      )}
    </div>
  );
}
