/**
 * Writing readings: one record per post, plus a time series of snapshots that grows only when a
 * count changed or enough time passed. A batch of readings is written in one transaction, so a
 * failure (a full disk) leaves everything already stored as it was.
 */
import { updateSamples } from '../metrics/ages';
import { postKey, type Count, type Counts, type Metric, type PostReading } from '../model';
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from './db';
import { retentionOrigin } from './derive';
import { groupByPost, mergeAliases } from './merge';
import { needsThinning } from './retention';

export interface SnapshotPolicy {
  /** A reading this long after the last snapshot is stored even if nothing changed. */
  heartbeatMs: number;
}

export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { heartbeatMs: 6 * 3600 * 1000 };

/**
 * What is stored of a count: no raw text, and nothing for `unknown` (a count we failed to read says
 * nothing about the post, and must not overwrite what we knew).
 */
export function storedCounts(counts: Counts): Counts {
  const stored: Counts = {};
  for (const [metric, count] of Object.entries(counts) as [Metric, Count][]) {
    switch (count.precision) {
      case 'unknown':
        break;
      case 'hidden':
        stored[metric] = { precision: 'hidden' };
        break;
      case 'exact':
        stored[metric] = { precision: 'exact', value: count.value };
        break;
      default:
        stored[metric] = { precision: count.precision, value: count.value, min: count.min, max: count.max };
    }
  }
  return stored;
}

function sameCount(a: Count | undefined, b: Count | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.precision !== b.precision) return false;
  if (!('value' in a) || !('value' in b)) return true;
  if (a.value !== b.value) return false;
  return a.precision === 'exact' || ('min' in b && a.min === b.min && a.max === b.max);
}

/** Whether any count in `next` differs from what `latest` says (counts `next` lacks are not changes). */
export function countsChanged(latest: Counts, next: Counts): boolean {
  return (Object.keys(next) as Metric[]).some((metric) => !sameCount(latest[metric], next[metric]));
}

/** The snapshot rule: the first reading, any changed count, or a heartbeat after a quiet period. */
export function needsSnapshot(
  record: Pick<PostRecord, 'latest' | 'lastSnapshotAt'> | undefined,
  counts: Counts,
  at: number,
  policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
): boolean {
  if (Object.keys(counts).length === 0) return false;
  if (!record) return true;
  return countsChanged(record.latest, counts) || at - record.lastSnapshotAt >= policy.heartbeatMs;
}

/** Applies one reading to a post's record (or creates it); returns the snapshot to add, if any. */
export function applyReading(
  record: PostRecord | undefined,
  reading: PostReading,
  policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
): { record: PostRecord; snapshot: SnapshotRecord | null } {
  const key = postKey(reading);
  const counts = storedCounts(reading.counts);
  const at = reading.readAt;
  const snapshot = needsSnapshot(record, counts, at, policy) ? { post: key, at, counts } : null;
  // Readings can arrive out of order across tabs: an older one never replaces newer facts.
  const newer = !record || at >= record.lastSeenAt;
  const next: PostRecord = record
    ? { ...record, latest: newer ? { ...record.latest, ...counts } : { ...counts, ...record.latest } }
    : {
        key,
        platform: reading.platform,
        postId: reading.postId,
        url: reading.url,
        firstSeenAt: at,
        lastSeenAt: at,
        latest: counts,
        lastSnapshotAt: at,
      };
  if (newer) {
    next.lastSeenAt = at;
    next.url = reading.url;
    if (reading.author !== undefined) next.author = reading.author;
    if (reading.text !== undefined) next.text = reading.text;
    if (reading.includes !== undefined) next.includes = reading.includes;
  } else {
    next.author ??= reading.author;
    next.text ??= reading.text;
  }
  next.firstSeenAt = Math.min(next.firstSeenAt, at);
  if (reading.postedAt !== undefined) next.postedAt = reading.postedAt;
  if (reading.promoted) next.promoted = true;
  if (snapshot) {
    if (record && needsThinning(record.lastSnapshotAt, at, retentionOrigin(next))) next.thin = 1;
    next.lastSnapshotAt = Math.max(record?.lastSnapshotAt ?? at, at);
  }
  trackAges(next, record?.last, { at, counts });
  return { record: next, snapshot };
}

/**
 * Keeps the post's counts at fixed ages (v2) current: every reading, stored as a snapshot or not,
 * is an observation, and the newest one is remembered as the neighbour of the next.
 */
function trackAges(next: PostRecord, previous: PostRecord['last'], point: NonNullable<PostRecord['last']>): void {
  if (Object.keys(point.counts).length === 0) return;
  if (next.postedAt !== undefined) {
    const ages = updateSamples(next.ages, previous, point, next.postedAt);
    if (ages) next.ages = ages;
  }
  if (!previous || point.at >= previous.at) next.last = point;
}

export interface IngestResult {
  posts: number;
  snapshots: number;
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
  if (readings.length === 0) return { posts: 0, snapshots: 0 };
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
    keys.forEach((key, index) => {
      let record = existing[index];
      const ordered = byPost.get(key)!.sort((a, b) => a.readAt - b.readAt);
      for (const reading of ordered) {
        const applied = applyReading(record, reading, policy);
        record = applied.record;
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
    return { posts: keys.length, snapshots: snapshotCount };
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
