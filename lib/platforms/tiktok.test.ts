/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import foryouEn from './fixtures/tiktok-foryou-en.html?raw';
import profileJa from './fixtures/tiktok-profile-ja.html?raw';
import videoBrowseEn from './fixtures/tiktok-video-browse-en.html?raw';
import videoDe from './fixtures/tiktok-video-de.html?raw';
import { page, tiktokCard } from './fixtures/markup';
import { fnv1a, tiktok, tiktokIdTime } from './tiktok';

const NOW = Date.parse('2024-12-22T12:00:00Z');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const urlOf = (html: string) => /<meta name="feedlens:url" content="([^"]+)"/.exec(html)![1]!;

function readFixture(html: string, url = urlOf(html)): PostReading[] {
  return tiktok.read(parse(html), { url: new URL(url), now: NOW });
}

function byAuthor(readings: PostReading[], author: string): PostReading {
  const found = readings.find((r) => r.author === author);
  if (!found) throw new Error(`no post by ${author} was read`);
  return found;
}

describe('TikTok For You feed', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(foryouEn);

  it('reads a playing video under the id its player carries, with every count and its precision', () => {
    expect(byAuthor(readings(), 'mika.moves')).toEqual({
      platform: 'tiktok',
      postId: '7441122334455667788',
      url: 'https://www.tiktok.com/@mika.moves/video/7441122334455667788',
      author: 'mika.moves',
      postedAt: Date.parse('2024-11-25T07:55:02Z'), // the id's top 32 bits; the page says "11-25"
      text: 'Morning stretch routine, 5 minutes #stretch',
      counts: {
        // "48.9K": TikTok's rounding is undocumented, assumed to the nearest (48,850 ≤ n < 48,950).
        likes: { precision: 'rounded', value: 48900, min: 48850, max: 48950, raw: '48.9K' },
        replies: { precision: 'exact', value: 1203, raw: '1203' },
        bookmarks: { precision: 'exact', value: 3021, raw: '3021' }, // favorite-count
        reposts: { precision: 'exact', value: 512, raw: '512' },
      },
      readAt: NOW,
    });
  });

  it('keys a post without any id by author, caption and sound, linking to the author', () => {
    const post = byAuthor(readings(), 'dario_bakes');
    expect(post.postId).toMatch(/^fyp:dario_bakes:[0-9a-f]{8}$/);
    expect(post).toMatchObject({
      url: 'https://www.tiktok.com/@dario_bakes',
      text: 'Sourdough crumb shot 🍞 #bread with @mika.moves',
      counts: {
        likes: { precision: 'rounded', value: 1_200_000, min: 1_150_000, max: 1_250_000 },
        replies: { precision: 'exact', value: 8743 },
        // Saves under the older hook name, undefined-count.
        bookmarks: { precision: 'rounded', value: 52100, min: 52050, max: 52150 },
        reposts: { precision: 'rounded', value: 12300 },
      },
    });
    expect(post.postedAt).toBeUndefined(); // no id, no time: "2d ago" is not read
    // The mention in the caption (/@mika.moves) is not taken for the author.
    expect(post.author).toBe('dario_bakes');
  });

  it('gives that key its documented properties: stable, caption-bound, collision-prone, second to a real id', () => {
    const doc = parse(foryouEn);
    const article = doc.querySelectorAll('article')[1]!;
    const read = () => tiktok.read(article, { url: new URL(urlOf(foryouEn)), now: NOW })[0]!;
    const key = read().postId;
    expect(read().postId).toBe(key); // the same post on screen keeps its key
    // The same caption on the same sound in another (recycled) article element: the same key.
    const copy = doc.querySelectorAll('article')[0]!;
    copy.innerHTML = article.innerHTML;
    expect(tiktok.read(copy, { url: new URL(urlOf(foryouEn)) })[0]!.postId).toBe(key);
    // An edited caption is another key (the cost of keying by content).
    article.querySelector('[data-e2e="desc-span-0_-1"]')!.textContent = 'Sourdough crumb shot, take two ';
    expect(read().postId).not.toBe(key);
    expect(read().postId).toMatch(/^fyp:dario_bakes:/);
    // Once the article shows a link to the video, its real id wins.
    const link = doc.createElement('a');
    link.href = '/@dario_bakes/video/7448877665544332211';
    article.querySelector('[data-e2e="video-desc"]')!.after(link);
    expect(read()).toMatchObject({
      postId: '7448877665544332211',
      url: 'https://www.tiktok.com/@dario_bakes/video/7448877665544332211',
    });
  });

  it('marks the sponsored post promoted, and reads a share button without a number as no count', () => {
    const ad = byAuthor(readings(), 'brightsmile_official');
    expect(ad.promoted).toBe(true);
    expect(ad.counts).toEqual({
      likes: { precision: 'exact', value: 5210, raw: '5210' },
      replies: { precision: 'exact', value: 87, raw: '87' },
    });
    expect(readings().filter((r) => r.promoted)).toHaveLength(1);
  });

  it('does not take the empty placeholder articles or the LIVE card for posts, nor read any zeros from them', () => {
    const result = tiktok.scan(parse(foryouEn), { url: new URL(urlOf(foryouEn)), now: NOW });
    expect(result.candidates).toBe(3);
    expect(result.readings).toHaveLength(3);
    expect(result.readings.map((r) => r.author)).not.toContain('nightbus_radio');
    expect(result.problems).toEqual([]);
  });

  it('stores no count whose button says it counts something else ("1.2K watching")', () => {
    const card = tiktokCard({ likes: ['1.2K', '1.2K watching'], replies: ['87', 'Read or add comments\n87 comments'] });
    const [reading] = tiktok.read(page('en', card), { url: new URL(urlOf(foryouEn)), now: NOW });
    expect(reading?.counts).toEqual({ replies: { precision: 'exact', value: 87, raw: '87' } });
  });

  it('reads the 2022 feed, whose cards are divs and carry no video id', () => {
    const card = tiktokCard({ likes: ['76.3K'], replies: ['1171'], reposts: ['262'] })
      .replace(/^<article/, '<div')
      .replace(/<\/article>$/, '</div>')
      .replace(/<a href="\/@maker\/video\/\d+"><\/a>/, '');
    const result = tiktok.scan(page('en', `<main>${card}</main>`), { url: new URL(urlOf(foryouEn)), now: NOW });
    expect(result).toMatchObject({ candidates: 1, problems: [] });
    expect(result.readings[0]).toMatchObject({
      postId: expect.stringMatching(/^fyp:maker:[0-9a-f]{8}$/),
      counts: { likes: { value: 76_300 }, replies: { value: 1_171 }, reposts: { value: 262 } },
    });
  });

  it('reads a recycled article as the post it shows now, and a half-refilled one as nothing', () => {
    const doc = parse(foryouEn);
    const [first, second] = doc.querySelectorAll('article');
    // Mid-recycling: the old content is gone, the new not there yet (only its frame).
    first!.innerHTML = '<div><section data-e2e="feed-video"></section></div><section></section>';
    expect(tiktok.scan(first!, { url: new URL(urlOf(foryouEn)) })).toMatchObject({ readings: [], problems: [] });
    // Refilled with another post.
    first!.innerHTML = second!.innerHTML;
    const [now] = tiktok.read(first!, { url: new URL(urlOf(foryouEn)), now: NOW });
    expect(now).toMatchObject({ author: 'dario_bakes', counts: { replies: { value: 8743 } } });
  });

  it('reports what it cannot read instead of guessing', () => {
    const doc = parse(foryouEn);
    const article = doc.querySelector('article')!;
    article.querySelector('[data-e2e="like-count"]')!.textContent = '4,8,9';
    for (const link of article.querySelectorAll('a[href^="/@"]')) link.remove();
    const result = tiktok.scan(article, { url: new URL(urlOf(foryouEn)), now: NOW });
    expect(result.readings).toEqual([]);
    expect(result.problems.map((p) => p.field).sort()).toEqual(['author', 'likes']);
    expect(result.problems.find((p) => p.field === 'likes')?.raw).toBe('4,8,9');
  });
});

