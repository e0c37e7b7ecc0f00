/**
 * The overlay channel: what a content script's in-feed overlay asks the background (the stored facts
 * of the posts on screen, a post's history), the replies, and the background's validation of the
 * requests.
 */
import type { AgeId, AgeSamples, CountPoint } from '../metrics/ages';
import type { Percentile } from '../metrics/baseline';
import type { UsualComparison } from '../metrics/compare';
import type { Counts, Metric, PlatformId } from '../model';
import { isObject } from './checks';
import { MAX_ID_LENGTH } from './reading';

/**
 * Asked of the background by a content script's overlay: the stored facts of the posts on screen
 * (one message per batch of frames, never one per post), and a post's history when its card opens.
 */
export type OverlayRequest =
  | { type: 'post-stats'; keys: string[] }
  | { type: 'post-history'; key: string }
  // The first card opened on a page: the background injects the card's code (lib/overlay/card-loader.ts).
  | { type: 'card-script' };

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

/** A `card-script` request: nothing but its type. */
export function validateCardScriptRequest(
  message: unknown,
): Extract<OverlayRequest, { type: 'card-script' }> | undefined {
  return isObject(message) && message.type === 'card-script' && Object.keys(message).length === 1
    ? { type: 'card-script' }
    : undefined;
}

/** The background's answer once `card.js` has run in the asking frame. */
export interface CardScriptReply {
  type: 'card-script';
  injected: boolean;
}
