import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exact, type PostReading } from '../model';
import { freshDb, reading, T0 } from '../../tests/unit/import-helpers';
import type { FeedlensDatabase } from './db';
import { countUnseenSince, deleteData, expireUnseenPosts, retentionCutoff, storedTotals } from './delete';
import { ingestReadings } from './ingest';

const DAY = 24 * 3600 * 1000;
const redditReading = (id: string, at: number): PostReading => ({
  platform: 'reddit',
  postId: `t3_${id}`,
  url: `https://www.reddit.com/r/a/comments/${id}/`,
  counts: { likes: exact(3) },
  readAt: at,
});

let db: FeedlensDatabase;
afterEach(() => {
  vi.restoreAllMocks();
});
beforeEach(async () => {
  db = await freshDb();
  // x:1 and x:10 share a prefix: deleting one must not touch the other.
  await ingestReadings(db, [
    reading('1', T0, 1),
    reading('1', T0 + 1000, 2),
    reading('10', T0, 5),
    redditReading('a', T0),
    { ...redditReading('a', T0 + 1000), counts: { likes: exact(-2) } },
    { ...redditReading('b', T0), counts: { likes: exact(4) } },
  ]);
});

describe('deleting data', () => {
  it('deletes one post and only its snapshots', async () => {
    expect(await deleteData(db, { kind: 'post', key: 'x:1' })).toEqual({ posts: 1, snapshots: 2 });
    expect((await db.getAllKeys('posts')).sort()).toEqual(['reddit:t3_a', 'reddit:t3_b', 'x:10']);
    expect(await db.count('snapshots')).toBe(4);
  });

  it('deletes one site’s posts and snapshots, leaving other sites', async () => {
    expect(await deleteData(db, { kind: 'site', platform: 'reddit' })).toEqual({ posts: 2, snapshots: 3 });
    expect((await db.getAllKeys('posts')).sort()).toEqual(['x:1', 'x:10']);
    expect((await db.getAll('snapshots')).every((s) => s.post.startsWith('x:'))).toBe(true);
    expect(await db.count('snapshots')).toBe(3);
  });

  it('deletes everything', async () => {
    expect(await storedTotals(db)).toEqual({ posts: 4, snapshots: 6, sites: { x: 2, reddit: 2 } });
    expect(await deleteData(db, { kind: 'all' })).toEqual({ posts: 4, snapshots: 6 });
    expect(await storedTotals(db)).toEqual({ posts: 0, snapshots: 0, sites: {} });
  });

  it('deletes by age only posts not seen since the cutoff, a few per transaction, with their snapshots', async () => {
    const now = T0 + 40 * DAY;
    await ingestReadings(db, [reading('1', now - DAY, 3)]);
    const cutoff = retentionCutoff(30, now);
    expect(await countUnseenSince(db, cutoff)).toBe(3);
    expect(await expireUnseenPosts(db, cutoff, { batch: 1, pause: async () => undefined })).toEqual({
      posts: 3,
      snapshots: 4,
    });
    // x:1 was seen yesterday: it stays with its whole history, old snapshots included.
    expect(await db.getAllKeys('posts')).toEqual(['x:1']);
    expect(await db.count('snapshots')).toBe(3);
    expect(await expireUnseenPosts(db, cutoff)).toEqual({ posts: 0, snapshots: 0 });
  });

  it('deletes one site’s snapshots only, whichever side of it the other sites sort', async () => {
    expect(await deleteData(db, { kind: 'site', platform: 'x' })).toEqual({ posts: 2, snapshots: 3 });
    expect((await db.getAll('snapshots')).map((s) => s.post).sort()).toEqual([
      'reddit:t3_a',
      'reddit:t3_a',
      'reddit:t3_b',
    ]);
  });

  it('keeps a post last seen exactly at the cutoff, and counts it as kept', async () => {
    // x:1 and reddit:t3_a were last seen at T0 + 1000, the others at T0.
    expect(await countUnseenSince(db, T0 + 1000)).toBe(2);
    expect(await expireUnseenPosts(db, T0 + 1000, { batch: 1 })).toEqual({ posts: 2, snapshots: 2 });
    expect((await db.getAllKeys('posts')).sort()).toEqual(['reddit:t3_a', 'x:1']);
  });

  it('deletes nothing when a delete fails, and says so', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(() => {
      throw new DOMException('The disk failed.', 'UnknownError');
    });
    await expect(deleteData(db, { kind: 'site', platform: 'x' })).rejects.toThrow(/disk failed/);
    await expect(expireUnseenPosts(db, T0 + DAY)).rejects.toThrow(/disk failed/);
    vi.restoreAllMocks();
    expect(await storedTotals(db)).toEqual({ posts: 4, snapshots: 6, sites: { x: 2, reddit: 2 } });
  });
});
