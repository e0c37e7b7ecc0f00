/**
 * Writing readings: one record per post, plus a time series of snapshots that grows only when a
 * count changed or enough time passed, and never faster than the rate limit allows
 * (lib/storage/snapshot-policy.ts). A batch of readings is written in one transaction, so a
 * failure (a full disk) leaves everything already stored as it was.
 *
 * Applying a reading twice changes nothing: content scripts resend what the background did not
 * acknowledge, and an acknowledgement can be lost after the write committed.
 */
import { updateSamples } from '../metrics/ages';
import { postKey, type PostReading } from '../model';
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from './db';
import { retentionOrigin } from './derive';
import { sameIdentity } from './identity';
import { groupByPost, mergeAliases } from './merge';
import { needsThinning } from './retention';
import {
  DEFAULT_SNAPSHOT_POLICY,
  advanceClock,
  snapshotDecision,
  storedCounts,
  type SnapshotPolicy,
} from './snapshot-policy';

export {
  DEFAULT_SNAPSHOT_POLICY,
  countsChanged,
  needsSnapshot,
  storedCounts,
  type SnapshotPolicy,
} from './snapshot-policy';

export interface AppliedReading {
  record: PostRecord;
  snapshot: SnapshotRecord | null;
  /** The reading cannot be of this post (lib/storage/identity.ts): nothing of it was applied. */
  refused?: true;
}

/**
 * Applies one reading to a post's record (or creates it); returns the snapshot to add, if any.
 *
 * Readings can arrive out of order (tabs, resends). Only a reading newer than everything the record
 * knows changes its facts, takes a snapshot, or becomes its `last`; an older one, or one as old (a
 * resent reading is one), only fills in what the record lacks: a count never seen, an earlier first
 * sighting, a closer count at a fixed age. So a reading applied twice leaves the record as it was.
 */
export function applyReading(
  record: PostRecord | undefined,
  reading: PostReading,
  policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
): AppliedReading {
  if (record && !sameIdentity(record, reading)) return { record, snapshot: null, refused: true };
  const key = postKey(reading);
  const counts = storedCounts(reading.counts);
  const at = reading.readAt;
  const newer = !record || at > record.lastSeenAt;
  const next: PostRecord = record
    ? { ...record }
    : {
        key,
        platform: reading.platform,
        postId: reading.postId,
        url: reading.url,
        firstSeenAt: at,
        lastSeenAt: at,
        latest: {},
        lastSnapshotAt: at,
      };
  let snapshot: SnapshotRecord | null = null;
  if (newer) {
    next.latest = { ...next.latest, ...counts };
    next.lastSeenAt = at;
    next.url = reading.url;
    if (reading.author !== undefined) next.author = reading.author;
    if (reading.text !== undefined) next.text = reading.text;
    if (reading.includes !== undefined) next.includes = reading.includes;
    if (reading.postedAt !== undefined) next.postedAt = reading.postedAt;
    const decision = snapshotDecision(record, counts, at, policy);
    if (decision === 'take') {
      snapshot = { post: key, at, counts };
      if (record && needsThinning(record.lastSnapshotAt, at, retentionOrigin(next))) next.thin = 1;
      next.lastSnapshotAt = Math.max(record?.lastSnapshotAt ?? at, at);
      next.snapshotClock = advanceClock(record?.snapshotClock, at, policy);
      delete next.heldBack;
    } else if (decision === 'hold') next.heldBack = 1;
  } else {
    next.latest = { ...counts, ...next.latest };
    if (next.author === undefined && reading.author !== undefined) next.author = reading.author;
    if (next.text === undefined && reading.text !== undefined) next.text = reading.text;
    if (next.postedAt === undefined && reading.postedAt !== undefined) next.postedAt = reading.postedAt;
    if (next.includes === undefined && reading.includes !== undefined) next.includes = reading.includes;
    next.firstSeenAt = Math.min(next.firstSeenAt, at);
  }
  if (reading.promoted) next.promoted = true;
  trackAges(next, newer ? record?.last : undefined, { at, counts }, newer);
  return { record: next, snapshot };
}

