/**
 * Importing, step two: saving a checked file into the store in short transactions, each merged
 * with what is stored, so readings keep being written in between. First the snapshots, one staged
 * piece of the file per transaction, together with the posts they belong to; then the posts that
 * have no snapshot in the file, a few hundred at a time in key order.
 *
 * The staging database remembers how far saving got, and saving is idempotent (merging a post or
 * adding a snapshot twice gives the same record), so when the browser stops halfway the next start
 * continues where it was, and a post whose snapshots span two pieces is simply merged twice.
 */
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from './schema';
import { completeFromHistory, mergePosts } from './import';
import { readMeta, writeMeta, type StagingDatabase, type StagingMeta } from './import-staging';
import { abortQuietly } from './ingest';
import { isQuotaError } from './quota';

/** Posts per transaction when saving posts without snapshots. */
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

/** One batch: staged posts merged with stored ones, with their staged snapshots, in one transaction. */
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

/** Writes one batch, making room and trying once more if storage is full. */
async function write(
  db: FeedlensDatabase,
  posts: readonly PostRecord[],
  snapshotsOf: ReadonlyMap<string, SnapshotRecord[]>,
  options: SaveOptions,
): Promise<void> {
  const attempt = async () => {
    options.aroundWrite?.();
    try {
      await saveBatch(db, posts, snapshotsOf);
    } finally {
      options.aroundWrite?.();
    }
  };
  try {
    await attempt();
  } catch (error) {
    if (!options.makeRoom || !isQuotaError(error)) throw error;
    await options.makeRoom(error);
    await attempt();
  }
}

function snapshotsByPost(snapshots: readonly SnapshotRecord[]): Map<string, SnapshotRecord[]> {
  const byPost = new Map<string, SnapshotRecord[]>();
  for (const snapshot of snapshots) {
    const list = byPost.get(snapshot.post);
    if (list) list.push(snapshot);
    else byPost.set(snapshot.post, [snapshot]);
  }
  return byPost;
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
  /** Posts saved with their snapshots in this run: the second pass skips them. */
  const saved = new Set<string>();
  const step = async (
    posts: readonly PostRecord[],
    byPost: ReadonlyMap<string, SnapshotRecord[]>,
    snapshots: number,
  ) => {
    await write(db, posts, byPost, options);
    const fresh = posts.filter((p) => !saved.has(p.key)).length;
    meta.savedPosts = Math.min(meta.posts, (meta.savedPosts ?? 0) + fresh);
    // After a restart a few records are saved again: the counts never pass the totals.
    meta.savedSnapshots = Math.min(meta.snapshots, (meta.savedSnapshots ?? 0) + snapshots);
    for (const post of posts) saved.add(post.key);
  };

  // A post's snapshots can straddle two pieces: the last post of a piece waits for the next one,
  // so that each post is completed once from its whole history (exports list snapshots by post).
  const pieces = meta.pieces ?? 0;
  let carried: SnapshotRecord[] = [];
  let carriedFrom = meta.savedPieces ?? 0;
  for (let piece = carriedFrom; piece < pieces; piece++) {
    const text = await staging.get('snapshots', piece);
    const all = carried.concat(JSON.parse(text ?? '[]') as SnapshotRecord[]);
    const last = piece < pieces - 1 ? all[all.length - 1]?.post : undefined;
    const now = all.filter((snapshot) => snapshot.post !== last);
    // The waiting snapshots began in this piece, unless they are the same post's as before.
    if (last === undefined || carried[0]?.post !== last) carriedFrom = piece;
    carried = all.filter((snapshot) => snapshot.post === last);
    if (now.length) {
      const byPost = snapshotsByPost(now);
      const tx = staging.transaction('posts');
      // The check staged every snapshot's post (it refuses a file with orphan snapshots).
      const posts = await Promise.all([...byPost.keys()].map((key) => tx.store.get(key) as Promise<PostRecord>));
      await step(posts, byPost, now.length);
    }
    // A restart goes back to the piece the waiting snapshots came from.
    if (carried.length === 0) carriedFrom = piece + 1;
    meta.savedPieces = carriedFrom;
    await writeMeta(staging, meta);
    options.onProgress?.(meta);
  }

  for (;;) {
    const after = meta.savedThrough === undefined ? undefined : IDBKeyRange.lowerBound(meta.savedThrough, true);
    const keys = await staging.getAllKeys('posts', after, batch);
    if (keys.length === 0) return meta;
    // After a restart this run does not know which posts were saved with their snapshots: saving
    // them again changes nothing.
    const rest = keys.filter((key) => !saved.has(key));
    if (rest.length) {
      const tx = staging.transaction('posts');
      const posts = await Promise.all(rest.map((key) => tx.store.get(key) as Promise<PostRecord>));
      await step(posts, new Map(), 0);
    }
    meta.savedThrough = keys[keys.length - 1]!;
    await writeMeta(staging, meta);
    options.onProgress?.(meta);
  }
}
