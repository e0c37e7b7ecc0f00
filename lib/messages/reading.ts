/**
 * What a post reading may hold, checked field by field: the one schema for readings sent by content
 * scripts and for posts in an imported file.
 */
import {
  METRICS,
  TEXT_SNIPPET_LENGTH,
  isMetric,
  isPlatformId,
  type Count,
  type Counts,
  type Metric,
  type PlatformId,
  type PostReading,
} from '../model';
import { boundedString, isFiniteNumber, isObject } from './checks';

export const MAX_ID_LENGTH = 512;
export const MAX_URL_LENGTH = 2048;
const MAX_AUTHOR_LENGTH = 256;
export const MAX_RAW_LENGTH = 200;
/** A post has a few other keys at most (a fallback key, another id form). */
export const MAX_ALIASES = 4;
/** Posts cannot be from before 2004. */
const EARLIEST_POST = Date.UTC(2004, 0, 1);
/**
 * How far past its arrival a reading's time may be. The content script and the background read
 * the same clock, so this only covers the clock being set back between the reading and its arrival;
 * a reading dated later than that cannot be true (a resent one keeps its real, earlier time).
 */
export const READ_AT_SKEW_MS = 5_000;
/**
 * How far past its arrival a post's publication time may be: it comes from the site's clock
 * (`<time datetime>`, an id's timestamp), and the device's clock may run a few minutes slow.
 */
export const POSTED_AT_SKEW_MS = 10 * 60_000;
/**
 * The largest count a post can have: more than a thousand times the most-viewed video's views
 * (about 16 billion), far below where doubles stop holding integers exactly.
 */
export const MAX_COUNT = 1e13;

/**
 * Whether a metric can be negative on a platform: only Reddit's net score (stored as `likes`,
 * upvotes minus downvotes). Every other count is a number of people or actions.
 */
export function canBeNegative(platform: PlatformId | undefined, metric: Metric): boolean {
  return platform === 'reddit' && metric === 'likes';
}

/**
 * What a count may hold: `whole` counts (anything read from a page) are integers; counts at fixed
 * ages are interpolated between two readings and may have a fraction.
 */
export interface CountRules {
  platform?: PlatformId;
  whole?: boolean;
  /** Any finite number passes: only to tell a well-formed but impossible count from a malformed one. */
  anyFiniteNumber?: boolean;
}

const countRange = (metric: Metric, rules: CountRules) => {
  const floor = canBeNegative(rules.platform, metric) ? -MAX_COUNT : 0;
  const whole = rules.whole ?? true;
  if (rules.anyFiniteNumber) return isFiniteNumber;
  return (n: unknown): n is number =>
    isFiniteNumber(n) && n >= floor && n <= MAX_COUNT && (!whole || Number.isInteger(n));
};

function validateCount(value: unknown, metric: Metric, rules: CountRules): Count | undefined {
  if (!isObject(value)) return undefined;
  const raw = value.raw === undefined ? undefined : boundedString(MAX_RAW_LENGTH)(value.raw);
  if (value.raw !== undefined && raw === undefined) return undefined;
  const withRaw = (count: Count): Count => (raw === undefined ? count : { ...count, raw });
  const inRange = countRange(metric, rules);
  switch (value.precision) {
    case 'exact':
      return inRange(value.value) ? withRaw({ precision: 'exact', value: value.value }) : undefined;
    case 'rounded':
    case 'estimated': {
      const { value: v, min, max } = value;
      if (!inRange(v) || !inRange(min) || !inRange(max) || min > v || v > max) return undefined;
      return withRaw({ precision: value.precision, value: v, min, max });
    }
    case 'hidden':
    case 'unknown':
      return withRaw({ precision: value.precision });
    default:
      return undefined;
  }
}

/**
 * Counts as a reading, a post record or a snapshot may hold them: known metrics only, each a finite
 * integer in [0, {@link MAX_COUNT}] (Reddit's score may be negative), ranges that hold their value.
 * Without `platform`, no count may be negative.
 */
export function validateCounts(value: unknown, rules: CountRules = {}): Counts | undefined {
  if (!isObject(value)) return undefined;
  const counts: Counts = {};
  for (const [metric, count] of Object.entries(value)) {
    if (!isMetric(metric)) return undefined;
    const checked = validateCount(count, metric, rules);
    if (!checked) return undefined;
    counts[metric] = checked;
  }
  return counts;
}

