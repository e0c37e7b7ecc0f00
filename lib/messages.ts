/**
 * Messages between content scripts, the background and extension pages, and their validation.
 *
 * Content scripts run beside pages we do not control, so the background treats everything they
 * send as untrusted input: a reading is accepted only if every field has the right type and
 * range, its permalink belongs to its platform, and it came from a tab on that platform.
 */
import type { AgeId, AgeSamples, CountPoint } from './metrics/ages';
import type { Percentile } from './metrics/baseline';
import type { UsualComparison } from './metrics/compare';
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
  /** The in-feed overlay's own work (lib/overlay), outside the reader's frame. */
  overlay?: OverlayStats;
}

export interface OverlayStats {
  /** Badges placed on the page since it loaded. */
  badges: number;
  /**
   * Main-thread milliseconds of the overlay's own frames and replies; its per-post bookkeeping runs
   * inside the reader's frame and is counted in `busyMs` above.
   */
  busyMs: number;
  /** `post-stats` messages sent. */
  requests: number;
}

/**
 * Asked of the background by a content script's overlay: the stored facts of the posts on screen
 * (one message per batch of frames, never one per post), and a post's history when its card opens.
 */
export type OverlayRequest = { type: 'post-stats'; keys: string[] } | { type: 'post-history'; key: string };

/** Where a post ranks among peers' posts at the same age (by public interactions). */
export interface PeerStanding {
  age: AgeId;
  percentile: Percentile;
  /** The peers are the accounts the user chose (else every other author seen on the platform). */
  chosen: boolean;
}

/** One stored post as the overlay needs it. */
export interface PostStats {
  key: string;
  /** The latest known value of each count (the store's `latest`). */
  latest: Counts;
  includes?: Partial<Record<Metric, Metric[]>>;
  postedAt?: number;
  /** Counts at the fixed ages Feedlens saw the post around. */
  ages?: AgeSamples;
  /** Against the author's usual at the same age (null: too little history, or no age reached yet). */
  usual: UsualComparison | null;
  peers: PeerStanding | null;
}

export interface PostStatsReply {
  type: 'post-stats';
  /** Only posts that are stored; a key left out is not (yet) in the store. */
  stats: PostStats[];
}

export interface PostHistoryReply {
  type: 'post-history';
  key: string;
  /** Oldest first; at most {@link MAX_HISTORY_POINTS} (the newest). */
  points: CountPoint[];
}

/** Upper bound on keys per `post-stats` message (the overlay splits bigger batches). */
export const MAX_STATS_KEYS = 100;
/** Upper bound on the points of a `post-history` reply: plenty for a sparkline. */
export const MAX_HISTORY_POINTS = 500;
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

/** A post key of the sender's own platform (`x:123`), or undefined. */
function ownKey(value: unknown, senderPlatform: PlatformId): string | undefined {
  const prefix = `${senderPlatform}:`;
  if (typeof value !== 'string' || !value.startsWith(prefix)) return undefined;
  const id = value.length - prefix.length;
  return id > 0 && id <= MAX_ID_LENGTH ? value : undefined;
}

/**
 * A `post-stats` request as the background answers it: between 1 and {@link MAX_STATS_KEYS} keys,
 * every one of the sending tab's platform (a page of one site never learns what was stored from
 * another), duplicates dropped. Anything malformed rejects the whole message.
 */
export function validatePostStatsRequest(
  message: unknown,
  senderPlatform: PlatformId,
): Extract<OverlayRequest, { type: 'post-stats' }> | undefined {
  if (!isObject(message) || message.type !== 'post-stats' || !Array.isArray(message.keys)) return undefined;
  if (message.keys.length === 0 || message.keys.length > MAX_STATS_KEYS) return undefined;
  const keys = new Set<string>();
  for (const candidate of message.keys) {
    const key = ownKey(candidate, senderPlatform);
    if (!key) return undefined;
    keys.add(key);
  }
  return { type: 'post-stats', keys: [...keys] };
}

/** A `post-history` request: one key of the sending tab's platform. */
export function validatePostHistoryRequest(
  message: unknown,
  senderPlatform: PlatformId,
): Extract<OverlayRequest, { type: 'post-history' }> | undefined {
  if (!isObject(message) || message.type !== 'post-history') return undefined;
  const key = ownKey(message.key, senderPlatform);
  return key ? { type: 'post-history', key } : undefined;
}
