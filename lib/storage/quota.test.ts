import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb, reading, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { ingestReadings } from './ingest';
import { freedAny, isQuotaError, makeRoom } from './quota';

const DAY = 24 * 3600 * 1000;
const MINUTE = 60_000;

let db: FeedlensDatabase;
beforeEach(async () => {
  db = await freshDb();
  // An old post, and a recent one read every minute (its snapshots share five-minute buckets).
  await ingestReadings(db, [reading('1', T0, 1)]);
  await ingestReadings(
    db,
    Array.from({ length: 10 }, (_, i) => ({
      ...reading('2', T0 + 100 * DAY + i * MINUTE, i),
      postedAt: T0 + 100 * DAY,
    })),
  );
});

describe('making room when storage is full', () => {
  it('recognizes the browser’s quota error', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('gone', 'AbortError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  it('thins snapshots and deletes posts older than the user’s retention, and nothing else', async () => {
    const room = await makeRoom(db, 30, T0 + 101 * DAY);
    expect(room.expired).toEqual({ posts: 1, snapshots: 1 });
    // Of minutes 0–9, the first snapshot and the newest of each five-minute bucket stay.
    expect(room.thinned).toBe(7);
    expect(freedAny(room)).toBe(true);
    expect(await db.getAllKeys('posts')).toEqual(['x:2']);
  });

  it('deletes no post when the user keeps posts forever', async () => {
    const room = await makeRoom(db, null, T0 + 101 * DAY);
    expect(room.expired).toEqual({ posts: 0, snapshots: 0 });
    expect(await db.count('posts')).toBe(2);
    expect(freedAny(await makeRoom(db, null, T0 + 101 * DAY))).toBe(false);
  });

  it('has freed room when it only thinned, or only deleted', async () => {
    expect(freedAny(await makeRoom(db, null, T0 + 101 * DAY))).toBe(true);
    expect(freedAny(await makeRoom(db, 30, T0 + 101 * DAY))).toBe(true);
    expect(freedAny(await makeRoom(db, 30, T0 + 101 * DAY))).toBe(false);
  });
});
