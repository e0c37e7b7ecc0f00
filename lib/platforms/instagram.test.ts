/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import type { PostReading } from '../model';
import feedEn from './fixtures/instagram-feed-en.html?raw';
import feedJa from './fixtures/instagram-feed-ja.html?raw';
import home2026 from './fixtures/instagram-home-2026-en.html?raw';
import reelEn from './fixtures/instagram-reel-en.html?raw';
import postPt from './fixtures/instagram-post-pt.html?raw';
import reelsEn from './fixtures/instagram-reels-en.html?raw';
import { instagram } from './instagram';

const NOW = Date.parse('2024-11-22T12:00:00Z');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const urlOf = (html: string) => /<meta name="feedlens:url" content="([^"]+)"/.exec(html)![1]!;

function readFixture(html: string, url = urlOf(html)): PostReading[] {
  return instagram.read(parse(html), { url: new URL(url), now: NOW });
}

function byId(readings: PostReading[], id: string): PostReading {
  const found = readings.find((r) => r.postId === id);
  if (!found) throw new Error(`post ${id} was not read`);
  return found;
}

describe('Instagram home feed as served in June 2026 (instagram-home-2026-en.html)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const result = () => instagram.scan(parse(home2026), { url: new URL(urlOf(home2026)), now: NOW });
  const collab = () => result().readings[0];
  const photo = () => result().readings[1];
  const video = () => result().readings[2];
  const ad = () => result().readings[3];

  it('reads the comment count beside the Comment icon, and no number beside the heart as hidden likes', () => {
    expect(collab()).toEqual({
      platform: 'instagram',
      postId: 'DRk1aBcDeF1',
      url: 'https://www.instagram.com/p/DRk1aBcDeF1/',
      author: 'kudagcilik', // a collab post: the first of its authors
      postedAt: Date.parse('2026-06-14T18:03:52.000Z'),
      text: 'Summit day with @sudosk ⛰️ two clubs, one rope.',
      counts: {
        replies: { precision: 'exact', value: 4, raw: '4' },
        likes: { precision: 'hidden', raw: 'Liked by sudosk and others' },
      },
    });
  });

  it('takes the number beside the heart as the likes, even under a "Liked by … and others" line', () => {
    expect(photo()?.counts).toEqual({
      likes: { precision: 'exact', value: 2345, raw: '2,345' },
      replies: { precision: 'exact', value: 56, raw: '56' },
    });
    expect(video()?.counts).toEqual({
      likes: { precision: 'rounded', value: 12_300, min: 12_250, max: 12_350, raw: '12.3K' },
      replies: { precision: 'exact', value: 310, raw: '310' },
    });
  });

  it('marks the post without a time promoted, keyed by the link around its picture', () => {
    expect(ad()).toMatchObject({ postId: 'DRk4dEfGhI4', promoted: true, counts: { likes: { value: 890 } } });
    expect(ad()?.counts.replies).toBeUndefined();
    expect(result()).toMatchObject({ candidates: 4, problems: [] });
  });

  it('never the wrong field: a number of another unit in the bar or the likes line is not likes', () => {
    const doc = parse(home2026);
    const count = doc.querySelectorAll('article')[2]!.querySelector('section span[role="button"]')!;
    count.textContent = '1.2M plays';
    const scan = instagram.scan(doc.querySelectorAll('article')[2]!, { url: new URL(urlOf(home2026)), now: NOW });
    expect(scan.readings[0]!.counts.likes).toBeUndefined();
    expect(scan.problems).toContainEqual(expect.objectContaining({ field: 'likes', raw: '1.2M plays' }));
    // The older layout: a likes line showing a video's views.
    const old = parse(feedEn);
    const line = old.querySelector('article section:has(svg) + section')!;
    line.innerHTML = '<span>12,345 views</span>';
    old.querySelector('article a[href$="/liked_by/"]')?.remove();
    const first = instagram.scan(old.querySelector('article')!, { url: new URL(urlOf(feedEn)), now: NOW });
    expect(first.readings[0]!.counts.likes).toBeUndefined();
  });
});

