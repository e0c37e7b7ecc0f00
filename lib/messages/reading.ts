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
/** Posts cannot be from before 2004 or more than a day in the future (clock skew). */
const EARLIEST_POST = Date.UTC(2004, 0, 1);
const SLACK_MS = 24 * 3600 * 1000;

function validateCount(value: unknown): Count | undefined {
  if (!isObject(value)) return undefined;
  const raw = value.raw === undefined ? undefined : boundedString(MAX_RAW_LENGTH)(value.raw);
  if (value.raw !== undefined && raw === undefined) return undefined;
  const withRaw = (count: Count): Count => (raw === undefined ? count : { ...count, raw });
  switch (value.precision) {
    case 'exact':
      return isFiniteNumber(value.value) ? withRaw({ precision: 'exact', value: value.value }) : undefined;
    case 'rounded':
    case 'estimated': {
      const { value: v, min, max } = value;
      if (!isFiniteNumber(v) || !isFiniteNumber(min) || !isFiniteNumber(max) || min > v || v > max) return undefined;
      return withRaw({ precision: value.precision, value: v, min, max });
    }
    case 'hidden':
    case 'unknown':
      return withRaw({ precision: value.precision });
    default:
      return undefined;
  }
}

export function validateCounts(value: unknown): Counts | undefined {
  if (!isObject(value)) return undefined;
  const counts: Counts = {};
  for (const [metric, count] of Object.entries(value)) {
    if (!isMetric(metric)) return undefined;
    const checked = validateCount(count);
    if (!checked) return undefined;
    counts[metric] = checked;
  }
  return counts;
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

/**
 * A reading as the background accepts it, or undefined. `now` bounds the times a reading may carry;
 * `hostAllowed` ties the permalink to the platform.
 */
export function validateReading(value: unknown, now: number, hostAllowed: HostCheck): PostReading | undefined {
  if (!isObject(value) || !isPlatformId(value.platform)) return undefined;
  const platform = value.platform;
  const postId = boundedString(MAX_ID_LENGTH)(value.postId);
  const url = boundedString(MAX_URL_LENGTH)(value.url);
  const counts = validateCounts(value.counts);
  const readAt = value.readAt;
  if (!postId || !url || !counts || !isFiniteNumber(readAt) || readAt < EARLIEST_POST || readAt > now + SLACK_MS) {
    return undefined;
  }
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
    if (!isFiniteNumber(value.postedAt) || value.postedAt < EARLIEST_POST || value.postedAt > now + SLACK_MS)
      return undefined;
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

/**
 * The largest count Feedlens believes: 10^12, a hundred times the views of the most-watched video
 * there is (YouTube's "Baby Shark Dance", past 15 billion). Anything larger is damage, not data.
 */
export const MAX_COUNT = 1e12;

/** Only Reddit's net score (stored as `likes`) can be below zero. */
function lowestCount(platform: PlatformId, metric: Metric): number {
  return platform === 'reddit' && metric === 'likes' ? -MAX_COUNT : 0;
}

/**
 * Whether every number in `counts` is one the site could have shown: within the bounds above, and
 * a whole number where the count was read (`wholeNumbers`). Counts at fixed ages are interpolated
 * between readings, so they may fall between whole numbers.
 */
export function countsCanBeTrue(platform: PlatformId, counts: Counts, wholeNumbers = true): boolean {
  for (const [metric, count] of Object.entries(counts) as [Metric, Count][]) {
    if (!('value' in count)) continue;
    const low = lowestCount(platform, metric);
    const numbers = 'min' in count ? [count.value, count.min, count.max] : [count.value];
    for (const n of numbers) {
      if (n < low || n > MAX_COUNT || (wholeNumbers && !Number.isInteger(n))) return false;
    }
  }
  return true;
}

/** A time a reading can carry: not before 2004, and not after `now` (plus the allowed clock skew). */
export function isReadingTime(value: unknown, now: number): value is number {
  return isFiniteNumber(value) && value >= EARLIEST_POST && value <= now + SLACK_MS;
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
