/** Read-side queries the popup and dashboard use. */
import type { PlatformId } from '../model';
import type { FeedlensDatabase, PostRecord, SnapshotRecord } from './db';

/** The stored records for these keys, in the same order; posts not (yet) stored are left out. */
export async function postsByKeys(db: FeedlensDatabase, keys: readonly string[]): Promise<PostRecord[]> {
  const tx = db.transaction('posts');
  const found = await Promise.all(keys.map((key) => tx.store.get(key)));
  await tx.done;
  return found.filter((record): record is PostRecord => record !== undefined);
}

/** The most recently seen posts on a platform, newest first. */
export async function recentPosts(db: FeedlensDatabase, platform: PlatformId, limit: number): Promise<PostRecord[]> {
  const range = IDBKeyRange.bound([platform, -Infinity], [platform, Infinity]);
  const result: PostRecord[] = [];
  let cursor = await db.transaction('posts').store.index('by-platform-seen').openCursor(range, 'prev');
  while (cursor && result.length < limit) {
    result.push(cursor.value);
    cursor = await cursor.continue();
  }
  return result;
}

/** A post's snapshots, oldest first. */
export function snapshotsOf(db: FeedlensDatabase, key: string): Promise<SnapshotRecord[]> {
  return db.getAll('snapshots', IDBKeyRange.bound([key, -Infinity], [key, Infinity]));
}
