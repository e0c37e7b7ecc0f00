import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRetentionJob } from '../background/retention-job';
import { exact, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from './db';
import { ingestReadings } from './ingest';
import { pruneAll, pruneBatch } from './prune';
import { snapshotsOf } from './queries';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const POSTED = Date.parse('2026-01-01T00:00:00Z');

/** A post read every `every` ms over `span`, its likes growing each time. */
function readings(id: string, span: number, every: number): PostReading[] {
  return Array.from({ length: Math.floor(span / every) }, (_, i) => ({
    platform: 'x',
    postId: id,
    url: `https://x.com/ada/status/${id}`,
    author: 'ada',
    postedAt: POSTED,
    counts: { likes: exact(i) },
    readAt: POSTED + i * every,
  }));
}

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
});

describe('pruning the store', () => {
  it('thins flagged posts to the retention policy and clears the flag, keeping their ages', async () => {
    await ingestReadings(db, readings('1', 10 * DAY, 10 * MIN));
    expect(await db.count('snapshots')).toBe(1440);
    const before = await db.get('posts', 'x:1');
    expect(before?.thin).toBe(1);

    const result = await pruneAll(db);
    expect(result).toEqual({ posts: 1, deleted: 1440 - (144 + 144 + 3) });
    const after = await db.get('posts', 'x:1');
    expect(after?.thin).toBeUndefined();
    expect(after?.ages).toEqual(before?.ages);
    expect(after?.ages?.['7d']).toBeDefined();
    const history = await snapshotsOf(db, 'x:1');
    expect(history.at(-1)?.at).toBe(after?.lastSnapshotAt); // the newest snapshot always stays
    expect(await pruneAll(db)).toEqual({ posts: 0, deleted: 0 });
  });

  it('leaves posts that need no thinning alone, and works in small batches', async () => {
    await ingestReadings(db, readings('1', 60 * MIN, 10 * MIN)); // one per 5-minute bucket: nothing to thin
    expect((await db.get('posts', 'x:1'))?.thin).toBeUndefined();
    for (let i = 2; i <= 5; i++) await ingestReadings(db, readings(String(i), 10 * MIN, MIN));
    // Ten snapshots a minute apart: the first, and the newest of each 5-minute bucket, stay.
    expect(await pruneBatch(db, 3)).toEqual({ posts: 3, deleted: 3 * 7 });
    expect(await pruneBatch(db, 3)).toEqual({ posts: 1, deleted: 7 });
    expect(await pruneBatch(db, 3)).toEqual({ posts: 0, deleted: 0 });
    expect(await db.count('snapshots')).toBe(6 + 4 * 3);
  });

  it('lets ingest run between batches', async () => {
    for (let i = 1; i <= 6; i++) await ingestReadings(db, readings(String(i), 10 * MIN, MIN));
    let pauses = 0;
    await pruneAll(db, {
      batch: 2,
      pause: async () => {
        // A reading written between two batches is stored, and its post thinned in a later batch.
        if (++pauses <= 2) await ingestReadings(db, readings(`new${pauses}`, 10 * MIN, MIN));
      },
    });
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect((await snapshotsOf(db, 'x:new2')).length).toBe(3);
    expect(await db.getAllKeysFromIndex('posts', 'by-thin', 1)).toEqual([]);
  });
});

describe('the retention job', () => {
  it('runs some seconds after it is asked, at most once per interval, and reports what it did', async () => {
    await ingestReadings(db, readings('1', 10 * MIN, MIN));
    const timers: { cb: () => void; ms: number }[] = [];
    let now = 0;
    const onRun = vi.fn();
    const job = createRetentionJob(async () => db, {
      delayMs: 10_000,
      minIntervalMs: 300_000,
      setTimer: (cb, ms) => timers.push({ cb, ms }),
      now: () => now,
      onRun,
    });
    job.schedule();
    job.schedule(); // already scheduled: no second timer
    expect(timers.map((t) => t.ms)).toEqual([10_000]);
    timers[0]!.cb();
    await vi.waitFor(() => expect(onRun).toHaveBeenCalledWith({ posts: 1, deleted: 7 }));
    now = 20_000;
    job.schedule();
    expect(timers[1]!.ms).toBe(280_000); // the rest of the interval
  });

  it('reports failure without throwing, so the worker keeps going', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const job = createRetentionJob(() => Promise.reject(new Error('closed')));
    expect(await job.run()).toEqual({ posts: 0, deleted: 0 });
    expect(error).toHaveBeenCalled();
  });
});
