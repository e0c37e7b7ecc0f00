/** @vitest-environment happy-dom */
/**
 * Bluesky's edges, one case per rule of the adapter: which permalink is the post's own, a thread's
 * focused post named by the page address, buttons without labels or numbers, and what is reported
 * when something cannot be read (never a zero in its place).
 */
import { describe, expect, it } from 'vitest';
import { bluesky } from './bluesky';
import { page } from './fixtures/markup';

const FEED = new URL('https://bsky.app/');
const RKEY = '3l6oveex3ii2l';

const bar = (like = '', reply = '') =>
  `<div><div><button data-testid="replyBtn"${reply}></button></div>` +
  `<div><button data-testid="likeBtn"${like}></button></div></div>`;
const feedItem = (inner: string, by = 'ada.example') => `<div data-testid="feedItem-by-${by}">${inner}</div>`;
const scan = (html: string, url = FEED, lang = 'en') => bluesky.scan(page(lang, html), { url, locale: lang });

describe('Bluesky: whose permalink, whose post', () => {
  it('takes the post’s own permalink, not the quoted post’s that comes first inside its card', () => {
    const html = feedItem(
      `<div role="link"><a href="/profile/grace.example/post/3l6oveex3ii2m">quoted</a></div>` +
        `<a href="/profile/ada.example/post/${RKEY}">now</a>${bar(' aria-label="Like (3 likes)"')}`,
    );
    expect(scan(html).readings).toMatchObject([{ postId: RKEY, author: 'ada.example' }]);
  });

  it('skips a link that is not a post’s and reports a post with no permalink of its own', () => {
    const { readings, problems } = scan(feedItem(`<a href="/profile/ada.example">Ada</a>${bar()}`));
    expect(readings).toEqual([]);
    expect(problems).toContainEqual(expect.objectContaining({ field: 'id' }));
  });

  it('names a thread’s focused post by the page address, by handle or by DID', () => {
    const focused = (by: string) =>
      `<div data-testid="postThreadItem-by-${by}">${bar(' aria-label="Like (1 like)"')}</div>`;
    const byHandle = new URL(`https://bsky.app/profile/ada.example/post/${RKEY}`);
    expect(scan(focused('ada.example'), byHandle).readings).toMatchObject([{ postId: RKEY, author: 'ada.example' }]);
    const byDid = new URL(`https://bsky.app/profile/did:plc:abc123/post/${RKEY}`);
    expect(scan(focused('ada.example'), byDid).readings).toMatchObject([{ postId: RKEY, author: 'ada.example' }]);
    // The page names someone else's post: this item is not it.
    const other = new URL(`https://bsky.app/profile/grace.example/post/${RKEY}`);
    expect(scan(focused('ada.example'), other).readings).toEqual([]);
    const notDid = new URL(`https://bsky.app/profile/xdid:plc/post/${RKEY}`);
    expect(scan(focused('ada.example'), notDid).readings).toEqual([]);
  });

  it('reports a post id that is not a TID as a time it could not read, and keeps the post', () => {
    const { readings, problems } = scan(
      feedItem(`<a href="/profile/ada.example/post/selfmade">now</a>${bar(' aria-label="Like (2 likes)"')}`),
    );
    expect(readings).toHaveLength(1);
    expect(readings[0]!.postedAt).toBeUndefined();
    expect(problems).toContainEqual({ field: 'time', selector: 'rkey TID', raw: 'selfmade' });
  });
});

describe('Bluesky: buttons without numbers', () => {
  const post = (like: string, reply: string) =>
    feedItem(`<a href="/profile/ada.example/post/${RKEY}">now</a>${bar(like, reply)}`);

  it('reads the numbers shown inside the buttons when their labels have none', () => {
    const html = feedItem(
      `<a href="/profile/ada.example/post/${RKEY}">now</a><div><div><button data-testid="replyBtn" aria-label="Reply"><div dir="auto">12</div></button></div>` +
        `<div><button data-testid="likeBtn" aria-label="Like"><div data-testid="likeCount">3.8K</div></button></div></div>`,
    );
    const [reading] = scan(html).readings;
    expect(reading!.counts.replies).toMatchObject({ precision: 'exact', value: 12 });
    expect(reading!.counts.likes).toMatchObject({ precision: 'rounded', min: 3800, max: 3900 });
  });

  it('reports a like button it cannot read, with its label, and stores no like count', () => {
    const { readings, problems } = scan(post(' aria-label="Like"', ' aria-label="Reply (4 replies)"'));
    expect(readings[0]!.counts.likes).toBeUndefined();
    expect(readings[0]!.counts.replies).toMatchObject({ value: 4 });
    expect(problems).toContainEqual({ field: 'likes', selector: 'button[data-testid="likeBtn"]', raw: 'Like' });
  });

  it('reports a label with two numbers as unreadable, not as either number', () => {
    const { readings, problems } = scan(post(' aria-label="Like (3 likes, 5 new)"', ' aria-label="Reply"'));
    expect(readings[0]!.counts.likes).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ field: 'likes', raw: 'Like (3 likes, 5 new)' }));
  });

  it('reads a post with only a reply button, and says nothing of likes it cannot see', () => {
    const html = feedItem(
      `<a href="/profile/ada.example/post/${RKEY}">now</a><div><button data-testid="replyBtn" aria-label="Reply (1 reply)"></button></div>`,
    );
    const { readings, problems } = scan(html);
    expect(readings[0]!.counts).toEqual({ replies: expect.objectContaining({ value: 1 }) });
    expect(problems.filter((p) => p.field === 'likes')).toEqual([]);
  });

  it('reports a thread’s focused post without its buttons, with the selectors it tried', () => {
    const url = new URL(`https://bsky.app/profile/ada.example/post/${RKEY}`);
    const { readings, problems } = scan('<div data-testid="postThreadItem-by-ada.example"></div>', url);
    expect(readings).toMatchObject([{ postId: RKEY, counts: {} }]);
    expect(problems).toContainEqual({
      field: 'likes',
      selector: 'button[data-testid="likeBtn"] | [data-testid="likeBtn"]',
    });
  });

  it('reads a feed item with neither button as no post', () => {
    const { readings, candidates } = scan(feedItem(`<a href="/profile/ada.example/post/${RKEY}">now</a>`));
    expect(readings).toEqual([]);
    expect(candidates).toBe(0);
  });
});
