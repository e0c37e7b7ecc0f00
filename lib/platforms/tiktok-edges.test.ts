/** @vitest-environment happy-dom */
/**
 * TikTok's edges, one case per rule of the adapter: where a feed article's id and author come
 * from (a link, the player, the page address, else a key made from caption and sound), what a
 * half-built article is, the profile grid and the older video page, and what is reported when
 * something cannot be read (never a zero or an empty value in its place).
 */
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { tiktok } from './tiktok';

const FORYOU = new URL('https://www.tiktok.com/foryou');
const ID = '7441122334455667788';
const AUTHOR =
  'a[data-e2e="video-author-avatar"] | a[data-e2e="video-author-uniqueid"] | a[href^="/@"]:not([data-e2e="search-common-link"])';

interface ArticleParts {
  author?: string | null;
  video?: string | null;
  desc?: string | null;
  music?: string;
  counts?: string;
  attrs?: string;
}

function article({
  author = '/@maker',
  video = `/@maker/video/${ID}`,
  desc = 'Clip',
  music = '',
  counts = '<strong data-e2e="like-count">12</strong>',
  attrs = '',
}: ArticleParts = {}): string {
  return (
    `<article data-e2e="recommend-list-item-container"${attrs}>` +
    (author === null ? '' : `<a data-e2e="video-author-avatar" href="${author}"></a>`) +
    (video === null ? '' : `<a href="${video}"></a>`) +
    (desc === null ? '' : `<div data-e2e="video-desc">${desc}</div>`) +
    `${music}<section>${counts}</section></article>`
  );
}

const scan = (html: string, url = FORYOU, lang = 'en') => tiktok.scan(page(lang, html), { url });

describe('TikTok feed articles: which post, whose', () => {
  it('stores no upload time for an id too small to carry one', () => {
    const [reading] = scan(article({ video: '/@maker/video/12345678' })).readings;
    expect(reading).toMatchObject({ postId: '12345678', url: 'https://www.tiktok.com/@maker/video/12345678' });
    expect(reading).not.toHaveProperty('postedAt');
  });

  it('gives the page’s id to the first article only, not to a later one by the same author', () => {
    const url = new URL(`https://www.tiktok.com/@maker/video/${ID}`);
    const first = scan(article({ video: null, attrs: ' data-scroll-index="0"' }), url).readings[0];
    expect(first).toMatchObject({ postId: ID, url: url.href });
    const later = scan(article({ video: null, attrs: ' data-scroll-index="3"' }), url).readings[0];
    expect(later?.postId).toMatch(/^fyp:maker:[0-9a-f]{8}$/);
  });

  it('reports an article whose author link names no account, and reads no post from it', () => {
    const result = scan(article({ author: '/discover' }));
    expect(result).toMatchObject({ readings: [], candidates: 1 });
    expect(result.problems).toEqual([{ field: 'author', selector: AUTHOR }]);
  });

  it('reports a caption without an author, even before any count is shown', () => {
    const result = scan(article({ author: null, video: null, counts: '' }));
    expect(result.readings).toEqual([]);
    expect(result.problems).toEqual([{ field: 'author', selector: AUTHOR }]);
  });

  it('reports counts shown without an author or caption (a layout it no longer knows), not a half-built card', () => {
    const result = scan(article({ author: null, video: null, desc: null }));
    expect(result.readings).toEqual([]);
    expect(result.problems).toEqual([{ field: 'author', selector: AUTHOR }]);
  });

  it('reads an article with its author and id but no caption or counts yet, with no text and no counts', () => {
    const result = scan(article({ desc: null, counts: '' }));
    expect(result.problems).toEqual([]);
    expect(result.readings).toHaveLength(1);
    expect(result.readings[0]).toMatchObject({ postId: ID, author: 'maker', counts: {} });
    expect(result.readings[0]).not.toHaveProperty('text');
  });
});

