import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type PostReading } from '../model';
import { openFeedlensDb, type FeedlensDatabase } from './db';
import { ingestReadings } from './ingest';
import {
  authorsLike,
  lastSeenByPlatform,
  newestPostsOfAuthor,
  newestPostsOnPlatform,
  postsByKeys,
  recentPosts,
} from './queries';

const HOUR = 3600_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

function reading(
  id: number,
  author: string,
  postedAt: number | undefined,
  platform: PostReading['platform'] = 'x',
): PostReading {
  return {
    platform,
    postId: String(id),
    url: platform === 'x' ? `https://x.com/${author}/status/${id}` : `https://bsky.app/profile/${author}/post/${id}`,
    author,
    ...(postedAt === undefined ? {} : { postedAt }),
    counts: { likes: exact(id) },
    readAt: T0 + 1000 * HOUR + id,
  };
}

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
  await ingestReadings(db, [
    ...Array.from({ length: 30 }, (_, i) => reading(i + 1, i % 2 ? 'ada' : 'bob', T0 + i * HOUR)),
    reading(100, 'ada', undefined),
    reading(200, 'cy.bsky.social', T0, 'bluesky'),
  ]);
});

describe('bounded queries', () => {
  it('returns an author’s newest posts by publication time, newest first, up to the limit', async () => {
    const ada = await newestPostsOfAuthor(db, 'x', 'ada', 5);
    expect(ada.map((p) => p.postId)).toEqual(['30', '28', '26', '24', '22']);
    expect((await newestPostsOfAuthor(db, 'x', 'ada', 100)).length).toBe(15); // the post without a time is not indexed
    expect(await newestPostsOfAuthor(db, 'x', 'nobody', 5)).toEqual([]);
    expect((await newestPostsOfAuthor(db, 'x', 'ada', 1)).map((p) => p.postId)).toEqual(['30']);
  });

  it('filters by a publication-time range, upper bound excluded', async () => {
    const range = { from: T0 + 10 * HOUR, to: T0 + 20 * HOUR };
    const posts = await newestPostsOnPlatform(db, 'x', 100, range);
    expect(posts.map((p) => p.postId)).toEqual(['20', '19', '18', '17', '16', '15', '14', '13', '12', '11']);
    expect((await newestPostsOnPlatform(db, 'x', 3, range)).map((p) => p.postId)).toEqual(['20', '19', '18']);
    expect((await newestPostsOfAuthor(db, 'x', 'bob', 100, range)).map((p) => p.postId)).toEqual([
      '19',
      '17',
      '15',
      '13',
      '11',
    ]);
    expect(await newestPostsOnPlatform(db, 'bluesky', 10, { to: T0 })).toEqual([]);
  });

  it('returns the most recently seen posts and when each platform was last read', async () => {
    expect((await recentPosts(db, 'x', 2)).map((p) => p.postId)).toEqual(['100', '30']);
    expect(await lastSeenByPlatform(db, ['x', 'bluesky', 'reddit'])).toEqual({
      x: T0 + 1000 * HOUR + 100,
      bluesky: T0 + 1000 * HOUR + 200,
    });
  });

  it('lists authors by prefix, each once', async () => {
    expect(await authorsLike(db, 'x', '', 10)).toEqual(['ada', 'bob']);
    expect(await authorsLike(db, 'x', 'b', 10)).toEqual(['bob']);
    expect(await authorsLike(db, 'bluesky', 'c', 10)).toEqual(['cy.bsky.social']);
  });

  it('returns the stored posts for keys in their order, leaving out keys not stored', async () => {
    expect((await postsByKeys(db, ['x:3', 'x:404', 'x:1'])).map((p) => p.key)).toEqual(['x:3', 'x:1']);
  });

  it('keeps to the platform and the limit, even when posts share a publication time', async () => {
    const recent = await recentPosts(db, 'x', 100);
    expect(recent).toHaveLength(31);
    expect(recent.every((p) => p.platform === 'x')).toBe(true);
    await ingestReadings(
      db,
      [201, 202, 203].map((id) => reading(id, 'cy.bsky.social', T0 + HOUR, 'bluesky')),
    );
    expect(await newestPostsOnPlatform(db, 'bluesky', 2)).toHaveLength(2);
    expect(await newestPostsOnPlatform(db, 'bluesky', 0)).toEqual([]);
    expect(await authorsLike(db, 'x', '', 1)).toEqual(['ada']);
  });
});