/** Counts at a fixed age of a post (interpolated: may have a fraction), with the same bounds. */
export function validateSampleCounts(value: unknown, platform?: PlatformId): Counts | undefined {
  return validateCounts(value, { ...(platform ? { platform } : {}), whole: false });
}

export function validateIncludes(value: unknown): Partial<Record<Metric, Metric[]>> | undefined {
  if (!isObject(value)) return undefined;
  const includes: Partial<Record<Metric, Metric[]>> = {};
  for (const [metric, list] of Object.entries(value)) {
    if (!isMetric(metric) || !Array.isArray(list) || list.length > METRICS.length || !list.every(isMetric))
      return undefined;
    includes[metric] = [...list];
  }
  return includes;
}

/** Whether `url` is an https address on one of the platform's hosts (or any host, for Mastodon). */
export type HostCheck = (platform: PlatformId, host: string) => boolean;

/** A reading's time, or a post's, that can be true when it arrives at `now` (see the skews above). */
export const isReadTime = (value: unknown, now: number): value is number =>
  isFiniteNumber(value) && value >= EARLIEST_POST && value <= now + READ_AT_SKEW_MS;
export const isPostTime = (value: unknown, now: number): value is number =>
  isFiniteNumber(value) && value >= EARLIEST_POST && value <= now + POSTED_AT_SKEW_MS;

/**
 * A reading as the background accepts it, or undefined. `now` is its arrival: no time it carries
 * may be later; `hostAllowed` ties the permalink to the platform.
 */
export function validateReading(value: unknown, now: number, hostAllowed: HostCheck): PostReading | undefined {
  if (!isObject(value) || !isPlatformId(value.platform)) return undefined;
  const platform = value.platform;
  const postId = boundedString(MAX_ID_LENGTH)(value.postId);
  const url = boundedString(MAX_URL_LENGTH)(value.url);
  const counts = validateCounts(value.counts, { platform });
  const readAt = value.readAt;
  if (!postId || !url || !counts || !isReadTime(readAt, now)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || !hostAllowed(platform, parsed.hostname)) return undefined;

  const reading: PostReading = { platform, postId, url: parsed.href, counts, readAt };
  if (value.author !== undefined) {
    const author = boundedString(MAX_AUTHOR_LENGTH)(value.author);
    if (!author) return undefined;
    reading.author = author;
  }
  if (value.postedAt !== undefined) {
    if (!isPostTime(value.postedAt, now)) return undefined;
    reading.postedAt = value.postedAt;
  }
  if (value.text !== undefined) {
    // Text is stored and later shown as text only; the length bound keeps the store small.
    if (typeof value.text !== 'string' || Array.from(value.text).length > TEXT_SNIPPET_LENGTH) return undefined;
    reading.text = value.text;
  }
  if (value.includes !== undefined) {
    const includes = validateIncludes(value.includes);
    if (!includes) return undefined;
    reading.includes = includes;
  }
  if (value.promoted !== undefined) {
    if (typeof value.promoted !== 'boolean') return undefined;
    if (value.promoted) reading.promoted = true;
  }
  if (value.aliases !== undefined) {
    const aliases = validateAliases(value.aliases, postId);
    if (!aliases) return undefined;
    if (aliases.length) reading.aliases = aliases;
  }
  return reading;
}

/** Other keys of the same post (see PostReading.aliases): a few distinct ids, never its own. */
function validateAliases(value: unknown, postId: string): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_ALIASES) return undefined;
  const ids = value.map(boundedString(MAX_ID_LENGTH));
  if (!ids.every((id): id is string => id !== undefined)) return undefined;
  return [...new Set(ids)].filter((id) => id !== postId);
}

/** The permalink's normalized address if it is an https address on the platform's hosts. */
export function permalinkOn(platform: PlatformId, url: unknown, hostAllowed: HostCheck): string | undefined {
  const text = boundedString(MAX_URL_LENGTH)(url);
  if (!text) return undefined;
  try {
    const parsed = new URL(text);
    return parsed.protocol === 'https:' && hostAllowed(platform, parsed.hostname) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
