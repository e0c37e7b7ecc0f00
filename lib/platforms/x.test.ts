/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import homeTimeline from './fixtures/x-home-timeline.html?raw';
import profileDe from './fixtures/x-profile-de.html?raw';
import statusJa from './fixtures/x-status-ja.html?raw';
import { page, xPost } from './fixtures/markup';
import { snowflakeTime, x } from './x';

const NOW = Date.parse('2024-11-22T12:00:00Z');

function readFixture(html: string, url = 'https://x.com/home'): PostReading[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return x.read(doc, { url: new URL(url), now: NOW });
}

function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read`);
  return found;
}

describe('X adapter on the home timeline', () => {
  // Read inside each test, not when the suite is collected: Stryker activates a mutant only then.
  it('reads every post once, the quoted post not as a post of its own', () => {
    expect(readFixture(homeTimeline).map((r) => r.postId)).toEqual([
      '1858979112345600001',
      '1858990000000000002',
      '1153443434222432256',
      '1858700000000000004',
      '1859000000000000005',
      '1858800000000000006',
    ]);
  });

  it('reads id, permalink, author, time, text and exact counts from the action bar label', () => {
    expect(byId(readFixture(homeTimeline), '1858979112345600001')).toEqual({
      platform: 'x',
      postId: '1858979112345600001',
      url: 'https://x.com/ada/status/1858979112345600001',
      author: 'ada',
      postedAt: Date.parse('2024-11-19T20:15:00.000Z'),
      text: 'The Analytical Engine weaves algebraic patterns just as the Jacquard loom weaves flowers and leaves.',
      counts: {
        replies: { precision: 'exact', value: 12, raw: '12' },
        reposts: { precision: 'exact', value: 34, raw: '34' },
        likes: { precision: 'exact', value: 567, raw: '567' },
        bookmarks: { precision: 'exact', value: 8, raw: '8' },
        views: { precision: 'exact', value: 9012, raw: '9012' },
      },
      readAt: NOW,
    });
  });

  it("keeps a quoted post's author, time and text out of the quoting post", () => {
    const quote = byId(readFixture(homeTimeline), '1858990000000000002');
    expect(quote.author).toBe('grace');
    expect(quote.postedAt).toBe(Date.parse('2024-11-19T21:00:00.000Z'));
    expect(quote.text).toBe('A ship in port is safe, but that is not what ships are built for.');
    expect(quote.counts.likes).toMatchObject({ value: 48 }); // a post the user liked: data-testid="unlike"
    expect(quote.counts.views).toMatchObject({ value: 1200 });
  });

  it('treats a zero X leaves out of the label as 0, and views a post never had as unknown', () => {
    const quote = byId(readFixture(homeTimeline), '1858990000000000002');
    expect(quote.counts.bookmarks).toEqual({ precision: 'exact', value: 0 });

    const old = byId(readFixture(homeTimeline), '1153443434222432256');
    expect(old.counts).toMatchObject({ replies: { value: 2 }, reposts: { value: 10 }, likes: { value: 25 } });
    expect(old.counts.views).toBeUndefined();
  });

  it("keys a repost by the original post and its author, not the reposter's", () => {
    const repost = byId(readFixture(homeTimeline), '1858700000000000004');
    expect(repost.author).toBe('NASA');
    expect(repost.url).toBe('https://x.com/NASA/status/1858700000000000004');
    expect(repost.counts.likes).toMatchObject({ precision: 'exact', value: 45678 });
    expect(repost.counts.views).toMatchObject({ precision: 'exact', value: 2345678 });
    expect(repost.counts.reposts).toMatchObject({ value: 5678 }); // data-testid="unretweet"
  });

  it('reads a reply whose only shown count is views: the rest are 0, not unknown', () => {
    expect(byId(readFixture(homeTimeline), '1859000000000000005').counts).toEqual({
      replies: { precision: 'exact', value: 0 },
      reposts: { precision: 'exact', value: 0 },
      likes: { precision: 'exact', value: 0 },
      bookmarks: { precision: 'exact', value: 0 },
      views: { precision: 'exact', value: 8, raw: '8' },
    });
  });

  it('marks a promoted post, finding its id without a timestamp', () => {
    const ad = byId(readFixture(homeTimeline), '1858800000000000006');
    expect(ad.promoted).toBe(true);
    expect(ad.author).toBe('acmecloud');
    expect(ad.postedAt).toBe(snowflakeTime('1858800000000000006'));
    expect(ad.counts.views).toMatchObject({ value: 1500000 });
    expect(readFixture(homeTimeline).filter((r) => r.promoted)).toHaveLength(1);
  });
});

describe('X adapter in other UI languages', () => {
  it('reads a Japanese status page, including views shown beside the time rather than in the bar', () => {
    const readings = readFixture(statusJa, 'https://x.com/sato_hanako/status/1860100000000000010');
    const focused = byId(readings, '1860100000000000010');
    expect(focused.text).toBe('今日は良い天気ですね。桜が満開です🌸');
    expect(focused.counts).toMatchObject({
      replies: { precision: 'exact', value: 45 },
      reposts: { precision: 'exact', value: 210 },
      likes: { precision: 'exact', value: 3456 },
      bookmarks: { precision: 'exact', value: 67 },
      views: { precision: 'exact', value: 12345 },
    });
  });

  it('keeps a compact number in a label as a range, not a made-up exact value', () => {
    const readings = readFixture(statusJa, 'https://x.com/sato_hanako/status/1860100000000000010');
    const reply = byId(readings, '1860110000000000011');
    expect(reply.counts.replies).toMatchObject({ value: 2 });
    expect(reply.counts.reposts).toEqual({ precision: 'exact', value: 0 });
    expect(reply.counts.likes).toMatchObject({ value: 30 });
    const views = reply.counts.views;
    expect(views?.precision).toBe('rounded');
    expect(views && 'min' in views && views.min <= 12000 && views.max >= 12000).toBe(true);
  });

  it('reads German grouping ("1.234") as thousands because the page is German', () => {
    const readings = readFixture(profileDe, 'https://x.com/lena_s');
    expect(byId(readings, '1855000000000000020').counts).toMatchObject({
      replies: { value: 5 },
      reposts: { value: 12 },
      likes: { precision: 'exact', value: 1234 },
      bookmarks: { value: 3 },
      views: { precision: 'exact', value: 45678 },
    });
    expect(byId(readings, '1859500000000000021').counts).toMatchObject({
      replies: { value: 1 },
      reposts: { value: 0 },
      likes: { value: 9 },
      views: { value: 310 },
    });
  });
});

describe('X adapter on recycled and changed markup', () => {
  it('reads a recycled article as the post it shows now', () => {
    const doc = new DOMParser().parseFromString(homeTimeline, 'text/html');
    const article = doc.querySelector('article')!;
    const before = x.read(article, { url: new URL('https://x.com/home'), now: NOW });
    expect(before[0]?.postId).toBe('1858979112345600001');

    // X reuses the element for another post: same article element, the other post's content.
    article.innerHTML = doc.querySelectorAll('article')[3]!.innerHTML;
    const after = x.read(article, { url: new URL('https://x.com/home'), now: NOW });
    expect(after[0]).toMatchObject({ postId: '1858700000000000004', author: 'NASA' });
    expect(after[0]?.counts).toMatchObject({ replies: { value: 1234 }, likes: { value: 45678 } });
  });

  it('reports a problem instead of guessing when the label cannot be matched to the buttons', () => {
    const doc = new DOMParser().parseFromString(homeTimeline, 'text/html');
    const article = doc.querySelector('article')!;
    article
      .querySelector('[role="group"]')!
      .setAttribute('aria-label', '1 reply, 2 reposts, 3 likes, 4 bookmarks, 5 views, 6 things');
    const result = x.scan(article, { url: new URL('https://x.com/home'), now: NOW });
    expect(result.problems.map((p) => p.field)).toContain('likes');
    // The buttons' own labels are still exact, so those counts survive; none is invented.
    expect(result.readings[0]?.counts).toMatchObject({ likes: { value: 567 }, views: { value: 9012 } });
    expect(result.readings[0]?.counts.bookmarks).toBeUndefined();
  });

  it('never reads a label whose numbers it cannot parse as all zeros', () => {
    const doc = new DOMParser().parseFromString(homeTimeline, 'text/html');
    const article = doc.querySelectorAll('article')[4]!; // the reply whose controls show no numbers
    article.querySelector('[role="group"]')!.setAttribute('aria-label', '1e3 views');
    article.querySelector('a[href$="/analytics"]')!.remove();
    const result = x.scan(article, { url: new URL('https://x.com/home'), now: NOW });
    expect(result.readings[0]?.counts).toEqual({});
    expect(result.problems).toHaveLength(1);
  });

  it('reads nothing, and says why, from an article without a permalink', () => {
    const doc = new DOMParser().parseFromString(
      '<html lang="en"><body><article data-testid="tweet"><div role="group" aria-label="1 like"></div></article></body></html>',
      'text/html',
    );
    const result = x.scan(doc, { url: new URL('https://x.com/home'), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 1, problems: [{ field: 'id' }] });
  });

  it('decodes the time a snowflake id carries', () => {
    // A real post: its page showed <time datetime="2025-10-23T16:34:09.000Z">.
    const ms = snowflakeTime('1981398750557065646')!;
    expect(Math.floor(ms / 1000)).toBe(Date.parse('2025-10-23T16:34:09.000Z') / 1000);
    expect(snowflakeTime('20')).toBeUndefined(); // ids from before 2010 carry no time
  });
});

describe('X adapter: never a number from the wrong place, never an invented zero', () => {
  it('reads no count from the "Show 35 posts" banner, a poll\'s votes or a trend\'s posts', () => {
    const readings = readFixture(homeTimeline);
    const values = readings.flatMap((r) => Object.values(r.counts).map((c) => ('value' in c ? c.value : null)));
    for (const notACount of [35, 1_861, 62, 38, 12_300]) expect(values).not.toContain(notACount);
    expect(readings).toHaveLength(6);
  });

  it('reads "NaN" in every slot of a label as unreadable, not as zeros', () => {
    const post = xPost('NaN replies, NaN reposts, NaN likes, NaN views', {
      replies: { label: 'Reply' },
      reposts: { label: 'Repost' },
      likes: { label: 'Like' },
      views: { label: 'View post analytics' },
      bookmarks: { label: 'Bookmark' },
    });
    const result = x.scan(page('en', post), { url: new URL('https://x.com/home'), now: NOW });
    expect(result.readings[0]?.counts).toEqual({});
    expect(result.problems).toEqual([
      { field: 'likes', selector: '[role="group"][aria-label]', raw: expect.stringMatching(/^NaN/) },
    ]);
  });

  it('reads "1 000 000 views" on an English page as neither 1 like nor 0 views', () => {
    const post = xPost('1 000 000 views', {
      replies: { label: 'Reply' },
      likes: { label: 'Like' },
      views: { label: '1 000 000 views. View post analytics', visible: '1M' },
    });
    const result = x.scan(page('en', post), { url: new URL('https://x.com/home'), now: NOW });
    expect(result.readings[0]?.counts).toEqual({});
    expect(result.problems.map((p) => p.field)).toEqual(['likes', 'views']);
  });

  it('still reads an empty label as zeros: X leaves every zero out of it', () => {
    const post = xPost('', { replies: { label: 'Reply' }, likes: { label: 'Like' }, bookmarks: { label: 'Bookmark' } });
    const result = x.scan(page('en', post), { url: new URL('https://x.com/home'), now: NOW });
    expect(result.readings[0]?.counts).toEqual({
      replies: { precision: 'exact', value: 0 },
      likes: { precision: 'exact', value: 0 },
      bookmarks: { precision: 'exact', value: 0 },
    });
    expect(result.problems).toEqual([]);
  });

  it('reads a Bengali bar ("১২৩") and a fullwidth one as the numbers they show', () => {
    for (const [lang, digits] of [
      ['bn', ['৪৫', '১২৩', '৬']],
      ['ja', ['４５', '１２３', '６']],
    ] as const) {
      const [replies, likes, views] = digits;
      const post = xPost(`${replies} replies, ${likes} likes, ${views} views`, {
        replies: { label: `${replies} Replies. Reply`, visible: replies },
        reposts: { label: 'Repost' },
        likes: { label: `${likes} Likes. Like`, visible: likes },
        views: { label: `${views} views`, visible: views },
        bookmarks: { label: 'Bookmark' },
      });
      const [reading] = x.read(page(lang, post), { url: new URL('https://x.com/home'), now: NOW });
      expect(reading?.counts, lang).toMatchObject({
        replies: { value: 45 },
        reposts: { value: 0 },
        likes: { value: 123 },
        bookmarks: { value: 0 },
        views: { value: 6 },
      });
    }
  });
});
