import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { exact, type Counts, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase, type PostRecord } from './db';
import {
  DEFAULT_SNAPSHOT_POLICY,
  countsChanged,
  ingestReadings,
  needsSnapshot,
  storedCounts,
  createPostCache,
} from './ingest';
import { snapshotsOf } from './queries';

const HOUR = 3600_000;
const T0 = Date.parse('2026-11-01T12:00:00Z');

function reading(postId: string, readAt: number, counts: Counts, extra: Partial<PostReading> = {}): PostReading {
  return { platform: 'x', postId, url: `https://x.com/ada/status/${postId}`, author: 'ada', counts, readAt, ...extra };
}

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
});

describe('snapshot policy', () => {
  it('stores the first reading, a changed count, and a heartbeat after a quiet period, nothing else', () => {
    const record = { latest: { likes: exact(5) }, lastSnapshotAt: T0 };
    expect(needsSnapshot(undefined, { likes: exact(5) }, T0)).toBe(true);
    expect(needsSnapshot(record, { likes: exact(5) }, T0 + HOUR)).toBe(false);
    expect(needsSnapshot(record, { likes: exact(6) }, T0 + 60_000)).toBe(true);
    expect(needsSnapshot(record, { likes: exact(5) }, T0 + DEFAULT_SNAPSHOT_POLICY.heartbeatMs)).toBe(true);
  });

  it('does not count a metric the new reading lacks as a change', () => {
    expect(countsChanged({ likes: exact(5), views: exact(90) }, { likes: exact(5) })).toBe(false);
    expect(countsChanged({ likes: exact(5) }, { likes: exact(5), views: exact(90) })).toBe(true);
  });

  it('stores no raw text, and never an unknown count', () => {
    expect(
      storedCounts({
        likes: { precision: 'exact', value: 5, raw: '5' },
        views: { precision: 'rounded', value: 12000, min: 11500, max: 12500, raw: '12K' },
        replies: { precision: 'unknown', raw: '??' },
        bookmarks: { precision: 'hidden', raw: 'Liked by ada and others' },
      }),
    ).toEqual({
      likes: { precision: 'exact', value: 5 },
      views: { precision: 'rounded', value: 12000, min: 11500, max: 12500 },
      bookmarks: { precision: 'hidden' },
    });
  });
});

describe('ingesting readings', () => {
  it('keeps one record per post and a snapshot per change', async () => {
    await ingestReadings(db, [reading('1', T0, { likes: exact(5), views: exact(100) })]);
    await ingestReadings(db, [reading('1', T0 + 60_000, { likes: exact(5), views: exact(100) })]);
    await ingestReadings(db, [reading('1', T0 + 120_000, { likes: exact(7), views: exact(140) })]);

    const posts = await db.getAll('posts');
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      key: 'x:1',
      firstSeenAt: T0,
      lastSeenAt: T0 + 120_000,
      lastSnapshotAt: T0 + 120_000,
      latest: { likes: { value: 7 }, views: { value: 140 } },
    });
    const history = await snapshotsOf(db, 'x:1');
    expect(history.map((s) => [s.at, s.counts.likes])).toEqual([
      [T0, { precision: 'exact', value: 5 }],
      [T0 + 120_000, { precision: 'exact', value: 7 }],
    ]);
  });

  it('keeps a count it knew when a later reading cannot see it (views are not shown everywhere)', async () => {
    await ingestReadings(db, [reading('1', T0, { likes: exact(5), views: exact(100) })]);
    await ingestReadings(db, [reading('1', T0 + HOUR, { likes: exact(9), views: { precision: 'unknown', raw: '' } })]);
    const [post] = await db.getAll('posts');
    expect(post?.latest).toEqual({ likes: exact(9), views: exact(100) });
  });

  it('writes a whole batch in one transaction, in reading order per post', async () => {
    const spy = vi.spyOn(db, 'transaction');
    const result = await ingestReadings(db, [
      reading('2', T0 + 2000, { likes: exact(3) }),
      reading('1', T0, { likes: exact(1) }),
      reading('2', T0 + 1000, { likes: exact(2) }),
      reading('1', T0 + 500, { likes: exact(1) }),
    ]);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(result).toEqual({ posts: 2, snapshots: 3, refused: 0 });
    expect((await snapshotsOf(db, 'x:2')).map((s) => s.counts.likes)).toEqual([exact(2), exact(3)]);
    expect((await db.get('posts', 'x:2'))?.latest.likes).toEqual(exact(3));
  });

  it('never lets an older reading from another tab overwrite newer counts, and keeps only what it adds', async () => {
    await ingestReadings(db, [reading('1', T0 + HOUR, { likes: exact(50) }, { text: 'edited text' })]);
    await ingestReadings(db, [reading('1', T0, { likes: exact(40), views: exact(900) }, { text: 'original text' })]);
    const post = await db.get('posts', 'x:1');
    expect(post).toMatchObject({
      firstSeenAt: T0,
      lastSeenAt: T0 + HOUR,
      text: 'edited text',
      // Views were never seen by the newer reading: the older one fills them in.
      latest: { likes: exact(50), views: exact(900) },
    });
    // History is the order the store learned it in: a late reading adds no snapshot behind the newest.
    expect((await snapshotsOf(db, 'x:1')).map((s) => s.at)).toEqual([T0 + HOUR]);
  });

  it('loses nothing already stored when a write fails (a full disk)', async () => {
    await ingestReadings(db, [reading('1', T0, { likes: exact(5) })]);
    // The disk fills up partway through the batch: the writes before the failure must not land.
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(
      ingestReadings(db, [reading('1', T0 + HOUR, { likes: exact(99) }), reading('2', T0, { likes: exact(1) })]),
    ).rejects.toMatchObject({
      name: 'QuotaExceededError',
    });
    put.mockRestore();
    expect(await db.getAll('posts')).toMatchObject([{ key: 'x:1', latest: { likes: exact(5) } }]);
    expect(await db.count('snapshots')).toBe(1);
  });
});

