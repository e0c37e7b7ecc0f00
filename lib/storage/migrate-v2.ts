/**
 * The v1 → v2 upgrade's data step: every post stored by v1 gets its counts at fixed ages, its
 * latest reading and its retention flag, computed from its snapshots. Runs inside the
 * versionchange transaction (only IndexedDB requests are awaited, so it stays open), page by page
 * so that a large store never has to be in memory at once.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { FeedlensDB, PostRecord, SnapshotRecord } from './schema';
import { deriveFromSnapshots, withDerived } from './derive';

/** Posts per page: their snapshots are read with one request. */
const PAGE = 500;

export async function backfillV2(
  tx: IDBPTransaction<FeedlensDB, StoreNames<FeedlensDB>[], 'versionchange'>,
): Promise<void> {
  const posts = tx.objectStore('posts');
  const snapshots = tx.objectStore('snapshots');
  let after: string | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const page: PostRecord[] = await posts.getAll(range, PAGE);
    if (page.length === 0) return;
    const first = page[0]!.key;
    const last = page[page.length - 1]!.key;
    const history: SnapshotRecord[] = await snapshots.getAll(IDBKeyRange.bound([first, -Infinity], [last, Infinity]));
    const byPost = new Map<string, SnapshotRecord[]>();
    for (const snapshot of history) {
      const list = byPost.get(snapshot.post);
      if (list) list.push(snapshot);
      else byPost.set(snapshot.post, [snapshot]);
    }
    await Promise.all(
      page.map((post) => posts.put(withDerived(post, deriveFromSnapshots(post, byPost.get(post.key) ?? [])))),
    );
    if (page.length < PAGE) return;
    after = last;
  }
}
