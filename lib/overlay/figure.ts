/**
 * The badge's key figure for one post, e.g. "2.1% · 1.8× usual": pure, so every case (exact,
 * rounded, unknown, hidden, low sample, no baseline) is unit-tested without a page.
 *
 * The rate is the engagement rate by views where the site shows views, else the rate that says
 * most on that site (lib/metrics/rates.ts has the definitions). Nothing is ever made up: a rate
 * whose inputs are unknown or hidden is absent, a rounded input gives an interval, and a rate from
 * a small denominator is marked ("*") and said to be so in words.
 */
import { formatRatio } from '../ui/format';
import type { UsualComparison } from '../metrics/compare';
import { ageLabel, formatUsual } from '../metrics/format';
import { postRates, RATE_INFO, type PostRates, type Rate, type RateId } from '../metrics/rates';
import { hasValue, METRICS, type Counts, type KnownCount, type Metric, type PlatformId } from '../model';

/**
 * Which rate the badge shows, in order of preference. Views first wherever a site shows them; on
 * sites without views, how far a post spreads (reposts per like), and on Reddit, which has no
 * reposts, its comments per upvote.
 */
export const KEY_RATES: Record<PlatformId, readonly RateId[]> = {
  x: ['engagementRate', 'amplification'],
  tiktok: ['engagementRate', 'amplification', 'conversation'],
  youtube: ['engagementRate', 'likesPerView', 'conversation'],
  instagram: ['engagementRate', 'conversation'],
  linkedin: ['engagementRate', 'amplification', 'conversation'],
  facebook: ['amplification', 'conversation'],
  bluesky: ['amplification', 'conversation'],
  threads: ['amplification', 'conversation'],
  mastodon: ['amplification', 'conversation'],
  reddit: ['conversation'],
};

/** What the badge prints before a rate, so "12%" is never mistaken for an engagement rate. */
const SHORT: Record<RateId, string> = {
  engagementRate: '',
  likesPerView: 'likes/views ',
  amplification: 'amp ',
  conversation: 'ratio ',
};

export type UsualTone = 'above' | 'near' | 'below';

export interface BadgeFigure {
  /** What the badge shows: "2.1% · 1.8× usual", "1.9–2.3%", "—" when there is no figure. */
  text: string;
  /** The same in words, for screen readers and the tooltip. */
  label: string;
  rate: RateId | null;
  lowSample: boolean;
  /** A count was rounded by the site: the figures are ranges. */
  approximate: boolean;
  tone: UsualTone | null;
}

/**
 * The counts to show for a post: what the page shows now, over what the store knew (a count the page
 * did not show this time, or could not read, keeps its stored value — the store's own rule).
 */
export function currentCounts(onPage: Counts, stored?: Counts): Counts {
  if (!stored) return onPage;
  const counts: Counts = { ...stored };
  for (const metric of METRICS) {
    const count = onPage[metric];
    if (count && (count.precision !== 'unknown' || !counts[metric])) counts[metric] = count;
  }
  return counts;
}

/** The first rate of the platform's preference list that has a value. */
export function keyRate(rates: PostRates, platform: PlatformId): { id: RateId; rate: Rate } | null {
  for (const id of KEY_RATES[platform]) {
    const rate = rates[id];
    if (rate) return { id, rate };
  }
  return null;
}

export function usualTone(usual: Pick<UsualComparison, 'score'>): UsualTone {
  return usual.score >= 1.25 ? 'above' : usual.score <= 0.8 ? 'below' : 'near';
}

const METRIC_WORDS: Record<Metric, string> = {
  likes: 'likes',
  reposts: 'reposts',
  quotes: 'quotes',
  replies: 'replies',
  views: 'views',
  bookmarks: 'bookmarks',
};

/**
 * Why there is no rate: a count the site hides, a count to divide by that is zero or below (Reddit's
 * net score can be), else counts that are not shown or could not be read.
 */
export function noRateReason(counts: Counts): string {
  const hidden = METRICS.filter((m) => counts[m]?.precision === 'hidden');
  if (hidden.length) return `${hidden.map((m) => METRIC_WORDS[m]).join(' and ')} hidden by the site`;
  const nothing = (['views', 'likes'] as const).find((m) => hasValue(counts[m]) && counts[m].value <= 0);
  if (nothing) return `${METRIC_WORDS[nothing]} at ${(counts[nothing] as KnownCount).value}: nothing to divide by`;
  return 'the counts it needs are not shown or could not be read';
}

export function badgeFigure(input: {
  platform: PlatformId;
  counts: Counts;
  usual?: UsualComparison | null;
}): BadgeFigure {
  const key = keyRate(postRates(input.counts, input.platform), input.platform);
  const usual = input.usual ?? null;
  const parts: string[] = [];
  const words: string[] = [];
  if (key) {
    const shown = formatRatio(key.rate);
    parts.push(`${SHORT[key.id]}${shown}${key.rate.lowSample ? '*' : ''}`);
    const info = RATE_INFO[key.id];
    words.push(
      `${info.label} ${shown}` +
        (key.rate.exact ? '' : ' (a range: the site rounds its counts)') +
        (key.rate.lowSample ? ' — from very few, too few to say much' : ''),
    );
  } else {
    words.push(`No rate: ${noRateReason(input.counts)}`);
  }
  if (usual) {
    parts.push(formatUsual(usual));
    words.push(`${formatUsual(usual)} for this author at ${ageLabel(usual.age)}`);
  }
  const approximate = (key ? !key.rate.exact : false) || (usual ? usual.max - usual.min > 0 : false);
  return {
    text: parts.length ? parts.join(' · ') : '—',
    label: words.join('; '),
    rate: key?.id ?? null,
    lowSample: key?.rate.lowSample ?? false,
    approximate,
    tone: usual ? usualTone(usual) : null,
  };
}

/** What decides whether a post's badge or stats are out of date: its counts. */
export function countsPrint(counts: Counts): string {
  let print = '';
  for (const metric of METRICS) {
    const count = counts[metric];
    if (!count) continue;
    print += `${metric}:${count.precision}`;
    if ('value' in count) print += count.precision === 'exact' ? `=${count.value}|` : `=${count.min}-${count.max}|`;
  }
  return print;
}
