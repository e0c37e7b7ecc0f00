import { describe, expect, it } from 'vitest';
import { exact, type Counts } from '../model';
import type { AgeSamples } from './ages';
import {
  authorBaseline,
  compareWithPeers,
  compareWithUsual,
  engagementByAuthor,
  measureAtAge,
  measureOf,
  rankPosts,
  type ComparablePost,
  type UsualComparison,
} from './compare';

// Which posts a comparison may rest on, and the order things are listed in.
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.parse('2026-11-22T12:00:00Z');

const likesAt = (likes: number, age: '1h' | '6h' = '6h'): AgeSamples => ({
  [age]: { counts: { likes: exact(likes), replies: exact(0) }, off: 0 },
});
function yt(id: string, fields: Partial<ComparablePost> = {}): ComparablePost {
  return { key: `youtube:${id}`, platform: 'youtube', author: 'ada', latest: {}, ages: likesAt(100), ...fields };
}
/** `n` posts by ada, each shaped by `fields(i)`. */
const many = (n: number, prefix: string, fields: (i: number) => Partial<ComparablePost>) =>
  Array.from({ length: n }, (_, i) => yt(`${prefix}${i}`, fields(i)));

describe('the posts an author’s usual rests on', () => {
  it('are their other posts, never the post itself or another author’s', () => {
    const undated = yt('self');
    const others = many(9, 'o', () => ({}));
    expect(authorBaseline(undated, [undated, ...others], '6h')).toBeNull();
    expect(authorBaseline(undated, [...others, ...many(5, 'bob', () => ({ author: 'bob' }))], '6h')).toBeNull();
    expect(authorBaseline(undated, [undated, ...others, yt('tenth')], '6h')).toEqual({ expected: 100, posts: 10 });
  });

  it('are, for a dated post, only the posts dated before it', () => {
    const post = yt('new', { postedAt: NOW - DAY });
    const unusable = [
      ...many(10, 'later', (i) => ({ postedAt: NOW - DAY + (i + 1) * HOUR })),
      ...many(10, 'same', () => ({ postedAt: NOW - DAY })),
      ...many(10, 'undated', () => ({})),
    ];
    expect(authorBaseline(post, unusable, '6h')).toBeNull();
    const earlier = many(10, 'old', (i) => ({ postedAt: NOW - (i + 2) * DAY }));
    expect(authorBaseline(post, [...unusable, ...earlier], '6h')).toEqual({ expected: 100, posts: 10 });
  });

  it('do not exist for a post without an author, even among other authorless posts', () => {
    const anonymous = (id: string, postedAt: number) => yt(id, { author: undefined, postedAt });
    const post = anonymous('new', NOW - 7 * HOUR);
    const others = Array.from({ length: 12 }, (_, i) => anonymous(`o${i}`, NOW - (i + 2) * DAY));
    expect(compareWithUsual(post, others, NOW)).toBeNull();
  });
});

describe('the age a post is compared at', () => {
  const history = many(10, 'old', (i) => ({ postedAt: NOW - (i + 2) * DAY, ages: likesAt(50, '1h') }));

  it('is one the post has reached', () => {
    const post = yt('new', { postedAt: NOW - 50 * MIN, ages: likesAt(100, '1h') });
    expect(compareWithUsual(post, history, NOW)).toMatchObject({ age: '1h', score: 2 });
    // The same post seen 40 minutes after posting has not reached its first hour yet.
    expect(compareWithUsual({ ...post, postedAt: NOW - 40 * MIN }, history, NOW)).toBeNull();
  });
});

describe('measures', () => {
  it('count likes alone when asked for likes', () => {
    expect(measureOf({ likes: exact(5), replies: exact(1) }, 'youtube', 'likes')).toBe(5);
    expect(measureOf({ replies: exact(1) }, 'youtube', 'likes')).toBeNull();
  });

  it('have no value at an age for a post with no samples', () => {
    expect(measureAtAge(yt('a', { ages: undefined }), '6h', 'likes')).toBeNull();
  });
});

describe('the popup’s ranking', () => {
  const usual = (score: number): UsualComparison => ({
    score,
    min: score,
    max: score,
    age: '6h',
    baseline: { expected: 1, posts: 10 },
  });
  const withViews = (likes: number): Counts => ({ likes: exact(likes), replies: exact(0), views: exact(1000) });

  it('ranks a post with counts but no public views by page order, with no rate', () => {
    const ranked = rankPosts([yt('a', { latest: { likes: exact(50), replies: exact(5) } })], () => null);
    expect(ranked[0]).toMatchObject({ rankedBy: 'none', engagementRate: null });
  });

  it('keeps page order between posts that tie, in every group', () => {
    const posts = [
      yt('none1'),
      yt('er1', { latest: withViews(40) }),
      yt('usual1'),
      yt('none2'),
      yt('er2', { latest: withViews(40) }),
      yt('usual2'),
    ];
    const ranked = rankPosts(posts, (p) => (p.key.includes('usual') ? usual(2) : null));
    expect(ranked.map((r) => r.post.key.replace('youtube:', ''))).toEqual([
      'usual1',
      'usual2',
      'er1',
      'er2',
      'none1',
      'none2',
    ]);
  });
});

describe('peers', () => {
  it('leave out promoted posts and posts without a value at the age', () => {
    const peers = [
      yt('p1', { ages: likesAt(10) }),
      yt('ad', { ages: likesAt(1000), promoted: true }),
      yt('unseen', { ages: {} }),
    ];
    expect(compareWithPeers([], peers, '6h', 'likes').peerValues).toEqual([10]);
  });

  it('rank a post the same whatever order the peers come in', () => {
    const peers = [40, 30, 20, 10].map((likes, i) => yt(`p${i}`, { ages: likesAt(likes) }));
    const { rows } = compareWithPeers([yt('mine', { ages: likesAt(25) })], peers, '6h', 'likes');
    expect(rows[0]).toMatchObject({ peersMedian: 25, vsMedian: 1, percentile: { percentile: 50, posts: 4 } });
  });
});

describe('engagement rate per author', () => {
  const rated = (author: string | undefined, likes: number, views = 1000, promoted = false): ComparablePost =>
    yt(`${author}-${likes}-${views}`, {
      author,
      promoted,
      latest: { likes: exact(likes), replies: exact(0), views: exact(views) },
    });

  it('leaves out promoted and authorless posts, and authors with only low-sample rates', () => {
    const list = engagementByAuthor([
      rated('ada', 10),
      rated('ada', 90, 1000, true),
      rated(undefined, 20),
      rated('cy', 1, 10),
    ]);
    expect(list).toEqual([{ author: 'ada', values: [0.01], lowSample: 0 }]);
  });

  it('keeps authors with at least the minimum of rated posts, the most rated first, then by name', () => {
    const posts = [rated('zed', 10), rated('bob', 10), rated('ada', 10), rated('ada', 20)];
    expect(engagementByAuthor(posts).map((d) => d.author)).toEqual(['ada', 'bob', 'zed']);
    expect(engagementByAuthor(posts, 2).map((d) => d.author)).toEqual(['ada']);
  });
});