describe('Instagram’s Reels player (instagram-reel-en.html)', () => {
  const doc = parse(reelEn);
  it('reads only the reel the address names, never the neighbours the player keeps mounted', () => {
    const scan = instagram.scan(doc, { url: new URL(urlOf(reelEn)), now: NOW });
    expect(scan).toMatchObject({ candidates: 1, problems: [] });
    expect(scan.readings.map((r) => [r.postId, r.author, r.counts.likes?.raw, r.counts.replies?.raw])).toEqual([
      ['DRe2Lm4Abc1', 'ana.rides', '48.2K', '1,204'],
    ]);
  });

  it('follows the address as the user swipes (/reel/ too), and an article without a code only when alone', () => {
    const next = instagram.read(doc, { url: new URL('https://www.instagram.com/reel/DRe3Mn5Def2/'), now: NOW });
    expect(next.map((r) => r.postId)).toEqual(['DRe3Mn5Def2']);
    const nameless = parse(reelEn);
    for (const link of nameless.querySelectorAll('a[href*="/reel/"]')) link.removeAttribute('href');
    const url = new URL(urlOf(reelEn));
    expect(instagram.scan(nameless, { url, now: NOW })).toMatchObject({ readings: [], candidates: 0 });
    const articles = nameless.querySelectorAll('article');
    articles[0]!.remove();
    articles[2]!.remove();
    expect(instagram.read(nameless, { url, now: NOW }).map((r) => r.postId)).toEqual(['DRe2Lm4Abc1']);
  });
});

describe('Instagram home feed in the likes-line layout (instagram-feed-en.html)', () => {
  // Read in each test, not when the suite is collected: Stryker activates its mutant only then.
  const readings = () => readFixture(feedEn);

  it('reads every post by its shortcode, canonically linked as /p/<code>/', () => {
    expect(readings().map((r) => [r.postId, r.url])).toEqual(
      ['C1aBcDeFgHi', 'C2bCdEfGhIj', 'C3cDeFgHiJk', 'C4dEfGhIjKl', 'C5eFgHiJkLm', 'C6fGhIjKlMn'].map((code) => [
        code,
        `https://www.instagram.com/p/${code}/`,
      ]),
    );
  });

  it('reads author, time, caption, and the likes and comments the post shows, exactly', () => {
    expect(byId(readings(), 'C1aBcDeFgHi')).toEqual({
      platform: 'instagram',
      postId: 'C1aBcDeFgHi',
      url: 'https://www.instagram.com/p/C1aBcDeFgHi/',
      author: 'ana.rides',
      postedAt: Date.parse('2024-11-20T18:04:00.000Z'),
      text: 'Sunrise ride over the ridge 🚴 #gravel',
      counts: {
        likes: { precision: 'exact', value: 1234, raw: '1,234' },
        replies: { precision: 'exact', value: 56, raw: '56' },
      },
      readAt: NOW,
    });
  });

  it('reads "Liked by … and others" (like count hidden) as hidden, never as a number', () => {
    const post = byId(readings(), 'C2bCdEfGhIj');
    expect(post.counts.likes).toEqual({ precision: 'hidden', raw: 'Liked by bruno.k and others' });
    expect(post.counts.replies).toMatchObject({ value: 12 }); // other counts are still read
    // The story ring's link (/stories/…) is not the author; the first profile link is.
    expect(post.author).toBe('carla.cooks');
  });

  it('reads "Liked by bruno.k and 1,233 others" as about 1,234, not 1,233', () => {
    const reel = byId(readings(), 'C3cDeFgHiJk');
    expect(reel.counts.likes).toEqual({
      precision: 'estimated',
      value: 1234,
      min: 1234,
      max: 1235,
      raw: 'Liked by bruno.k and 1,233 others',
    });
    expect(reel.author).toBe('dev.on.wheels'); // not the audio link (/reels/audio/…) nor the liker
    expect(reel.url).toBe('https://www.instagram.com/p/C3cDeFgHiJk/'); // a reel, under its /p/ address
  });

  it('marks the sponsored post (no time where the others have one) promoted, and the suggested one not', () => {
    expect(byId(readings(), 'C4dEfGhIjKl')).toMatchObject({
      promoted: true,
      author: 'trailgear.co',
      counts: { likes: { precision: 'exact', value: 2345 } },
    });
    expect(byId(readings(), 'C4dEfGhIjKl').postedAt).toBeUndefined();
    expect(byId(readings(), 'C6fGhIjKlMn').promoted).toBeUndefined(); // "Suggested for you": organic
    expect(readings().filter((r) => r.promoted)).toHaveLength(1);
  });

  it('stores no 0 for "Be the first to like this", and reports the line instead', () => {
    const result = instagram.scan(parse(feedEn), { url: new URL(urlOf(feedEn)), now: NOW });
    const fresh = result.readings.find((r) => r.postId === 'C5eFgHiJkLm')!;
    expect(fresh.counts).toEqual({});
    expect(fresh.author).toBe('eli.sketches');
    expect(result.problems).toEqual([
      { field: 'likes', selector: 'a[href$="/liked_by/"]', raw: 'Be the first to like this' },
    ]);
  });
});

