/**
 * Messages between content scripts, the background and extension pages, and their validation.
 *
 * Content scripts run beside pages we do not control, so the background treats everything they
 * send as untrusted input: a reading is accepted only if every field has the right type and
 * range, its permalink belongs to its platform, and it came from a tab on that platform.
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
} from './model';

/** The health of reading on one site, as the popup shows it. */
export type ReaderStatus = 'reading' | 'paused' | 'idle';

export interface ReaderDiagnostic {
  /** What was expected and not found, e.g. "id: a[href*="/status/"]" or "likes: 1,2 k". */
  selector: string;
  raw?: string;
  locale: string;
  /** Post-like elements found vs readings taken when the decision was made. */
  candidates: number;
  readings: number;
  at: number;
}

export type ContentMessage =
  | { type: 'readings'; readings: PostReading[] }
  | { type: 'reader-health'; platform: PlatformId; status: ReaderStatus; diagnostic?: ReaderDiagnostic };

/** Asked of a tab's content script by the popup. */
export type PageRequest = { type: 'page-posts' } | { type: 'reader-stats' };

export interface PagePostsReply {
  platform: PlatformId;
  /** Post keys read on this page since it loaded or last navigated, most recent first. */
  keys: string[];
  status: ReaderStatus;
  diagnostic?: ReaderDiagnostic;
}

export interface ReaderStats {
  posts: number;
  batches: number;
  /** Main-thread milliseconds spent by the reader (observer callbacks, reads, diffs, sends). */
  busyMs: number;
}

/** Upper bound on readings per message: a frame never holds more posts than this. */
export const MAX_READINGS_PER_MESSAGE = 500;
const MAX_ID_LENGTH = 512;
const MAX_URL_LENGTH = 2048;
const MAX_AUTHOR_LENGTH = 256;
const MAX_RAW_LENGTH = 200;
/** Posts cannot be from before 2004 or more than a day in the future (clock skew). */
const EARLIEST_POST = Date.UTC(2004, 0, 1);
const SLACK_MS = 24 * 3600 * 1000;

type Check<T> = (value: unknown) => T | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const boundedString =
  (max: number): Check<string> =>
  (value) =>
    typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined;

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
  return reading;
}

export interface ValidatedReadings {
  readings: PostReading[];
  rejected: number;
}

/**
 * The readings of a `readings` message that pass validation and belong to the sending tab's
 * platform; anything else in the message is dropped and counted.
 */
export function validateReadingsMessage(
  message: unknown,
  senderPlatform: PlatformId,
  now: number,
  hostAllowed: HostCheck,
): ValidatedReadings | undefined {
  if (!isObject(message) || message.type !== 'readings' || !Array.isArray(message.readings)) return undefined;
  if (message.readings.length > MAX_READINGS_PER_MESSAGE) return undefined;
  const readings: PostReading[] = [];
  let rejected = 0;
  for (const candidate of message.readings) {
    const reading = validateReading(candidate, now, hostAllowed);
    if (reading && reading.platform === senderPlatform) readings.push(reading);
    else rejected++;
  }
  return { readings, rejected };
}

export function validateHealthMessage(
  message: unknown,
  senderPlatform: PlatformId,
): Extract<ContentMessage, { type: 'reader-health' }> | undefined {
  if (!isObject(message) || message.type !== 'reader-health' || message.platform !== senderPlatform) return undefined;
  if (message.status !== 'reading' && message.status !== 'paused' && message.status !== 'idle') return undefined;
  const result: Extract<ContentMessage, { type: 'reader-health' }> = {
    type: 'reader-health',
    platform: senderPlatform,
    status: message.status,
  };
  const d = message.diagnostic;
  if (d !== undefined) {
    if (!isObject(d)) return undefined;
    const selector = boundedString(MAX_URL_LENGTH)(d.selector);
    const locale = boundedString(64)(d.locale);
    if (!selector || !locale || !isFiniteNumber(d.candidates) || !isFiniteNumber(d.readings) || !isFiniteNumber(d.at)) {
      return undefined;
    }
    const raw = typeof d.raw === 'string' ? d.raw.slice(0, MAX_RAW_LENGTH) : undefined;
    result.diagnostic = {
      selector,
      locale,
      candidates: d.candidates,
      readings: d.readings,
      at: d.at,
      ...(raw ? { raw } : {}),
    };
  }
  return result;
}
