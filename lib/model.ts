/**
 * The domain model every part of Feedlens shares: platforms, metrics, counts and post readings.
 *
 * A count always says how much we know about it. Sites print "12K" (a range), hide counts on
 * request, or leave them out; none of that may ever turn into a made-up number, so a count that
 * was not read is `unknown`, never 0.
 */

export const PLATFORM_IDS = [
  'x',
  'instagram',
  'tiktok',
  'youtube',
  'facebook',
  'linkedin',
  'reddit',
  'bluesky',
  'threads',
  'mastodon',
] as const;
export type PlatformId = (typeof PLATFORM_IDS)[number];

export function isPlatformId(value: unknown): value is PlatformId {
  return typeof value === 'string' && (PLATFORM_IDS as readonly string[]).includes(value);
}

/**
 * Every count any supported site shows under a post, by what it means rather than what the site
 * calls it: likes are also reactions, favourites and Reddit's net score; reposts are also
 * shares and boosts; replies are comments; views are plays; bookmarks are saves.
 */
export const METRICS = ['likes', 'reposts', 'quotes', 'replies', 'views', 'bookmarks'] as const;
export type Metric = (typeof METRICS)[number];

export function isMetric(value: unknown): value is Metric {
  return typeof value === 'string' && (METRICS as readonly string[]).includes(value);
}

/**
 * How much a count can be trusted.
 * - `exact`: read from an attribute or accessible label that holds the full number.
 * - `rounded`: read from "12K"-style text; the true value lies in [min, max).
 * - `estimated`: the site gives an approximation in words ("X and 676 others").
 * - `hidden`: the site shows that a count exists but withholds it (Instagram's "Liked by X and others").
 * - `unknown`: no count could be read; `raw` keeps whatever text was there.
 */
export type Count =
  | { precision: 'exact'; value: number; raw?: string }
  | { precision: 'rounded' | 'estimated'; value: number; min: number; max: number; raw?: string }
  | { precision: 'hidden' | 'unknown'; raw?: string };

export type KnownCount = Extract<Count, { value: number }>;

export type Counts = Partial<Record<Metric, Count>>;

export function exact(value: number, raw?: string): Count {
  return raw === undefined ? { precision: 'exact', value } : { precision: 'exact', value, raw };
}

export function hasValue(count: Count | undefined): count is KnownCount {
  return count !== undefined && 'value' in count;
}

/**
 * `count` and between `fewest` and `most` more, as the estimate a sentence gives ("You and 12
 * others": the others plus the one or two people it names). The range excludes its maximum, as a
 * rounded count's does, so an exact N stands for [N, N + 1) here.
 */
export function countPlus(count: KnownCount, fewest: number, most: number, raw?: string): Count {
  const { min, max } = count.precision === 'exact' ? { min: count.value, max: count.value + 1 } : count;
  const estimate: Count = { precision: 'estimated', value: count.value + fewest, min: min + fewest, max: max + most };
  return raw === undefined ? estimate : { ...estimate, raw };
}

/** Lower and upper bound of a count: equal for exact counts, null when nothing is known. */
export function boundsOf(count: Count | undefined): { min: number; max: number } | null {
  if (!hasValue(count)) return null;
  if (count.precision === 'exact') return { min: count.value, max: count.value };
  return { min: count.min, max: count.max };
}

/** One post as read from a page at one moment. Content scripts send these to the background. */
export interface PostReading {
  platform: PlatformId;
  /**
   * The platform's own id for the post (X status id, Reddit `t3_…`, YouTube video id…). Where ids are
   * local to a server (Mastodon) or missing (TikTok's For You feed), the adapter documents its key.
   */
  postId: string;
  /** Canonical permalink (https). */
  url: string;
  /** Author handle without a leading "@", as the site spells it. */
  author?: string;
  /** Post time in epoch milliseconds. */
  postedAt?: number;
  /** The start of the post's text, as plain text (never HTML), at most {@link TEXT_SNIPPET_LENGTH} chars. */
  text?: string;
  counts: Counts;
  /** Which other counts a count includes, where a site merges them (Bluesky's reposts include quotes). */
  includes?: Partial<Record<Metric, Metric[]>>;
  /** Paid placement: kept, but left out of peer baselines. */
  promoted?: boolean;
  /**
   * Other postIds of this same post on the same platform, under which it may already be stored: the
   * fallback key an adapter gave it while the page showed no id (lib/platforms/fingerprint.ts), or
   * another of the site's id forms. The store folds those records into this one (lib/storage/merge.ts).
   */
  aliases?: string[];
  /** When the reading was taken (epoch ms); set by the reader, not the adapter. */
  readAt: number;
}

export const TEXT_SNIPPET_LENGTH = 280;

/** The key a post is stored under: unique across platforms. */
export function postKey(reading: Pick<PostReading, 'platform' | 'postId'>): string {
  return `${reading.platform}:${reading.postId}`;
}

/** Plain text for storage: whitespace folded, cut at a character boundary. */
export function textSnippet(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const folded = text.replace(/\s+/g, ' ').trim();
  if (!folded) return undefined;
  if (folded.length <= TEXT_SNIPPET_LENGTH) return folded; // no more code points than UTF-16 units
  const chars = Array.from(folded);
  return chars.length <= TEXT_SNIPPET_LENGTH ? folded : chars.slice(0, TEXT_SNIPPET_LENGTH).join('');
}