describe('TikTok feed articles without an id', () => {
  const sound = (href: string) => `<a data-e2e="video-music" href="${href}">original sound - maker</a>`;
  const keyless = (parts: ArticleParts) => scan(article({ video: null, ...parts })).readings[0]!;

  it('keys it by author, caption and sound as a tiktok post linking to the author', () => {
    const reading = keyless({ desc: 'Take 27' });
    expect(reading).toMatchObject({ platform: 'tiktok', author: 'maker', url: 'https://www.tiktok.com/@maker' });
    // Always eight hex digits, leading zeros kept: the same post gets the same key everywhere.
    expect(reading.postId).toBe('fyp:maker:0b00615d');
  });

  it('sets apart two captionless posts by their own original sounds, which read alike', () => {
    const a = keyless({ desc: null, music: sound('/music/original-sound-7441000000000000001') });
    const b = keyless({ desc: null, music: sound('/music/original-sound-7441000000000000002') });
    expect(a.postId).not.toBe(b.postId);
    expect(a).not.toHaveProperty('text');
  });

  it('keys by the sound’s name when it has no link', () => {
    const text = (name: string) => keyless({ desc: null, music: `<div data-e2e="video-music">${name}</div>` }).postId;
    expect(text('Song A')).not.toBe(text('Song B'));
    expect(text('Song A')).toBe(text('Song A'));
  });
});

describe('TikTok counts', () => {
  it('reports an unreadable save count with both hooks it tried', () => {
    const result = scan(article({ counts: '<strong data-e2e="favorite-count">1.2.3K</strong>' }));
    expect(result.readings[0]?.counts).toStrictEqual({});
    expect(result.problems).toEqual([
      {
        field: 'bookmarks',
        selector: '[data-e2e="favorite-count"] | [data-e2e="undefined-count"]',
        raw: '1.2.3K',
      },
    ]);
  });

  it('reads a count element outside any button', () => {
    expect(scan(article({ counts: '<strong data-e2e="share-count">3.4K</strong>' })).readings[0]?.counts).toEqual({
      reposts: { precision: 'rounded', value: 3400, min: 3350, max: 3450, raw: '3.4K' },
    });
  });
});

describe('TikTok profile grid and the older video page', () => {
  const gridItem = (desc?: string) =>
    `<div data-e2e="user-post-item"><a href="https://www.tiktok.com/@maker/video/${ID}"><strong data-e2e="video-views">1.2K</strong></a>` +
    (desc === undefined ? '' : `<div data-e2e="user-post-item-desc">${desc}</div>`) +
    `</div>`;

  it('reads a grid item’s caption where it has one, and no text where it has none', () => {
    const profile = new URL('https://www.tiktok.com/@maker');
    expect(scan(gridItem('Morning light'), profile).readings[0]).toMatchObject({
      postId: ID,
      author: 'maker',
      text: 'Morning light',
      counts: { views: { value: 1200 } },
    });
    expect(scan(gridItem(), profile).readings[0]).not.toHaveProperty('text');
  });

  const detail = (desc = '') =>
    `<div id="main-content-video_detail"><strong data-e2e="browse-like-count">5</strong>${desc}</div>`;

  it('reads the older video page by its address, without text when it shows no caption', () => {
    const url = new URL(`https://www.tiktok.com/@maker/video/${ID}?lang=en`);
    const [reading] = scan(detail(), url).readings;
    expect(reading).toMatchObject({ postId: ID, author: 'maker', counts: { likes: { value: 5 } } });
    expect(reading).not.toHaveProperty('text');
    expect(scan(detail('<h1 data-e2e="browse-video-desc">Sky</h1>'), url).readings[0]?.text).toBe('Sky');
  });

  it('reports the older video page at an address without a video id, and reads no post', () => {
    const result = scan(detail(), new URL('https://www.tiktok.com/@maker'));
    expect(result).toMatchObject({ readings: [], candidates: 1 });
    expect(result.problems).toEqual([{ field: 'id', selector: 'location' }]);
  });
});
