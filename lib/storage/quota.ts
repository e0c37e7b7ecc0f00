/**
 * When the browser refuses a write for lack of space (`QuotaExceededError`): make room the way the
 * user already chose, and nothing more. Snapshots retention would thin anyway are thinned now, and
 * posts older than the user's "Keep posts" choice are deleted now rather than at the next cleanup.
 * Feedlens never deletes beyond that choice on its own: a record of what someone saw is theirs to
 * shorten. The caller retries the refused write once and tells the user what happened.
 */
import type { FeedlensDatabase } from './schema';
import { expireUnseenPosts, retentionCutoff, type Deleted } from './delete';
import { pruneAll } from './prune';

export function isQuotaError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'QuotaExceededError';
}

export interface RoomMade {
  /** Snapshots thinned by the retention tiers (lib/storage/retention.ts). */
  thinned: number;
  /** Posts (and their snapshots) deleted for being older than the user's retention. */
  expired: Deleted;
  keepDays: number | null;
}

export async function makeRoom(db: FeedlensDatabase, keepDays: number | null, now: number): Promise<RoomMade> {
  const thinned = (await pruneAll(db)).deleted;
  const expired =
    keepDays === null ? { posts: 0, snapshots: 0 } : await expireUnseenPosts(db, retentionCutoff(keepDays, now));
  return { thinned, expired, keepDays };
}

/** Whether making room freed anything at all. */
export const freedAny = (room: RoomMade) => room.thinned > 0 || room.expired.posts > 0;