describe('TikTok video pages', () => {
  it('reads the 2025 video page in German: the page video by the address, the next by its player', () => {
    const readings = readFixture(videoDe);
    expect(readings.map((r) => [r.postId, r.author])).toEqual([
      ['7450011223344556677', 'lena.kocht'],
      ['7449988776655443322', 'opa.werkt'],
    ]);
    expect(readings[0]).toMatchObject({
      url: 'https://www.tiktok.com/@lena.kocht/video/7450011223344556677',
      postedAt: Date.parse('2024-12-19T06:48:28Z'),
      text: 'Kartoffelsuppe wie bei Oma, mit Majoran #rezept',
      counts: {
        likes: { precision: 'rounded', value: 1_200_000, min: 1_150_000, max: 1_250_000, raw: '1,2 Mio.' },
        replies: { precision: 'exact', value: 12345 }, // "12.345": "." groups thousands in German
        bookmarks: { precision: 'exact', value: 987 },
        reposts: { precision: 'exact', value: 2048 },
      },
    });
    expect(readings[1]!.counts).toMatchObject({
      likes: { precision: 'exact', value: 45678 },
      bookmarks: { value: 1002 },
    });
  });

  it("does not give the page's id to a first article by someone else", () => {
    const doc = parse(videoDe);
    const first = doc.querySelector('article')!;
    for (const link of first.querySelectorAll('a[href="/@lena.kocht"]')) link.setAttribute('href', '/@jemand');
    const [reading] = tiktok.read(first, { url: new URL(urlOf(videoDe)), now: NOW });
    expect(reading!.postId).toMatch(/^fyp:jemand:[0-9a-f]{8}$/);
  });

  it('reads the older video page: browse-* counts, saves as undefined-count, id from the address', () => {
    const [video, ...rest] = readFixture(videoBrowseEn);
    expect(rest).toEqual([]);
    expect(video).toMatchObject({
      postId: '7290011223344556677',
      url: 'https://www.tiktok.com/@nora.paints/video/7290011223344556677',
      author: 'nora.paints',
      postedAt: Date.parse('2023-10-15T02:46:45Z'),
      text: 'Watercolor sky in 60 seconds #art',
      counts: {
        likes: { precision: 'rounded', value: 312400, min: 312350, max: 312450 },
        replies: { precision: 'exact', value: 2847 },
        bookmarks: { precision: 'rounded', value: 40100 },
        reposts: { precision: 'exact', value: 9876 },
      },
    });
    // A comment's like count below the video is not the video's.
    expect(video!.counts.likes).not.toMatchObject({ value: 12 });
  });
});

