import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type Count, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from './db';
import { ingestReadings } from './ingest';
import { snapshotsOf } from './queries';
import { DEFAULT_SNAPSHOT_POLICY, snapshotAllowed, snapshotDecision } from './snapshot-policy';

const T0 = Date.parse('2026-11-01T12:00:00Z');
const MIN = 60_000;
const { burst, everyMs } = DEFAULT_SNAPSHOT_POLICY;

const reading = (readAt: number, likes: number, id = '1'): PostReading => ({
  platform: 'x',
  postId: id,
  url: `https://x.com/ada/status/${id}`,
  author: 'ada',
  counts: { likes: exact(likes) },
  readAt,
});

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
});

describe('the snapshot rate limit', () => {
  it('lets a burst in at once, then one snapshot per interval', () => {
    expect(snapshotAllowed(undefined, T0, DEFAULT_SNAPSHOT_POLICY)).toBe(true);
    // After `burst` snapshots at T0 the clock stands `burst` intervals ahead.
    const clock = T0 + burst * everyMs;
    expect(snapshotAllowed(clock, T0, DEFAULT_SNAPSHOT_POLICY)).toBe(false);
    expect(snapshotAllowed(clock, T0 + everyMs - 1, DEFAULT_SNAPSHOT_POLICY)).toBe(false);
    expect(snapshotAllowed(clock, T0 + everyMs, DEFAULT_SNAPSHOT_POLICY)).toBe(true);
  });

  it('holds back a change it does not let in, and nothing when nothing changed', () => {
    const record = { latest: { likes: exact(5) }, lastSnapshotAt: T0, snapshotClock: T0 + burst * everyMs };
    expect(snapshotDecision(record, { likes: exact(6) }, T0 + 1)).toBe('hold');
    expect(snapshotDecision(record, { likes: exact(5) }, T0 + 1)).toBe('none');
    expect(snapshotDecision({ ...record, heldBack: 1 }, { likes: exact(5) }, T0 + everyMs)).toBe('take');
  });

  it('keeps a post that changes every millisecond for 30 s to the stated bound, with its latest counts', async () => {
    // 850 changes a second, as an animated or hostile page shows them (30 s: 25,500 readings).
    const readings = Array.from({ length: 25_500 }, (_, i) => reading(T0 + Math.floor(i / 0.85), i));
    for (let i = 0; i < readings.length; i += 500) await ingestReadings(db, readings.slice(i, i + 500));
    const history = await snapshotsOf(db, 'x:1');
    // At most `burst` + one per interval over the span: 30 s is less than one interval.
    expect(history.length).toBe(burst);
    expect(history.length).toBeLessThanOrEqual(burst + Math.floor(30_000 / everyMs));
    const post = await db.get('posts', 'x:1');
    expect(post?.latest.likes).toEqual(exact(25_499));
    expect(post?.last).toEqual({ at: readings.at(-1)!.readAt, counts: { likes: exact(25_499) } });
    expect(post?.heldBack).toBe(1);
  });

  it('stores the held-back change with the next reading past the limit, even if it shows nothing new', async () => {
    const flood = Array.from({ length: burst + 5 }, (_, i) => reading(T0 + i * 100, i));
    await ingestReadings(db, flood);
    expect((await snapshotsOf(db, 'x:1')).length).toBe(burst);
    await ingestReadings(db, [reading(T0 + everyMs + 1000, burst + 4)]);
    const history = await snapshotsOf(db, 'x:1');
    expect(history.length).toBe(burst + 1);
    expect(history.at(-1)?.counts.likes).toEqual(exact(burst + 4));
    expect((await db.get('posts', 'x:1'))?.heldBack).toBeUndefined();
  });

  it('sustains one snapshot a minute for a post that keeps changing: at most 10 + t per t minutes', async () => {
    const day = Array.from({ length: 24 * 60 * 6 }, (_, i) => reading(T0 + i * 10_000, i)); // every 10 s
    for (let i = 0; i < day.length; i += 2000) await ingestReadings(db, day.slice(i, i + 2000));
    const count = (await snapshotsOf(db, 'x:1')).length;
    expect(count).toBeLessThanOrEqual(burst + 24 * 60);
    expect(count).toBeGreaterThanOrEqual(24 * 60);
  });

  it('limits each post on its own', async () => {
    const readings = ['1', '2', '3'].flatMap((id) => Array.from({ length: 30 }, (_, i) => reading(T0 + i, i, id)));
    await ingestReadings(db, readings);
    expect(await db.count('snapshots')).toBe(3 * burst);
    expect(await db.count('posts')).toBe(3);
  });

  it('gives a post stored before the limit existed a full allowance', async () => {
    await ingestReadings(db, [reading(T0, 1)]);
    const stored = (await db.get('posts', 'x:1'))!;
    delete stored.snapshotClock;
    await db.put('posts', stored);
    await ingestReadings(db, [reading(T0 + MIN, 2)]);
    expect((await snapshotsOf(db, 'x:1')).length).toBe(2);
  });
});

describe('what counts as a change', () => {
  const rounded = (value: number, min: number, max: number): Count => ({ precision: 'rounded', value, min, max });
  let posts = 0;
  /** The snapshots a new post has after readings of its likes, one a minute. */
  async function snapshotsAfter(...likes: Count[]): Promise<number> {
    const id = String(++posts);
    for (const [i, count] of likes.entries())
      await ingestReadings(db, [{ ...reading(T0 + i * MIN, 0, id), counts: { likes: count } }]);
    return (await snapshotsOf(db, `x:${id}`)).length;
  }

  it('the same exact, rounded or hidden count again is no change', async () => {
    expect(await snapshotsAfter(exact(5), exact(5))).toBe(1);
    expect(await snapshotsAfter(rounded(1200, 1150, 1250), rounded(1200, 1150, 1250))).toBe(1);
    expect(await snapshotsAfter({ precision: 'hidden' }, { precision: 'hidden' })).toBe(1);
  });

  it('another precision, or a rounded count with other bounds, is a change', async () => {
    expect(await snapshotsAfter(exact(1200), rounded(1200, 1150, 1250))).toBe(2);
    expect(await snapshotsAfter(rounded(1200, 1100, 1300), rounded(1200, 1100, 1250))).toBe(2);
    expect(await snapshotsAfter(rounded(1200, 1100, 1250), rounded(1200, 1150, 1250))).toBe(2);
  });

  it('a metric seen for the first time is a change; a reading without counts is not even the first', async () => {
    await ingestReadings(db, [{ ...reading(T0, 0), counts: {} }]);
    expect(await snapshotsOf(db, 'x:1')).toEqual([]);
    await ingestReadings(db, [{ ...reading(T0 + MIN, 0), counts: { likes: exact(1) } }]);
    await ingestReadings(db, [{ ...reading(T0 + 2 * MIN, 0), counts: { likes: exact(1), views: exact(9) } }]);
    expect((await snapshotsOf(db, 'x:1')).length).toBe(2);
  });

  it('stores a count with only the fields its precision has', async () => {
    await ingestReadings(db, [{ ...reading(T0, 0), counts: { likes: exact(5), views: { precision: 'hidden' } } }]);
    expect((await snapshotsOf(db, 'x:1'))[0]?.counts).toStrictEqual({
      likes: { precision: 'exact', value: 5 },
      views: { precision: 'hidden' },
    });
  });
});
