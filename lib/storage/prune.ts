/**
 * Applies the retention policy (retention.ts) to the store: posts flagged at ingest (`thin`) are
 * thinned a few at a time, each batch in its own short transaction, so readings arriving meanwhile
 * wait at most one small batch.
 */
import type { FeedlensDatabase, PostRecord } from './db';
import { retentionOrigin } from './derive';
import { abortQuietly } from './ingest';
import { snapshotsToDrop } from './retention';

/** Posts per transaction: each has at most a few hundred snapshots after a first thinning. */
export const PRUNE_BATCH = 20;

export interface PruneResult {
  posts: number;
  deleted: number;
}

/**
 * Thins up to `batch` flagged posts in one transaction. Returns what it did; `posts: 0` means
 * nothing is left to do.
 */
export async function pruneBatch(db: FeedlensDatabase, batch = PRUNE_BATCH): Promise<PruneResult> {
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  const posts = tx.objectStore('posts');
  const snapshots = tx.objectStore('snapshots');
  const writes: Promise<unknown>[] = [];
  try {
    const flagged: PostRecord[] = await posts.index('by-thin').getAll(1, batch);
    const histories = await Promise.all(
      flagged.map((post) => snapshots.getAll(IDBKeyRange.bound([post.key, -Infinity], [post.key, Infinity]))),
    );
    let deleted = 0;
    flagged.forEach((post, i) => {
      for (const at of snapshotsToDrop(histories[i]!, retentionOrigin(post))) {
        writes.push(snapshots.delete([post.key, at]));
        deleted++;
      }
      const { thin: _thin, ...unflagged } = post;
      writes.push(posts.put(unflagged));
    });
    await Promise.all([...writes, tx.done]);
    return { posts: flagged.length, deleted };
  } catch (error) {
    abortQuietly(tx, writes);
    throw error;
  }
}

/**
 * Thins every flagged post, batch after batch, yielding between batches (`pause`) so other work
 * (ingest) runs in between. Stops early when `shouldStop()` says so; returns the totals.
 */
export async function pruneAll(
  db: FeedlensDatabase,
  options: { batch?: number; pause?: () => Promise<void>; shouldStop?: () => boolean } = {},
): Promise<PruneResult> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const total: PruneResult = { posts: 0, deleted: 0 };
  for (;;) {
    if (options.shouldStop?.()) return total;
    const done = await pruneBatch(db, options.batch);
    total.posts += done.posts;
    total.deleted += done.deleted;
    if (done.posts === 0) return total;
    await pause();
  }
}
