/**
 * Per-post rates from public counts:
 *
 * - engagement rate by views: (likes + reposts + replies + bookmarks) ÷ views, only where views are
 *   public (X, TikTok, YouTube, Instagram reels, some LinkedIn posts). This is Rival IQ's TikTok
 *   definition ("Engagement Rate = Total Engagement / Views", help.rivaliq.com, "Understanding
 *   engagement rates"); X's own rate divides by impressions and counts every click as an engagement
 *   (developer.x.com, engagement metrics), so one built from public counts is always lower. The
 *   parts are the engagement counts that platform shows ({@link ENGAGEMENT_PARTS}); if any of them is
 *   unknown or hidden on a post, there is no rate rather than one that silently leaves a part out.
 * - likes ÷ views; amplification = reposts ÷ likes (Avinash Kaushik's amplification over applause,
 *   kaushik.net, "Best Social Media Metrics"); the "ratio" = replies ÷ (likes + reposts), as the
 *   2018 press defined it ("divide the number of replies… by the number of likes and retweets",
 *   WRAL/NYT, "The Ratio Establishes Itself on Twitter").
 *
 * Rounded inputs give intervals (see ratios.ts); unknown or hidden inputs give null. A rate whose
 * denominator may be below {@link MIN_SAMPLE} carries `lowSample: true`: show it greyed, never as
 * if it were solid (3 replies to 5 likes is not a "60% ratio" anyone should act on).
 */
import type { Count, Counts, Metric, PlatformId } from '../model';
import { ratio, sumCounts, type Ratio } from './ratios';
import { boundsOf } from '../model';

/**
 * Below this many in the denominator, a rate is flagged as a low sample. 20 follows a recurring user
 * request ("don't show these if there are very few (<20 or so) likes", SmartTube #2785).
 */
export const MIN_SAMPLE = 20;

export interface Rate extends Ratio {
  /** The denominator may be below {@link MIN_SAMPLE}: too few to say much. */
  lowSample: boolean;
}

/** A ratio with the sample-size guard. */
export function rate(
  numerator: Count | undefined,
  denominator: Count | undefined,
  minSample = MIN_SAMPLE,
): Rate | null {
  const r = ratio(numerator, denominator);
  if (!r) return null;
  return { ...r, lowSample: boundsOf(denominator)!.min < minSample };
}

/** The engagement counts each platform shows publicly beside a post (what "engagements" sums). */
export const ENGAGEMENT_PARTS: Record<PlatformId, readonly Metric[]> = {
  x: ['likes', 'reposts', 'replies', 'bookmarks'],
  tiktok: ['likes', 'reposts', 'replies', 'bookmarks'],
  youtube: ['likes', 'replies'],
  instagram: ['likes', 'replies'],
  facebook: ['likes', 'reposts', 'replies'],
  linkedin: ['likes', 'reposts', 'replies'],
  reddit: ['likes', 'replies'],
  bluesky: ['likes', 'reposts', 'replies'],
  threads: ['likes', 'reposts', 'replies'],
  mastodon: ['likes', 'reposts', 'replies'],
};

/**
 * A post's public engagements (the sum of its platform's {@link ENGAGEMENT_PARTS}), or undefined
 * when any part is unknown or hidden. Also the "interactions" figure baselines compare.
 */
export function engagements(counts: Counts, platform: PlatformId): Count | undefined {
  return sumCounts(ENGAGEMENT_PARTS[platform].map((metric) => counts[metric]));
}

export const RATE_IDS = ['engagementRate', 'likesPerView', 'amplification', 'conversation'] as const;
export type RateId = (typeof RATE_IDS)[number];
export type PostRates = Record<RateId, Rate | null>;

/** What each rate is, in words the UI shows (the method is always labelled: metrics.md §6). */
export const RATE_INFO: Record<RateId, { label: string; formula: string }> = {
  engagementRate: { label: 'Engagement rate', formula: 'engagements ÷ views' },
  likesPerView: { label: 'Likes / views', formula: 'likes ÷ views' },
  amplification: { label: 'Amplification', formula: 'reposts ÷ likes' },
  conversation: { label: 'The “ratio”', formula: 'replies ÷ (likes + reposts)' },
};

const showsReposts = (platform: PlatformId) => ENGAGEMENT_PARTS[platform].includes('reposts');

/**
 * The formula as shown for a post: on sites without reposts the "ratio" is replies ÷ likes, and
 * where reposts include quotes (Bluesky's `includes.reposts = ['quotes']`) the label says so.
 */
export function rateFormula(id: RateId, platform: PlatformId, includes?: Partial<Record<Metric, Metric[]>>): string {
  let formula: string = RATE_INFO[id].formula;
  if (id === 'conversation' && !showsReposts(platform)) formula = 'replies ÷ likes';
  return includes?.reposts?.includes('quotes') ? formula.replace('reposts', 'reposts (incl. quotes)') : formula;
}

/**
 * Every per-post rate. Quotes are never added to reposts: where a site merges them (Bluesky) they
 * are already in, so nothing is counted twice, and elsewhere the definitions leave them out.
 */
export function postRates(counts: Counts, platform: PlatformId): PostRates {
  const sharesAndLikes = showsReposts(platform) ? sumCounts([counts.likes, counts.reposts]) : counts.likes;
  return {
    engagementRate: rate(engagements(counts, platform), counts.views),
    likesPerView: rate(counts.likes, counts.views),
    amplification: rate(counts.reposts, counts.likes),
    conversation: rate(counts.replies, sharesAndLikes),
  };
}
