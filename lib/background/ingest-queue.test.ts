import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from '../storage/db';
import { createIngestQueue } from './ingest-queue';

const T0 = Date.parse('2026-11-01T12:00:00Z');
const reading = (id: number, round: number): PostReading => ({
  platform: 'x',
  postId: String(id),
  url: `https://x.com/a/status/${id}`,
  counts: { likes: exact(round) },
  readAt: T0 + round * 1000,
});

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
});

describe('the ingest queue', () => {
  it('gathers messages into batches and writes every reading', async () => {
    const timers: (() => void)[] = [];
    const queue = createIngestQueue({ getDb: async () => db, maxBatch: 50, setTimer: (cb) => timers.push(cb) });
    for (let round = 0; round < 3; round++) queue.push(Array.from({ length: 40 }, (_, i) => reading(i, round)));
    await queue.flush();
    expect(await db.count('snapshots')).toBe(120);
    expect(await db.count('posts')).toBe(40);
  });

  it('writes what gathered during a write in one transaction, one post-record write per post', async () => {
    const written: { posts: number; snapshots: number }[] = [];
    const queue = createIngestQueue({ getDb: async () => db, maxBatch: 40, onWritten: (r) => written.push(r) });
    queue.push(Array.from({ length: 40 }, (_, i) => reading(i, 0)));
    // Let the first write take its readings; the next two messages arrive while it runs.
    await new Promise((resolve) => setTimeout(resolve, 0));
    queue.push(Array.from({ length: 40 }, (_, i) => reading(i, 1)));
    queue.push(Array.from({ length: 40 }, (_, i) => reading(i, 2)));
    await queue.flush();
    expect(written).toEqual([
      { posts: 40, snapshots: 40, refused: 0 },
      { posts: 40, snapshots: 80, refused: 0 },
    ]);
    expect(await db.count('snapshots')).toBe(120);
    const post = await db.get('posts', 'x:7');
    expect(post?.latest.likes).toMatchObject({ value: 2 });
  });

  it('splits a large backlog into transactions of at most maxTransaction readings', async () => {
    const written: number[] = [];
    const queue = createIngestQueue({
      getDb: async () => db,
      maxBatch: 10,
      maxTransaction: 50,
      onWritten: (r) => written.push(r.snapshots),
    });
    for (let round = 0; round < 3; round++) queue.push(Array.from({ length: 40 }, (_, i) => reading(i, round)));
    await queue.flush();
    expect(written).toEqual([50, 50, 20]);
    expect(await db.count('snapshots')).toBe(120);
  });

  it('writes a small batch when its timer fires', async () => {
    const timers: (() => void)[] = [];
    const queue = createIngestQueue({ getDb: async () => db, setTimer: (cb) => timers.push(cb) });
    queue.push([reading(1, 1)]);
    expect(await db.count('posts')).toBe(0);
    timers.shift()!();
    await queue.flush();
    expect(await db.count('posts')).toBe(1);
  });

  it('reports a failed write with the number of readings lost, and keeps going', async () => {
    const errors: number[] = [];
    let broken = true;
    const queue = createIngestQueue({
      getDb: async () => {
        if (broken) throw new DOMException('quota', 'QuotaExceededError');
        return db;
      },
      onError: (_error, lost) => errors.push(lost),
    });
    queue.push([reading(1, 1), reading(2, 1)]);
    await queue.flush();
    broken = false;
    queue.push([reading(3, 1)]);
    await queue.flush();
    expect(errors).toEqual([2]);
    expect(await db.count('posts')).toBe(1);
  });

  it('says when a push is committed: after its transaction, never before', async () => {
    const timers: (() => void)[] = [];
    const queue = createIngestQueue({ getDb: async () => db, setTimer: (cb) => timers.push(cb) });
    let committed: boolean | undefined;
    void queue.push([reading(1, 1), reading(2, 1)]).then((ok) => (committed = ok));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(committed).toBeUndefined();
    timers.shift()!();
    await queue.flush();
    expect(committed).toBe(true);
    expect(await db.count('posts')).toBe(2);
    expect(await queue.push([])).toBe(true);
  });

  it('settles a push split across transactions once the last of them is done', async () => {
    const written: number[] = [];
    const queue = createIngestQueue({
      getDb: async () => db,
      maxBatch: 10,
      maxTransaction: 25,
      onWritten: (r) => written.push(r.posts),
    });
    const first = queue.push(Array.from({ length: 20 }, (_, i) => reading(i, 0)));
    const second = queue.push(Array.from({ length: 20 }, (_, i) => reading(100 + i, 0)));
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(written).toEqual([25, 15]);
    expect(await db.count('posts')).toBe(40);
  });

  it('says false for the pushes a failed write held, and true for the ones after it', async () => {
    let broken = true;
    const queue = createIngestQueue({
      getDb: async () => {
        if (broken) throw new DOMException('quota', 'QuotaExceededError');
        return db;
      },
    });
    const failed = queue.push([reading(1, 1)]);
    await queue.flush();
    broken = false;
    const later = queue.push([reading(2, 1)]);
    expect(await failed).toBe(false);
    expect(await later).toBe(true);
  });
});
