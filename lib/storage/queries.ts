/**
 * Read-side queries the popup and dashboard use. Every one is bounded: it reads at most the records
 * it returns (plus one cursor step), through an index, so opening a page costs the same with a
 * year of data as with a day of it. Nothing here ever reads all snapshots.
 */
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
  return newestIn(db, 'by-platform-seen', IDBKeyRange.bound([platform, -Infinity], [platform, Infinity]), limit);
}

/** A post's snapshots, oldest first. */
export function snapshotsOf(db: FeedlensDatabase, key: string): Promise<SnapshotRecord[]> {
  return db.getAll('snapshots', IDBKeyRange.bound([key, -Infinity], [key, Infinity]));
}

type PostIndex = 'by-platform-seen' | 'by-author-posted' | 'by-platform-posted';

/**
 * The newest `limit` records of an index range, newest first, in three requests whatever the
 * store's size: a reverse key cursor, one `advance` to the limit-th key, and one `getAll` from
 * there (getAll is many times faster than stepping a cursor record by record).
 */
async function newestIn(
  db: FeedlensDatabase,
  index: PostIndex,
  range: IDBKeyRange,
  limit: number,
): Promise<PostRecord[]> {
  if (limit <= 0) return [];
  const tx = db.transaction('posts');
  const store = tx.store.index(index);
  let cursor = await store.openKeyCursor(range, 'prev');
  if (!cursor) return [];
  if (limit > 1) {
    const last = cursor.key;
    cursor = await cursor.advance(limit - 1);
    // Fewer than `limit` records: the whole range. Else from the limit-th newest key on (ties at
    // that key may add a few, trimmed below).
    const lower = cursor ? cursor.key : range.lower;
    const open = cursor ? false : range.lowerOpen;
    const records = await store.getAll(IDBKeyRange.bound(lower, last, open, false));
    await tx.done;
    return records.reverse().slice(0, limit);
  }
  // The key came from the index in this transaction: its record is there.
  const first = (await store.get(cursor.key))!;
  await tx.done;
  return [first];
}

export interface TimeRange {
  /** Inclusive lower bound (epoch ms). */
  from?: number;
  /** Exclusive upper bound (epoch ms). */
  to?: number;
}

/** An author's newest posts by publication time (posts without a time or author are not indexed). */
export function newestPostsOfAuthor(
  db: FeedlensDatabase,
  platform: PlatformId,
  author: string,
  limit: number,
  range: TimeRange = {},
): Promise<PostRecord[]> {
  const keys = IDBKeyRange.bound(
    [platform, author, range.from ?? -Infinity],
    [platform, author, range.to ?? Infinity],
    false,
    range.to !== undefined,
  );
  return newestIn(db, 'by-author-posted', keys, limit);
}

/** A platform's newest posts by publication time, within a range. */
export function newestPostsOnPlatform(
  db: FeedlensDatabase,
  platform: PlatformId,
  limit: number,
  range: TimeRange = {},
): Promise<PostRecord[]> {
  const keys = IDBKeyRange.bound(
    [platform, range.from ?? -Infinity],
    [platform, range.to ?? Infinity],
    false,
    range.to !== undefined,
  );
  return newestIn(db, 'by-platform-posted', keys, limit);
}

/** When each platform was last read (one key per platform), for choosing what to show first. */
export async function lastSeenByPlatform(
  db: FeedlensDatabase,
  platforms: readonly PlatformId[],
): Promise<Partial<Record<PlatformId, number>>> {
  const tx = db.transaction('posts');
  const index = tx.store.index('by-platform-seen');
  const result: Partial<Record<PlatformId, number>> = {};
  await Promise.all(
    platforms.map(async (platform) => {
      const cursor = await index.openKeyCursor(IDBKeyRange.bound([platform, -Infinity], [platform, Infinity]), 'prev');
      if (cursor) result[platform] = (cursor.key as [PlatformId, number])[1];
    }),
  );
  await tx.done;
  return result;
}

/** Posts whose key starts with `platform:` and whose author starts with `prefix` (the author picker). */
export async function authorsLike(
  db: FeedlensDatabase,
  platform: PlatformId,
  prefix: string,
  limit: number,
): Promise<string[]> {
  const range = IDBKeyRange.bound([platform, prefix], [platform, `${prefix}\uffff`]);
  const authors: string[] = [];
  let cursor = await db.transaction('posts').store.index('by-author').openKeyCursor(range);
  while (cursor && authors.length < limit) {
    const author = (cursor.key as [PlatformId, string])[1];
    authors.push(author);
    // Jump past this author's other posts in one step.
    cursor = await cursor.continue([platform, `${author}\u0000`]);
  }
  return authors;
}
