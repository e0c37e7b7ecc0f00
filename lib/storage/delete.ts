/**
 * Deleting data the user asked to delete: everything, one site's posts, or one post, each with all
 * its snapshots, in one transaction (all or nothing); and retention by age: posts not seen for the
 * number of days the user chose, deleted a few at a time so readings keep being written.
 */
import { PLATFORM_IDS, type PlatformId } from '../model';
import type { FeedlensDatabase } from './schema';
import { abortQuietly } from './ingest';

export type DeleteScope = { kind: 'all' } | { kind: 'site'; platform: PlatformId } | { kind: 'post'; key: string };

export interface Deleted {
  posts: number;
  snapshots: number;
}

/** Post keys are "<platform>:<id>": every key of a site sorts between "<platform>:" and "<platform>;". */
export function siteKeyRange(platform: PlatformId): IDBKeyRange {
  return IDBKeyRange.bound(`${platform}:`, `${platform};`, false, true);
}

const siteSnapshotRange = (platform: PlatformId) => IDBKeyRange.bound([`${platform}:`], [`${platform};`], false, true);
export const postSnapshotRange = (key: string) => IDBKeyRange.bound([key, -Infinity], [key, Infinity]);

/** Deletes what `scope` names, with its snapshots, in one transaction; says how much went. */
export async function deleteData(db: FeedlensDatabase, scope: DeleteScope): Promise<Deleted> {
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  const posts = tx.objectStore('posts');
  const snapshots = tx.objectStore('snapshots');
  const requests: Promise<unknown>[] = [];
  try {
    let deleted: Deleted;
    if (scope.kind === 'all') {
      deleted = { posts: await posts.count(), snapshots: await snapshots.count() };
      requests.push(posts.clear(), snapshots.clear());
    } else {
      const postRange = scope.kind === 'site' ? siteKeyRange(scope.platform) : IDBKeyRange.only(scope.key);
      const snapshotRange = scope.kind === 'site' ? siteSnapshotRange(scope.platform) : postSnapshotRange(scope.key);
      deleted = { posts: await posts.count(postRange), snapshots: await snapshots.count(snapshotRange) };
      requests.push(posts.delete(postRange), snapshots.delete(snapshotRange));
    }
    await Promise.all([...requests, tx.done]);
    return deleted;
  } catch (error) {
    abortQuietly(tx, requests);
    throw error;
  }
}

/** Posts per transaction when deleting by age. */
export const EXPIRE_BATCH = 100;

/** Deletes up to `batch` posts of a platform last seen before `cutoff`, with their snapshots. */
async function expireBatch(
  db: FeedlensDatabase,
  platform: PlatformId,
  cutoff: number,
  batch: number,
): Promise<Deleted> {
  const tx = db.transaction(['posts', 'snapshots'], 'readwrite');
  const posts = tx.objectStore('posts');
  const snapshots = tx.objectStore('snapshots');
  const requests: Promise<unknown>[] = [];
  try {
    const range = IDBKeyRange.bound([platform, -Infinity], [platform, cutoff], false, true);
    const keys = await posts.index('by-platform-seen').getAllKeys(range, batch);
    const counts = await Promise.all(keys.map((key) => snapshots.count(postSnapshotRange(key))));
    for (const key of keys) requests.push(posts.delete(key), snapshots.delete(postSnapshotRange(key)));
    await Promise.all([...requests, tx.done]);
    return { posts: keys.length, snapshots: counts.reduce((a, b) => a + b, 0) };
  } catch (error) {
    abortQuietly(tx, requests);
    throw error;
  }
}

/**
 * Deletes every post last seen before `cutoff` with its snapshots, `batch` posts per transaction,
 * pausing between transactions (`pause`) so that other writes run in between.
 */
export async function expireUnseenPosts(
  db: FeedlensDatabase,
  cutoff: number,
  options: { batch?: number; pause?: () => Promise<void> } = {},
): Promise<Deleted> {
  const batch = options.batch ?? EXPIRE_BATCH;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const total: Deleted = { posts: 0, snapshots: 0 };
  for (const platform of PLATFORM_IDS) {
    for (;;) {
      const done = await expireBatch(db, platform, cutoff, batch);
      total.posts += done.posts;
      total.snapshots += done.snapshots;
      if (done.posts < batch) break;
      await pause();
    }
  }
  return total;
}

/** How many posts were last seen before `cutoff` (what a retention would delete now). */
export async function countUnseenSince(db: FeedlensDatabase, cutoff: number): Promise<number> {
  const tx = db.transaction('posts');
  const index = tx.store.index('by-platform-seen');
  const counts = await Promise.all(
    PLATFORM_IDS.map((platform) =>
      index.count(IDBKeyRange.bound([platform, -Infinity], [platform, cutoff], false, true)),
    ),
  );
  await tx.done;
  return counts.reduce((a, b) => a + b, 0);
}

/** The day count a retention means, as a cutoff: posts last seen before it are deleted. */
export function retentionCutoff(keepDays: number, now: number): number {
  return now - keepDays * 24 * 3600 * 1000;
}

export interface StoredTotals {
  posts: number;
  snapshots: number;
  /** Posts per site (only sites with posts). */
  sites: Partial<Record<PlatformId, number>>;
}

/** How much is stored, overall and per site: counts only, read through keys (no record is loaded). */
export async function storedTotals(db: FeedlensDatabase): Promise<StoredTotals> {
  const tx = db.transaction(['posts', 'snapshots']);
  const posts = tx.objectStore('posts');
  const [total, snapshots, perSite] = await Promise.all([
    posts.count(),
    tx.objectStore('snapshots').count(),
    Promise.all(PLATFORM_IDS.map((platform) => posts.count(siteKeyRange(platform)))),
  ]);
  await tx.done;
  const sites: StoredTotals['sites'] = {};
  PLATFORM_IDS.forEach((platform, i) => {
    if (perSite[i]) sites[platform] = perSite[i];
  });
  return { posts: total, snapshots, sites };
}
