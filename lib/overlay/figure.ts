/**
 * The badge's key figure for one post, e.g. "2.1% · 1.8× usual": pure, so every case (exact,
 * rounded, unknown, hidden, low sample, no baseline) is unit-tested without a page.
 *
 * The rate is the engagement rate by views where the site shows views, else the rate that says
 * most on that site (lib/metrics/rates.ts has the definitions). Nothing is ever made up: a rate
 * whose inputs are unknown or hidden is absent, a rounded input gives an interval, and a rate from
 * a small denominator is marked ("*") and said to be so in words.
 */
import { formatList, formatNumber, formatRatio } from '../ui/format';
import { t, type MessageKey } from '../ui/i18n';
import { metricLabel, rateLabel } from '../ui/labels';
import type { UsualComparison } from '../metrics/compare';
import { ageLabel, formatUsual } from '../metrics/format';
import { postRates, type PostRates, type Rate, type RateId } from '../metrics/rates';
import { hasValue, METRICS, type Counts, type KnownCount, type PlatformId } from '../model';

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
const SHORT: Record<RateId, MessageKey | null> = {
  engagementRate: null,
  likesPerView: 'prefs.badge.likesPerView',
  amplification: 'prefs.badge.amplification',
  conversation: 'prefs.badge.conversation',
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

/**
 * Why there is no rate: a count the site hides, a count to divide by that is zero or below (Reddit's
 * net score can be), else counts that are not shown or could not be read.
 */
export function noRateReason(counts: Counts): string {
  const hidden = METRICS.filter((m) => counts[m]?.precision === 'hidden');
  if (hidden.length) return t('prefs.badge.hiddenBySite', { metrics: formatList(hidden.map(metricLabel)) });
  const nothing = (['views', 'likes'] as const).find((m) => hasValue(counts[m]) && counts[m].value <= 0);
  if (nothing) {
    const value = formatNumber((counts[nothing] as KnownCount).value);
    return t('prefs.badge.nothingToDivide', { metric: metricLabel(nothing), value });
  }
  return t('prefs.badge.notShown');
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
    const short = SHORT[key.id];
    const marked = `${shown}${key.rate.lowSample ? '*' : ''}`;
    parts.push(short ? t(short, { rate: marked }) : marked);
    words.push(
      `${rateLabel(key.id)} ${shown}` +
        (key.rate.exact ? '' : ` (${t('card.range')})`) +
        (key.rate.lowSample ? ` — ${t('prefs.badge.fewSample')}` : ''),
    );
  } else {
    words.push(t('prefs.badge.noRate', { reason: noRateReason(input.counts) }));
  }
  if (usual) {
    parts.push(formatUsual(usual));
    words.push(t('prefs.badge.usualAt', { usual: formatUsual(usual), age: ageLabel(usual.age) }));
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
