import { beforeEach, describe, expect, it } from 'vitest';
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
});