describe('TikTok profile grid', () => {
  it('reads each grid item: id and author from its link, plays as views (万 = 10⁴)', () => {
    const readings = readFixture(profileJa);
    expect(readings.map((r) => [r.url, r.counts.views])).toEqual([
      [
        'https://www.tiktok.com/@sakura_cooks/video/7455501234567890123',
        { precision: 'rounded', value: 12000, min: 11500, max: 12500, raw: '1.2万' },
      ],
      [
        'https://www.tiktok.com/@sakura_cooks/video/7451109876543210987',
        { precision: 'exact', value: 3456, raw: '3456' },
      ],
      [
        'https://www.tiktok.com/@sakura_cooks/photo/7449000111222333444',
        { precision: 'rounded', value: 1_200_000, min: 1_195_000, max: 1_205_000, raw: '120万' },
      ],
    ]);
    expect(readings.every((r) => r.author === 'sakura_cooks' && !r.counts.likes)).toBe(true);
    expect(readings[0]!.postedAt).toBe(Date.parse('2025-01-03T01:52:31Z'));
  });

  it('reports a grid item whose link it does not recognize', () => {
    const doc = parse(profileJa);
    doc.querySelector('[data-e2e="user-post-item"] a')!.setAttribute('href', '/@sakura_cooks/live');
    const result = tiktok.scan(doc, { url: new URL(urlOf(profileJa)), now: NOW });
    expect(result.readings).toHaveLength(2);
    expect(result.problems).toEqual([{ field: 'id', selector: 'a[href*="/video/"], a[href*="/photo/"]' }]);
  });
});

describe('TikTok helpers', () => {
  it('decodes the upload time TikTok ids carry, and hashes with FNV-1a', () => {
    // A real video: its page showed "11-12" and its data createTime 1762961788 (2025-11-12T15:36:28Z).
    expect(tiktokIdTime('7571863205253778710')).toBe(Date.parse('2025-11-12T15:36:23Z'));
    expect(tiktokIdTime('12345')).toBeUndefined();
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
  });
});
