/** @vitest-environment happy-dom */
// How X's action bar label is matched to its buttons when the buttons alone do not settle it, and
// what is stored (and reported) when it cannot be matched.
import { describe, expect, it } from 'vitest';
import { page, xPost } from './fixtures/markup';
import { snowflakeTime, x } from './x';

const HOME = { url: new URL('https://x.com/home'), now: Date.parse('2024-11-22T12:00:00Z') };
const scanEn = (html: string) => x.scan(page('en', html), HOME);

describe('X: which metric a label number belongs to', () => {
  it("uses the buttons' own numbers to place a number whose button is missing", () => {
    // No repost button: the 7 is reposts or likes by position alone; the like button says 10.
    const post = xPost('5 replies, 7 reposts, 10 likes', {
      replies: { label: '5 Replies. Reply' },
      likes: { label: '10 Likes. Like' },
      views: { label: 'View post analytics' },
      bookmarks: { label: 'Bookmark' },
    });
    const result = scanEn(post);
    expect(result.readings[0]?.counts).toEqual({
      replies: { precision: 'exact', value: 5, raw: '5' },
      reposts: { precision: 'exact', value: 7, raw: '7' },
      likes: { precision: 'exact', value: 10, raw: '10' },
      bookmarks: { precision: 'exact', value: 0 },
      views: { precision: 'exact', value: 0 },
    });
    expect(result.problems).toEqual([]);
  });

  it('rejects a placement that gives a button a bigger number than it shows', () => {
    // 10 may be reposts (no button) with 12 likes, but the like button says 10: so 12 is bookmarks.
    const post = xPost('5 replies, 10 likes, 12 bookmarks', {
      replies: { label: '5 Replies. Reply' },
      likes: { label: '10 Likes. Like' },
      views: { label: 'View post analytics' },
      bookmarks: { label: 'Bookmark' },
    });
    const result = scanEn(post);
    expect(result.readings[0]?.counts).toMatchObject({ likes: { value: 10 }, bookmarks: { value: 12 } });
    expect(result.readings[0]?.counts.reposts).toBeUndefined();
    expect(result.problems).toEqual([]);
  });

  it('lets a compact number on a button agree with the exact one in the label', () => {
    const post = xPost('5 replies, 7 reposts, 10234 likes', {
      replies: { label: 'Reply', visible: '5' },
      likes: { label: 'Like', visible: '10K' },
      bookmarks: { label: 'Bookmark' },
      views: { label: 'View post analytics' },
    });
    expect(scanEn(post).readings[0]?.counts).toMatchObject({ reposts: { value: 7 }, likes: { value: 10234 } });
  });

  it('stores neither bookmarks nor views for a last number that may be either', () => {
    // A status page's views sit beside the time, not in the bar; the bookmark button shows no count.
    const post = xPost('1 reply, 2 reposts, 3 likes, 4 bookmarks', {
      replies: { label: '1 Reply. Reply' },
      reposts: { label: '2 reposts. Repost' },
      likes: { label: '3 Likes. Like' },
      bookmarks: { label: 'Bookmark' },
    });
    const result = scanEn(post);
    expect(result.readings[0]?.counts).toMatchObject({
      replies: { value: 1 },
      reposts: { value: 2 },
      likes: { value: 3 },
    });
    expect(result.readings[0]?.counts.bookmarks).toBeUndefined();
    expect(result.readings[0]?.counts.views).toBeUndefined();
    expect(result.problems.map((p) => p.field)).toEqual(['likes']);
  });

  it('reports a button whose label holds two numbers, naming the button', () => {
    // The label alone is ambiguous here (three numbers, three buttons missing), so the buttons decide.
    const post = xPost('5 replies, 10 likes, 6 views', {
      replies: { label: '5 Replies. Reply' },
      likes: { label: '10 Likes, 3 new. Like' },
    });
    const result = scanEn(post);
    expect(result.readings[0]?.counts).toEqual({ replies: { precision: 'exact', value: 5, raw: '5' } });
    expect(result.problems).toContainEqual({
      field: 'likes',
      selector: '[data-testid$="like"]',
      raw: '10 Likes, 3 new. Like',
    });
  });

  it('does not take a share button for the bookmarks one', () => {
    const post = xPost('2 replies, 3 likes', {
      replies: { label: '2 Replies. Reply' },
      likes: { label: '3 Likes. Like' },
    });
    const withShare = post.replace(
      '</div></article>',
      '<button data-testid="share" aria-label="Share post"></button></div></article>',
    );
    const counts = scanEn(withShare).readings[0]?.counts;
    expect(counts).toMatchObject({ replies: { value: 2 }, likes: { value: 3 } });
    expect(counts?.bookmarks).toBeUndefined();
  });

  it('reads the buttons of a post the user reposted and liked', () => {
    const post = xPost('4 replies, 5 reposts, 6 likes', {
      replies: { label: '4 Replies. Reply' },
      reposts: { label: '5 reposts. Reposted' },
      likes: { label: '6 Likes. Liked' },
    })
      .replace('data-testid="retweet"', 'data-testid="unretweet"')
      .replace('data-testid="like"', 'data-testid="unlike"');
    expect(scanEn(post).readings[0]?.counts).toEqual({
      replies: { precision: 'exact', value: 4, raw: '4' },
      reposts: { precision: 'exact', value: 5, raw: '5' },
      likes: { precision: 'exact', value: 6, raw: '6' },
    });
  });
});

