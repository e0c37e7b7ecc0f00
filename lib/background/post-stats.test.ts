import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { exact, type PostReading } from '../model';
import { defaultSettings, type Settings } from '../settings/settings';
import { openFeedlensDb, type FeedlensDatabase } from '../storage/db';
import { ingestReadings } from '../storage/ingest';
import { createPostStats } from './post-stats';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');

/** One post read exactly 6 h after it was posted, with `likes` likes (and no reposts or replies). */
function readAtSixHours(id: string, author: string, postedAt: number, likes: number): PostReading {
  return {
    platform: 'x',
    postId: id,
    url: `https://x.com/${author}/status/${id}`,
    author,
    postedAt,
    counts: {
      likes: exact(likes),
      reposts: exact(0),
      replies: exact(0),
      bookmarks: exact(0),
      views: exact(likes * 50),
    },
    readAt: postedAt + 6 * HOUR,
  };
}

let db: FeedlensDatabase;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openFeedlensDb();
  await ingestReadings(db, [
    // Ada's usual at 6 h: 100 interactions, over 12 earlier posts.
    ...Array.from({ length: 12 }, (_, i) => readAtSixHours(`${100 + i}`, 'ada', NOW - (200 - i) * HOUR, 100)),
    // Bob, a peer, at 10 to 400.
    ...Array.from({ length: 40 }, (_, i) => readAtSixHours(`${300 + i}`, 'bob', NOW - (300 - i) * HOUR, 10 * (i + 1))),
    // Ada's new post, doing 1.8× her usual.
    readAtSixHours('999', 'ada', NOW - 6 * HOUR, 180),
    // A post without an author history.
    readAtSixHours('777', 'newcomer', NOW - 6 * HOUR, 5),
  ]);
});

const settings = (change: (s: Settings) => void = () => undefined) => {
  const s = defaultSettings();
  change(s);
  return s;
};

describe('the overlay’s stats, answered from the store', () => {
  it('gives each stored post its counts, its usual and its rank among peers, leaving out posts not stored', async () => {
    const service = createPostStats(() => Promise.resolve(settings()));
    const stats = await service.stats(db, 'x', ['x:999', 'x:777', 'x:404'], NOW);
    expect(stats.map((s) => s.key)).toEqual(['x:999', 'x:777']);

    const ada = stats[0]!;
    expect(ada.latest.likes).toEqual(exact(180));
    expect(ada.ages?.['6h']).toBeDefined();
    expect(ada.usual).toMatchObject({ score: 1.8, age: '6h', baseline: { expected: 100, posts: 12 } });
    // Among the other 53 posts at 6 h (Ada's 100s, Bob's 10…400, the newcomer's 5): 180 beats 12 + 17 + 1
    // of them and ties one.
    expect(ada.peers).toMatchObject({ age: '6h', chosen: false, percentile: { posts: 53, lowSample: false } });
    expect(ada.peers!.percentile.percentile).toBeCloseTo(((12 + 17 + 1 + 0.5) / 53) * 100, 5);

    // Too little history for a usual: none, rather than one from a single post.
    expect(stats[1]!.usual).toBeNull();
    expect(stats[1]!.peers?.percentile.percentile).toBe(0);
  });

  it('ranks among the chosen peers only, and never among the user’s own posts', async () => {
    const chosen = createPostStats(() => Promise.resolve(settings((s) => (s.peers.x = ['bob']))));
    const [ada] = await chosen.stats(db, 'x', ['x:999'], NOW);
    expect(ada!.peers).toMatchObject({ chosen: true, percentile: { posts: 40 } });

    const own = createPostStats(() => Promise.resolve(settings((s) => (s.accounts.x = ['Ada']))));
    const [mine] = await own.stats(db, 'x', ['x:999'], NOW);
    expect(mine!.peers).toMatchObject({ chosen: false, percentile: { posts: 41 } });
  });

  it('answers nothing where hiding counts also hides Feedlens’s figures', async () => {
    const service = createPostStats(() =>
      Promise.resolve(settings((s) => ((s.hide.sites.x = true), (s.hide.enabled = true)))),
    );
    expect(await service.stats(db, 'x', ['x:999'], NOW)).toEqual([]);
    service.settingsChanged(
      settings((s) => ((s.hide.sites.x = true), (s.hide.enabled = true), (s.hide.hideFeedlensFigures = false))),
    );
    expect(await service.stats(db, 'x', ['x:999'], NOW)).toHaveLength(1);
  });

  it('gives a post’s history oldest first', async () => {
    await ingestReadings(db, [{ ...readAtSixHours('999', 'ada', NOW - 6 * HOUR, 200), readAt: NOW + HOUR }]);
    const reply = await createPostStats(() => Promise.resolve(settings())).history(db, 'x:999');
    expect(reply.type).toBe('post-history');
    expect(reply.points.map((p) => p.counts.likes)).toEqual([exact(180), exact(200)]);
  });
});
