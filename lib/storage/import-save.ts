/**
 * Importing, step two: saving a checked file into the store, a few hundred posts (with all their
 * snapshots) per transaction, in key order, each merged with what is stored. Transactions stay
 * short so readings keep being written in between. The staging database remembers the last post
 * saved, and merging is idempotent (saving a post twice gives the same record), so when the browser
 * stops halfway the next start continues where it was.
 */
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from './db';
import { completeFromHistory, mergePosts } from './import';
import { readMeta, writeMeta, type StagingDatabase, type StagingMeta } from './import-staging';
import { abortQuietly } from './ingest';
import { isQuotaError } from './quota';

/** Posts per transaction: with a year's ten snapshots each, about 5,000 records. */
export const SAVE_BATCH = 500;

export interface SaveOptions {
  batch?: number;
  /** Runs right before and right after each write: whoever caches post records must forget them. */
  aroundWrite?(): void;
  /** A write refused for lack of space: make room; the batch is then tried once more. */
  makeRoom?(error: unknown): Promise<unknown>;
  onProgress?(meta: StagingMeta): void;
}

const historyRange = (key: string) => IDBKeyRange.bound([key, -Infinity], [key, Infinity]);

/** One batch: the staged posts merged with stored ones, their staged snapshots added, in one transaction. */
async function saveBatch(
  db: FeedlensDatabase,
  posts: readonly PostRecord[],
  snapshotsOf: ReadonlyMap<string, SnapshotRecord[]>,
): Promise<void> {
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  const postStore = tx.objectStore('posts');
  const snapshotStore = tx.objectStore('snapshots');
  const writes: Promise<unknown>[] = [];
  try {
    const stored = await Promise.all(posts.map((post) => postStore.get(post.key)));
    // Only posts already stored have a history to merge with (a fresh store reads nothing here).
    const histories = await Promise.all(
      posts.map((post, i) => (stored[i] ? snapshotStore.getAll(historyRange(post.key)) : [])),
    );
    posts.forEach((post, i) => {
      const incoming = snapshotsOf.get(post.key) ?? [];
      for (const snapshot of incoming) writes.push(snapshotStore.put(snapshot));
      const history = new Map(histories[i]!.map((s) => [s.at, s]));
      for (const snapshot of incoming) history.set(snapshot.at, snapshot);
      const existing = stored[i];
      const merged = existing ? mergePosts(existing, post) : post;
      writes.push(postStore.put(completeFromHistory(merged, [...history.values()])));
    });
    await Promise.all([...writes, tx.done]);
  } catch (error) {
    abortQuietly(tx, writes);
    throw error;
  }
}

/** Saves what is staged, from where the last run stopped; resolves with the final progress. */
export async function saveStaged(
  db: FeedlensDatabase,
  staging: StagingDatabase,
  options: SaveOptions = {},
): Promise<StagingMeta> {
  const batch = options.batch ?? SAVE_BATCH;
  const meta = await readMeta(staging);
  if (meta?.state !== 'saving') throw new Error('Nothing checked is waiting to be saved.');
  for (;;) {
    const after = meta.savedThrough === undefined ? undefined : IDBKeyRange.lowerBound(meta.savedThrough, true);
    const posts = await staging.getAll('posts', after, batch);
    if (posts.length === 0) return meta;
    const first = posts[0]!.key;
    const last = posts[posts.length - 1]!.key;
    // Staged snapshots all belong to staged posts, so this range holds exactly this batch's.
    const snapshots = await staging.getAll('snapshots', IDBKeyRange.bound([first, -Infinity], [last, Infinity]));
    const byPost = new Map<string, SnapshotRecord[]>();
    for (const snapshot of snapshots) {
      const list = byPost.get(snapshot.post);
      if (list) list.push(snapshot);
      else byPost.set(snapshot.post, [snapshot]);
    }
    const write = async () => {
      options.aroundWrite?.();
      try {
        await saveBatch(db, posts, byPost);
      } finally {
        options.aroundWrite?.();
      }
    };
    try {
      await write();
    } catch (error) {
      if (!options.makeRoom || !isQuotaError(error)) throw error;
      await options.makeRoom(error);
      await write();
    }
    meta.savedThrough = last;
    meta.savedPosts = (meta.savedPosts ?? 0) + posts.length;
    meta.savedSnapshots = (meta.savedSnapshots ?? 0) + snapshots.length;
    await writeMeta(staging, meta);
    options.onProgress?.(meta);
  }
}