describe('counts at fixed ages, kept at ingest (schema v2)', () => {
  const MIN = 60_000;
  const posted = (id: string, readAt: number, likes: number) =>
    reading(id, readAt, { likes: exact(likes) }, { postedAt: T0 });

  it('fills an age from the readings around it, even when nothing changed and no snapshot was written', async () => {
    await ingestReadings(db, [posted('1', T0 + 50 * MIN, 10)]);
    await ingestReadings(db, [posted('1', T0 + 56 * MIN, 10)]); // unchanged: no snapshot, still an observation
    await ingestReadings(db, [posted('1', T0 + 64 * MIN, 30)]);
    const post = await db.get('posts', 'x:1');
    expect(await db.count('snapshots')).toBe(2);
    // 56 and 64 minutes bracket the hour: halfway from 10 to 30.
    expect(post?.ages?.['1h']).toEqual({
      counts: { likes: { precision: 'estimated', value: 20, min: 20, max: 20 } },
      off: 4 * MIN,
    });
    expect(post?.last).toEqual({ at: T0 + 64 * MIN, counts: { likes: exact(30) } });
  });

  it('keeps no ages for a post without a publication time, and flags a post for thinning when snapshots crowd', async () => {
    await ingestReadings(db, [reading('1', T0, { likes: exact(1) }), reading('1', T0 + MIN, { likes: exact(2) })]);
    const post = await db.get('posts', 'x:1');
    expect(post?.ages).toBeUndefined();
    expect(post?.thin).toBe(1);
    expect(await db.getAllKeysFromIndex('posts', 'by-thin', 1)).toEqual(['x:1']);
  });

  it('does not let an out-of-order reading replace the newest reading', async () => {
    await ingestReadings(db, [posted('1', T0 + 2 * HOUR, 90)]);
    await ingestReadings(db, [posted('1', T0 + 61 * MIN, 40)]);
    const post = await db.get('posts', 'x:1');
    expect(post?.last?.at).toBe(T0 + 2 * HOUR);
    expect(post?.ages?.['1h']).toEqual({ counts: { likes: exact(40) }, off: MIN });
  });
});

describe('the ingest cache', () => {
  it('skips reading back posts it wrote itself', async () => {
    const cache = createPostCache();
    await ingestReadings(db, [reading('1', T0, { likes: exact(1) })], undefined, cache);
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    await ingestReadings(
      db,
      [reading('1', T0 + HOUR, { likes: exact(2) }), reading('2', T0, { likes: exact(1) })],
      undefined,
      cache,
    );
    expect(get).toHaveBeenCalledTimes(1); // only the post it had not seen
    expect((await db.get('posts', 'x:1'))?.latest.likes).toEqual(exact(2));
  });

  it('forgets a batch whose write failed, so nothing unwritten is built upon', async () => {
    const cache = createPostCache();
    await ingestReadings(db, [reading('1', T0, { likes: exact(1) })], undefined, cache);
    const realPut = IDBObjectStore.prototype.put;
    let calls = 0;
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(
      ingestReadings(db, [reading('1', T0 + HOUR, { likes: exact(50) })], undefined, cache),
    ).rejects.toThrow();
    put.mockRestore();
    expect(cache.get('x:1')).toBeUndefined();
    await ingestReadings(db, [reading('1', T0 + 2 * HOUR, { likes: exact(3) })], undefined, cache);
    expect((await snapshotsOf(db, 'x:1')).map((s) => s.counts.likes)).toEqual([exact(1), exact(3)]);
  });

  it('picks up what another writer changed once cleared (an import, retention)', async () => {
    const cache = createPostCache();
    await ingestReadings(db, [reading('1', T0, { likes: exact(1) })], undefined, cache);
    const stored = (await db.get('posts', 'x:1'))!;
    await db.put('posts', { ...stored, firstSeenAt: T0 - 30 * 24 * HOUR, text: 'imported text' });
    cache.clear();
    await ingestReadings(db, [reading('1', T0 + HOUR, { likes: exact(2) }, { text: undefined })], undefined, cache);
    expect(await db.get('posts', 'x:1')).toMatchObject({
      firstSeenAt: T0 - 30 * 24 * HOUR,
      text: 'imported text',
      latest: { likes: exact(2) },
    });
  });

  it('stays within its bound, dropping the least recently written first', () => {
    const cache = createPostCache(2);
    const record = (key: string) => ({ key }) as unknown as PostRecord;
    cache.set('a', record('a'));
    cache.set('b', record('b'));
    cache.set('a', record('a'));
    cache.set('c', record('c'));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((r) => r?.key)).toEqual(['a', undefined, 'c']);
  });
});