describe('Instagram in other languages and pages', () => {
  it('reads a Portuguese post page: "1.234 curtidas", and the post time rather than a comment time', () => {
    const [post, ...rest] = readFixture(postPt);
    expect(rest).toEqual([]);
    expect(post).toMatchObject({
      postId: 'C9xYz12AbCd',
      author: 'marina.faz',
      postedAt: Date.parse('2024-11-10T15:00:00.000Z'), // the comment below is from Nov 12
      text: 'Bolo de fubá cremoso, receita da vó 🌽',
      counts: { likes: { precision: 'exact', value: 1234, raw: '1.234' } },
    });
    // A comment's "4 curtidas" is not the post's; no "View all" link: no comment count, not 0.
    expect(post!.counts.replies).toBeUndefined();
  });

  it('reads the Japanese wording by its numbers (「いいね！」1,234件, コメント56件), and the hidden form', () => {
    const readings = readFixture(feedJa);
    expect(byId(readings, 'D1aBcDeFgHi')).toMatchObject({
      author: 'hana.bento',
      text: '今日のお弁当 🍱',
      counts: { likes: { precision: 'exact', value: 1234 }, replies: { precision: 'exact', value: 56 } },
    });
    expect(byId(readings, 'D2bCdEfGhIj').counts.likes).toEqual({
      precision: 'hidden',
      raw: 'bruno.kさん、他が「いいね！」しました',
    });
  });

  it('reads the plays on reel tiles, with the author from the tile link or the profile address', () => {
    const readings = readFixture(reelsEn);
    expect(readings.map((r) => [r.postId, r.author, r.counts])).toEqual([
      [
        'C7gHiJkLmNo',
        'ana.rides',
        { views: { precision: 'rounded', value: 12300, min: 12250, max: 12350, raw: '12.3K' } },
      ],
      ['C8hIjKlMnOp', 'ana.rides', { views: { precision: 'exact', value: 987, raw: '987' } }],
      [
        'C9iJkLmNoPq',
        'ana.rides',
        { views: { precision: 'rounded', value: 1_200_000, min: 1_150_000, max: 1_250_000, raw: '1.2M' } },
      ],
    ]);
  });
});

describe('Instagram on recycled and unknown markup', () => {
  it('reads an article refilled with another post as that post', () => {
    const doc = parse(feedEn);
    const [first, second] = doc.querySelectorAll('article');
    first!.innerHTML = second!.innerHTML;
    const [reading] = instagram.read(first!, { url: new URL(urlOf(feedEn)), now: NOW });
    expect(reading).toMatchObject({
      postId: 'C2bCdEfGhIj',
      author: 'carla.cooks',
      counts: { likes: { precision: 'hidden' } },
    });
  });

  it('reads nothing from an article without a post link, and says so', () => {
    const doc = parse(
      '<html lang="en"><body><main><article><header><a href="/someone/">someone</a></header>' +
        '<section><span>1,234 likes</span></section></article></main></body></html>',
    );
    const result = instagram.scan(doc, { url: new URL('https://www.instagram.com/'), now: NOW });
    expect(result).toMatchObject({ readings: [], candidates: 1, problems: [{ field: 'id' }] });
  });

  it('reports a likes number it cannot read rather than guessing one', () => {
    const doc = parse(feedEn);
    doc.querySelector('a[href$="/liked_by/"] .html-span')!.textContent = '1,2,3,4';
    const result = instagram.scan(doc.querySelector('article')!, { url: new URL(urlOf(feedEn)), now: NOW });
    expect(result.readings[0]!.counts.likes).toBeUndefined();
    expect(result.problems).toEqual([{ field: 'likes', selector: 'a[href$="/liked_by/"]', raw: '1,2,3,4 likes' }]);
  });
});
