import { describe, expect, it } from 'vitest';
import { exact, type Counts } from '../model';
import type { AgeSamples } from './ages';
import {
  authorBaseline,
  compareWithPeers,
  compareWithUsual,
  engagementByAuthor,
  measureOf,
  rankPosts,
  type ComparablePost,
} from './compare';
import { formatPercentile, formatScore, formatUsual, formatVelocity } from './format';

const HOUR = 3600_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');

function post(id: string, author: string, postedAt: number, ages: AgeSamples, latest: Counts = {}): ComparablePost {
  return { key: `x:${id}`, platform: 'x', author, postedAt, latest, ages };
}
const at6h = (likes: number): AgeSamples => ({
  '6h': { counts: { likes: exact(likes), reposts: exact(0), replies: exact(0), bookmarks: exact(0) }, off: 0 },
});

/** `n` older posts by ada, each with `likes` at 6 h. */
const history = (n: number, likes: (i: number) => number) =>
  Array.from({ length: n }, (_, i) => post(`old${i}`, 'ada', NOW - (i + 2) * 24 * HOUR, at6h(likes(i))));

describe('compared with the author’s usual', () => {
  it('scores a post against the trimmed mean of the author’s earlier posts at the same age', () => {
    const current = post('new', 'ada', NOW - 7 * HOUR, at6h(180));
    const older = history(20, (i) => (i === 0 ? 5000 : 100)); // one viral post does not move the usual
    const usual = compareWithUsual(current, [current, ...older], NOW);
    expect(usual).toMatchObject({ age: '6h', score: 1.8, baseline: { expected: 100, posts: 20 } });
    expect(formatUsual(usual!)).toBe('1.8× usual');
  });

  it('makes no claim without enough comparable posts', () => {
    const current = post('new', 'ada', NOW - 7 * HOUR, at6h(180));
    expect(
      compareWithUsual(
        current,
        history(9, () => 100),
        NOW,
      ),
    ).toBeNull();
    // Posts with no value at that age (not seen then), promoted posts and later posts do not count.
    const unusable = [
      ...history(10, () => 100).map((p) => ({ ...p, ages: {} })),
      ...history(10, () => 100).map((p) => ({ ...p, key: `${p.key}-ad`, promoted: true })),
      post('later', 'ada', NOW - HOUR, at6h(100)),
    ];
    expect(authorBaseline(current, unusable, '6h')).toBeNull();
  });

  it('has nothing to say about a post not seen around any fixed age', () => {
    const current = post('new', 'ada', NOW - 3 * 24 * HOUR, {});
    expect(
      compareWithUsual(
        current,
        history(30, () => 100),
        NOW,
      ),
    ).toBeNull();
  });
});

describe('ranking the posts on a page', () => {
  it('ranks by the author’s usual first, then by engagement rate, then keeps page order', () => {
    const withViews = (likes: number, views: number): Counts => ({
      likes: exact(likes),
      reposts: exact(0),
      replies: exact(0),
      bookmarks: exact(0),
      views: exact(views),
    });
    const posts = [
      post('plain', 'bob', NOW, {}),
      post('low-er', 'bob', NOW, {}, withViews(10, 1000)),
      post('usual-1x', 'ada', NOW, {}),
      post('high-er', 'bob', NOW, {}, withViews(100, 1000)),
      post('usual-3x', 'ada', NOW, {}),
    ];
    const scores: Record<string, number> = { 'x:usual-1x': 1, 'x:usual-3x': 3 };
    const ranked = rankPosts(posts, (p) =>
      scores[p.key] ? { score: scores[p.key]!, min: 0, max: 0, age: '6h', baseline: { expected: 1, posts: 10 } } : null,
    );
    expect(ranked.map((r) => [r.post.key, r.rankedBy])).toEqual([
      ['x:usual-3x', 'usual'],
      ['x:usual-1x', 'usual'],
      ['x:high-er', 'engagementRate'],
      ['x:low-er', 'engagementRate'],
      ['x:plain', 'none'],
    ]);
  });
});

describe('compared with peers', () => {
  it('puts each of my posts against the peers’ median and percentile at the same age', () => {
    const peers = Array.from({ length: 25 }, (_, i) => post(`p${i}`, `peer${i}`, NOW, at6h(i * 10)));
    const mine = [post('m1', 'me', NOW, at6h(240)), post('m2', 'me', NOW, {})];
    const { rows, peerValues } = compareWithPeers(mine, peers, '6h', 'likes');
    expect(peerValues).toHaveLength(25);
    expect(rows).toHaveLength(1); // m2 has no value at 6 h
    expect(rows[0]).toMatchObject({ value: 240, peersMedian: 120, vsMedian: 2 });
    expect(rows[0]!.percentile).toMatchObject({ percentile: 98, lowSample: false });
    expect(formatPercentile(rows[0]!.percentile!)).toBe('higher than 98% of 25 peer posts');
  });

  it('measures engagement rate only from enough views, and interactions only when every part is known', () => {
    expect(
      measureOf(
        { likes: exact(1), reposts: exact(0), replies: exact(0), bookmarks: exact(0), views: exact(5) },
        'x',
        'engagementRate',
      ),
    ).toBeNull();
    expect(measureOf({ likes: exact(5), replies: exact(1) }, 'x', 'interactions')).toBeNull();
    expect(measureOf({ likes: exact(5), replies: exact(1) }, 'youtube', 'interactions')).toBe(6);
  });

  it('gives each author’s engagement-rate distribution, leaving low samples out but counting them', () => {
    const counts = (likes: number, views: number): Counts => ({
      likes: exact(likes),
      replies: exact(0),
      views: exact(views),
    });
    const posts: ComparablePost[] = [
      { key: 'youtube:a', platform: 'youtube', author: 'ada', latest: counts(30, 1000) },
      { key: 'youtube:b', platform: 'youtube', author: 'ada', latest: counts(10, 1000) },
      { key: 'youtube:c', platform: 'youtube', author: 'ada', latest: counts(1, 10) },
      { key: 'youtube:d', platform: 'youtube', author: 'bob', latest: counts(50, 1000) },
      { key: 'youtube:e', platform: 'youtube', author: 'cy', latest: { likes: exact(3) } },
    ];
    expect(engagementByAuthor(posts)).toEqual([
      { author: 'ada', values: [0.01, 0.03], lowSample: 1 },
      { author: 'bob', values: [0.05], lowSample: 0 },
    ]);
  });
});

describe('formatting comparisons', () => {
  it('reads as people say it', () => {
    expect(formatScore({ score: 1.8, min: 1.8, max: 1.8 })).toBe('1.8×');
    expect(formatScore({ score: 12, min: 11.5, max: 12.5 })).toBe('12–13×');
    expect(formatScore({ score: 0.04, min: 0.04, max: 0.04 })).toBe('0.04×');
    expect(formatVelocity({ value: 12, min: 12, max: 12, spanMs: HOUR })).toBe('+12/h');
    expect(formatVelocity({ value: 100, min: 50, max: 150, spanMs: HOUR })).toBe('+50 to +150/h');
    expect(formatVelocity(null)).toBe('—');
  });
});