/**
 * Keeps the post's counts at fixed ages (v2) current: every reading, stored as a snapshot or not,
 * is an observation, and the newest one is remembered as the neighbour of the next. An older
 * reading is compared with the age on its own (its neighbours are not known), which gives the same
 * result however often it comes.
 */
function trackAges(
  next: PostRecord,
  previous: PostRecord['last'],
  point: NonNullable<PostRecord['last']>,
  newest: boolean,
): void {
  if (Object.keys(point.counts).length === 0) return;
  if (next.postedAt !== undefined) {
    const ages = updateSamples(next.ages, previous, point, next.postedAt);
    if (ages) next.ages = ages;
  }
  if (newest) next.last = point;
}

export interface IngestResult {
  posts: number;
  snapshots: number;
  /** Readings refused because they cannot be of the post stored under their id. */
  refused: number;
}

/**
 * The post records the ingest path wrote last, so that the next batch need not read them back:
 * a feed shows the same posts again and again. Bounded (oldest dropped first); whoever else writes
 * posts (retention, import) clears it.
 */
export interface PostCache {
  get(key: string): PostRecord | undefined;
  set(key: string, record: PostRecord): void;
  delete(key: string): void;
  clear(): void;
}

export function createPostCache(limit = 5000): PostCache {
  const records = new Map<string, PostRecord>();
  return {
    get: (key) => records.get(key),
    set(key, record) {
      records.delete(key);
      records.set(key, record);
      if (records.size > limit) records.delete(records.keys().next().value!);
    },
    delete: (key) => void records.delete(key),
    clear: () => records.clear(),
  };
}

/**
 * Writes a batch of readings in a single transaction: one `put` per distinct post (and a `get`
 * for posts not in `cache`), one `put` per new snapshot. Nothing but IndexedDB work happens while
 * the transaction is open.
 */
export async function ingestReadings(
  db: FeedlensDatabase,
  readings: readonly PostReading[],
  policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
  cache?: PostCache,
): Promise<IngestResult> {
  const byPost = groupByPost(readings);
  const keys = [...byPost.keys()];
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  const posts = tx.objectStore('posts');
  const snapshots = tx.objectStore('snapshots');
  const writes: Promise<unknown>[] = [];
  const written = new Map<string, PostRecord>();
  try {
    const cached = keys.map((key) => cache?.get(key));
    const existing = await Promise.all(keys.map((key, i) => cached[i] ?? posts.get(key)));
    // Records stored under another key of the same post (lib/storage/merge.ts) are folded in first.
    for (const [index, key] of keys.entries()) {
      const merged = await mergeAliases(tx, byPost.get(key)!, existing[index]);
      existing[index] = merged.record;
      for (const removed of merged.removed) cache?.delete(removed);
    }
    let snapshotCount = 0;
    let refused = 0;
    keys.forEach((key, index) => {
      let record = existing[index];
      const ordered = byPost.get(key)!.sort((a, b) => a.readAt - b.readAt);
      for (const reading of ordered) {
        const applied = applyReading(record, reading, policy);
        record = applied.record;
        if (applied.refused) refused++;
        if (applied.snapshot) {
          writes.push(snapshots.put(applied.snapshot));
          snapshotCount++;
        }
      }
      writes.push(posts.put(record!));
      written.set(key, record!);
    });
    await Promise.all([...writes, tx.done]);
    for (const [key, record] of written) cache?.set(key, record);
    return { posts: keys.length, snapshots: snapshotCount, refused };
  } catch (error) {
    abortQuietly(tx, writes);
    // Nothing of this batch was written: the cache must not remember it either.
    for (const key of keys) cache?.delete(key);
    throw error;
  }
}

/**
 * Rolls back whatever part of a batch was written. The requests already made then fail with
 * AbortError; they are settled here because the caller only needs the first error.
 */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }, requests: readonly Promise<unknown>[]): void {
  void Promise.allSettled([...requests, tx.done]);
  try {
    tx.abort();
  } catch {
    // Already finished or aborted: nothing to roll back.
  }
}