describe('X: labels that cannot be trusted', () => {
  it('trusts no position in a label that lost one of its numbers ("NaN replies, 5 likes")', () => {
    const post = xPost('NaN replies, 5 likes', { replies: { label: 'Reply' }, likes: { label: '5 Likes. Like' } });
    const result = scanEn(post);
    expect(result.readings[0]?.counts).toEqual({ likes: { precision: 'exact', value: 5, raw: '5' } });
    expect(result.problems.map((p) => p.field)).toEqual(['likes']);
  });

  it('reads a blank label as zeros only while no button shows a number', () => {
    const blank = xPost('  ', { replies: { label: 'Reply' }, likes: { label: 'Like' } });
    expect(scanEn(blank).readings[0]?.counts).toEqual({
      replies: { precision: 'exact', value: 0 },
      likes: { precision: 'exact', value: 0 },
    });

    const likedButEmpty = xPost('', { replies: { label: 'Reply' }, likes: { label: 'Like', visible: '5' } });
    const result = scanEn(likedButEmpty);
    expect(result.readings[0]?.counts).toEqual({ likes: { precision: 'exact', value: 5, raw: '5' } });
    expect(result.problems.map((p) => p.field)).toEqual(['likes']);
  });

  it("reads a bar without a label from the buttons' own numbers, with nothing to report", () => {
    const post = xPost(null, { replies: { label: '3 Replies. Reply' }, likes: { label: 'Like', visible: '8' } });
    const result = scanEn(post);
    expect(result.readings[0]?.counts).toEqual({
      replies: { precision: 'exact', value: 3, raw: '3' },
      likes: { precision: 'exact', value: 8, raw: '8' },
    });
    expect(result.problems).toEqual([]);
  });

  it("reads a reposted post's own count when the bar has no label to place it", () => {
    const post = xPost(null, { replies: { label: 'Reply' }, reposts: { label: '5 reposts. Reposted' } }).replace(
      'data-testid="retweet"',
      'data-testid="unretweet"',
    );
    expect(scanEn(post).readings[0]?.counts).toEqual({ reposts: { precision: 'exact', value: 5, raw: '5' } });
  });

  it('reads a post without an action bar or text, and says which counts are missing', () => {
    const html =
      '<article data-testid="tweet"><a href="/ada/status/1858979112345600001"><time datetime="2024-11-19T20:15:00.000Z">Nov 19</time></a></article>';
    const result = scanEn(html);
    expect(result.readings).toEqual([
      {
        platform: 'x',
        postId: '1858979112345600001',
        url: 'https://x.com/ada/status/1858979112345600001',
        author: 'ada',
        postedAt: Date.parse('2024-11-19T20:15:00.000Z'),
        counts: {},
      },
    ]);
    expect(result.readings[0]).not.toHaveProperty('text');
    expect(result.readings[0]).not.toHaveProperty('promoted');
    expect(result.problems).toEqual([{ field: 'likes', selector: '[role="group"][aria-label] | [role="group"]' }]);
  });
});

describe('X: the time a status id carries', () => {
  it('decodes the shortest snowflake ids, from the first days of snowflakes', () => {
    const first = snowflakeTime('100000000000000')!; // 15 digits
    expect(new Date(first).toISOString().slice(0, 7)).toBe('2010-11');
    expect(snowflakeTime('99999999999999')).toBeUndefined(); // 14 digits: a sequential id
  });
});
