// What each reading changes in a post's record: a newer one updates what it carries and leaves
// the rest, an older one only fills in what the record lacks (lib/storage/ingest.ts).
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type Counts, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from './db';
import { ingestReadings } from './ingest';
import { snapshotsOf } from './queries';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-11-01T12:00:00Z');
const likes = (value: number): Counts => ({ likes: exact(value) });

/** A reading of x:1 with only the fields given (no author, text or post time unless asked). */
function bare(readAt: number, counts: Counts, extra: Partial<PostReading> = {}): PostReading {
  return { platform: 'x', postId: '1', url: 'https://x.com/ada/status/1', counts, readAt, ...extra };
}
const full: Partial<PostReading> = {
  author: 'ada',
  text: 'hello',
  postedAt: T0 - HOUR,
  includes: { likes: ['views'] },
};

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
});
const post = async () => (await db.get('posts', 'x:1'))!;

describe('a newer reading', () => {
  it('keeps the author, text, post time and includes it does not carry', async () => {
    await ingestReadings(db, [bare(T0, likes(1), full)]);
    await ingestReadings(db, [bare(T0 + MIN, likes(2))]);
    expect(await post()).toMatchObject({ ...full, latest: likes(2) });
  });

  it('replaces the includes it carries', async () => {
    await ingestReadings(db, [bare(T0, likes(1), full)]);
    await ingestReadings(db, [bare(T0 + MIN, likes(2), { includes: { likes: ['reposts'] } })]);
    expect((await post()).includes).toEqual({ likes: ['reposts'] });
  });

  it('takes no snapshot while nothing changes, however many readings come', async () => {
    for (const at of [T0, T0 + MIN, T0 + 2 * MIN, T0 + 3 * MIN]) await ingestReadings(db, [bare(at, likes(1))]);
    expect((await snapshotsOf(db, 'x:1')).map((s) => s.at)).toEqual([T0]);
  });

  it('that carries no count leaves the newest reading as it was', async () => {
    await ingestReadings(db, [bare(T0, likes(1))]);
    await ingestReadings(db, [bare(T0 + MIN, {})]);
    expect((await post()).last).toEqual({ at: T0, counts: likes(1) });
  });
});

describe('a reading as old as the record, or older', () => {
  it('fills in the author, text, post time and includes the record lacks', async () => {
    await ingestReadings(db, [bare(T0 + HOUR, likes(2))]);
    await ingestReadings(db, [bare(T0, likes(1), full)]);
    expect(await post()).toMatchObject({ ...full, firstSeenAt: T0, latest: likes(2) });
  });

  it('never overwrites what the record has', async () => {
    await ingestReadings(db, [bare(T0 + HOUR, likes(2), full)]);
    // The same account (a handle differs only in case), so the reading is of this post.
    const other: Partial<PostReading> = {
      author: 'ADA',
      text: 'other',
      postedAt: T0 - 2 * HOUR,
      includes: { likes: ['reposts'] },
    };
    await ingestReadings(db, [bare(T0, likes(1), other)]);
    expect(await post()).toMatchObject(full);
  });

  it('at the same instant with other counts changes neither counts nor history (the first one stays)', async () => {
    await ingestReadings(db, [bare(T0, likes(5))]);
    await ingestReadings(db, [bare(T0, likes(6))]);
    expect((await post()).latest).toEqual(likes(5));
    expect((await snapshotsOf(db, 'x:1')).map((s) => s.counts)).toEqual([likes(5)]);
  });
});

describe('flags', () => {
  it('marks a post promoted once any reading saw it promoted, and only then', async () => {
    await ingestReadings(db, [bare(T0, likes(1))]);
    expect(await post()).not.toHaveProperty('promoted');
    await ingestReadings(db, [bare(T0 - MIN, likes(1), { promoted: true })]);
    expect((await post()).promoted).toBe(true);
    await ingestReadings(db, [bare(T0 + MIN, likes(1))]);
    expect((await post()).promoted).toBe(true);
  });

  it('stores no ages for a post read far from every fixed age', async () => {
    await ingestReadings(db, [bare(T0, likes(1), { postedAt: T0 - 3 * HOUR })]);
    expect(await post()).not.toHaveProperty('ages');
  });

  it('answers an empty batch with nothing written', async () => {
    expect(await ingestReadings(db, [])).toEqual({ posts: 0, snapshots: 0, refused: 0 });
    expect(await db.count('posts')).toBe(0);
  });
});
