/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import homeEn from './fixtures/threads-home-en.html?raw';
import postDe from './fixtures/threads-post-de.html?raw';
import profileJa from './fixtures/threads-profile-ja.html?raw';
import { threads } from './threads';

const NOW = Date.parse('2025-05-10T16:00:00Z');
const HOME = 'https://www.threads.com/';
const POST_DE_NET = 'https://www.threads.net/@lena.liest/post/DAbCdEfGhIj';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function readFixture(html: string, url: string): PostReading[] {
  return threads.read(parse(html), { url: new URL(url), now: NOW });
}

function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read`);
  return found;
}

describe('Threads adapter on the home feed (English)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(homeEn, HOME);

  it('reads every post once, the quoted post not as a post of its own', () => {
    expect(readings().map((r) => r.postId)).toEqual([
      'DJx7Qa2sMpT',
      'DJx9LmN0pQr',
      'DJw2RsT4uVw',
      'DJu5XyZ6aBc',
      'DJv8CdE9fGh',
    ]);
  });

  it('reads shortcode, permalink, author, time, text and the action bar’s counts by position', () => {
    expect(byId(readings(), 'DJx7Qa2sMpT')).toEqual({
      platform: 'threads',
      postId: 'DJx7Qa2sMpT',
      url: 'https://www.threads.com/@mira.codes/post/DJx7Qa2sMpT',
      author: 'mira.codes',
      postedAt: Date.parse('2025-05-10T14:03:00.000Z'),
      text: 'Shipped dark mode today. Three years of requests, one afternoon of CSS.',
      counts: {
        // "1.2K", rounded half-up (assumed): 1,150–1,249
        likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' },
        replies: { precision: 'exact', value: 87, raw: '87' },
        reposts: { precision: 'exact', value: 34, raw: '34' },
      },
      readAt: NOW,
    });
  });

  it("keeps the quoted post's author, time and text out of the quoting post", () => {
    expect(byId(readings(), 'DJx9LmN0pQr')).toEqual({
      platform: 'threads',
      postId: 'DJx9LmN0pQr',
      url: 'https://www.threads.com/@jon_bakes/post/DJx9LmN0pQr',
      author: 'jon_bakes',
      postedAt: Date.parse('2025-05-10T15:20:00.000Z'),
      text: 'Finally, my eyes at 2am thank you.',
      counts: {
        likes: { precision: 'exact', value: 56, raw: '56' },
        replies: { precision: 'exact', value: 4, raw: '4' },
      },
      readAt: NOW,
    });
  });

  it('leaves a like count the author hid unknown, not 0', () => {
    const hidden = byId(readings(), 'DJw2RsT4uVw');
    expect(hidden.counts.likes).toBeUndefined();
    expect(hidden.counts).toEqual({
      replies: { precision: 'exact', value: 9, raw: '9' },
      reposts: { precision: 'exact', value: 2, raw: '2' },
    });
  });

  it("keys a repost by the original post and author, its text not the reposter's header", () => {
    expect(byId(readings(), 'DJu5XyZ6aBc')).toMatchObject({
      author: 'bob.builds',
      text: 'We built a treehouse with no nails. Thread with photos below.',
      counts: {
        likes: { precision: 'rounded', value: 12000, min: 11500, max: 12500 },
        replies: { precision: 'rounded', value: 1500, min: 1450, max: 1550 },
        reposts: { precision: 'exact', value: 980 },
      },
    });
    // The share count (2.1K) has no metric and is not stored.
    expect(Object.keys(byId(readings(), 'DJu5XyZ6aBc').counts).sort()).toEqual(['likes', 'replies', 'reposts']);
  });

  it('reads a post the reader liked (icon "Unlike") by position like any other', () => {
    expect(byId(readings(), 'DJv8CdE9fGh').counts).toEqual({ likes: { precision: 'exact', value: 3, raw: '3' } });
  });
});

describe('Threads adapter in other UI languages and on threads.net', () => {
  it('reads a German post page on threads.net, keyed and linked on threads.com', () => {
    const readings = readFixture(postDe, POST_DE_NET);
    expect(readings.map((r) => r.postId)).toEqual(['DAbCdEfGhIj', 'DAbDfGhIjKl', 'DAbEgHiJkLm']);
    expect(byId(readings, 'DAbCdEfGhIj')).toMatchObject({
      url: 'https://www.threads.com/@lena.liest/post/DAbCdEfGhIj',
      author: 'lena.liest',
      postedAt: Date.parse('2025-04-02T07:15:00.000Z'),
      counts: {
        likes: { precision: 'rounded', value: 2400, min: 2350, max: 2450, raw: '2,4 Tsd.' },
        replies: { precision: 'exact', value: 312 },
        reposts: { precision: 'exact', value: 45 },
      },
    });
    expect(byId(readings, 'DAbEgHiJkLm').counts.likes).toEqual({ precision: 'exact', value: 1234, raw: '1.234' });
  });

  it('gives the same post the same key on threads.net and threads.com', () => {
    const [onNet] = readFixture(postDe, POST_DE_NET);
    const [onCom] = readFixture(postDe, 'https://www.threads.com/@lena.liest/post/DAbCdEfGhIj');
    expect(onCom).toEqual(onNet);
  });

  it('reads Japanese compact numbers ("1.2万")', () => {
    const readings = readFixture(profileJa, 'https://www.threads.com/@sakura.photo');
    expect(byId(readings, 'DBq1AbCdEfG').counts).toEqual({
      likes: { precision: 'rounded', value: 12000, min: 11500, max: 12500, raw: '1.2万' },
      replies: { precision: 'exact', value: 345, raw: '345' },
      reposts: { precision: 'exact', value: 1234, raw: '1,234' },
    });
  });

  it('tells the buttons apart by position, not by their (localized) icon names', () => {
    const doc = parse(homeEn);
    const names = ['Lubię to', 'Odpowiedz', 'Opublikuj ponownie', 'Udostępnij', 'Więcej'];
    for (const svg of doc.querySelectorAll('svg[aria-label]')) svg.setAttribute('aria-label', names[0]!);
    const renamed = threads.read(doc, { url: new URL(HOME), locale: 'en', now: NOW });
    expect(renamed.map((r) => r.counts)).toEqual(readFixture(homeEn, HOME).map((r) => r.counts));
  });
});

describe('Threads adapter on changed and unrecognised markup', () => {
  it('reads a recycled container as the post it shows now', () => {
    const doc = parse(homeEn);
    const posts = doc.querySelectorAll('#barcelona-page-layout > div > div > [data-pressable-container="true"]');
    const first = posts[0]!;
    first.innerHTML = posts[3]!.innerHTML;
    expect(threads.read(first, { url: new URL(HOME), now: NOW })[0]).toMatchObject({
      postId: 'DJu5XyZ6aBc',
      counts: { reposts: { value: 980 } },
    });
  });

  it('reports an action bar it does not recognise instead of guessing which number is which', () => {
    const doc = parse(homeEn);
    const post = doc.querySelector('[data-pressable-container="true"]')!;
    const share = post.querySelectorAll('[role="button"]:has(svg[aria-label="Share"])')[0]!;
    share.parentElement!.remove(); // three buttons left: the "More" button would slip into the bar
    const result = threads.scan(post, { url: new URL(HOME), now: NOW });
    expect(result.readings[0]?.counts).toEqual({});
    expect(result.problems.map((p) => p.field)).toEqual(['likes']);
  });

  it('reports a count it cannot parse', () => {
    const doc = parse(homeEn);
    const post = doc.querySelector('[data-pressable-container="true"]')!;
    post.querySelector('[role="button"]:has(svg[aria-label="Like"]) span span')!.textContent = '1.2.3K';
    const result = threads.scan(post, { url: new URL(HOME), now: NOW });
    expect(result.readings[0]?.counts.likes).toBeUndefined();
    expect(result.problems).toEqual([{ field: 'likes', selector: 'span:not(:has(svg))', raw: '1.2.3K' }]);
  });

  it('reads nothing, and says why, from a container without a permalink', () => {
    const doc = parse(
      '<html lang="en"><body><div data-pressable-container="true"><span dir="auto">hello</span></div></body></html>',
    );
    const result = threads.scan(doc, { url: new URL(HOME), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 1, problems: [{ field: 'id' }] });
  });
});
