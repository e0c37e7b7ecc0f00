/** @vitest-environment happy-dom */
/**
 * Instagram's edges, one case per rule of the adapter, on small hand-written posts and reel tiles:
 * which time and link are the post's own, whose name is the author, the numbers beside the action
 * bar's icons and in the likes line, and what is reported when a field cannot be read (never a 0).
 */
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { instagram } from './instagram';

const HOME = new URL('https://www.instagram.com/');
const EXPLORE = new URL('https://www.instagram.com/explore/');
const CODE = 'C1aBcDeFgHi';
const scan = (html: string, url = HOME) => instagram.scan(page('en', html), { url });
const one = (html: string, url = HOME) => scan(html, url).readings[0]!;

const header = (...hrefs: string[]) => `<header>${hrefs.map((h) => `<a href="${h}">name</a>`).join('')}</header>`;
const timeLink = (iso: string, path = `/p/${CODE}/`) => `<a href="${path}"><time datetime="${iso}">2d</time></a>`;
const picture = `<div><a href="/p/${CODE}/"><img alt="Photo"></a></div>`;
const icon = (label: string) => `<span><div role="button"><svg aria-label="${label}"></svg></div></span>`;
const count = (text: string) => `<span role="button">${text}</span>`;
/** The 2025–26 action bar: its icons and the numbers after them, in order. */
const bar = (...children: string[]) => `<section><div>${children.join('')}</div></section>`;
const likesLine = (inner: string) => `<section><div>${inner}</div></section>`;
const post = (...parts: string[]) => `<article>${parts.join('')}</article>`;
const T = '2024-11-20T18:04:00.000Z';

describe('Instagram: which link, time and name are the post’s own', () => {
  it('reads a post with no action bar, caption or time: promoted, nothing invented', () => {
    const { readings, problems } = scan(post(header('/ana.rides/'), picture));
    expect(readings).toStrictEqual([
      {
        platform: 'instagram',
        postId: CODE,
        url: `https://www.instagram.com/p/${CODE}/`,
        counts: {},
        author: 'ana.rides',
        promoted: true,
      },
    ]);
    expect(problems).toEqual([{ field: 'likes', selector: 'a[href$="/liked_by/"]', raw: '' }]);
  });

  it('dates a post by a time outside any link, and does not call it promoted', () => {
    const reading = one(post(header('/ana.rides/'), `<span><time datetime="${T}">2d</time></span>`, picture));
    expect(reading.postedAt).toBe(Date.parse(T));
    expect(reading).not.toHaveProperty('promoted');
  });

  it('dates a post page by the post’s own time link, not the comment times before it', () => {
    const comment = timeLink('2024-11-12T09:00:00.000Z', `/p/${CODE}/c/17900000000000001/`);
    const reading = one(post(header('/marina.faz/'), `<ul><li>${comment}</li></ul>`, timeLink(T)));
    expect(reading).toMatchObject({ postId: CODE, postedAt: Date.parse(T) });
  });

  it('takes the first Instagram profile link for the author, never another site’s', () => {
    const reading = one(post(header('https://linktr.ee/trailgear', '/trailgear.co/'), timeLink(T)));
    expect(reading.author).toBe('trailgear.co');
  });

  it('reports a post without a profile link, and keeps it without an author', () => {
    const { readings, problems } = scan(post(timeLink(T), '<a href="/explore/tags/gravel/">#gravel</a>'));
    expect(readings[0]).not.toHaveProperty('author');
    expect(problems).toContainEqual({ field: 'author', selector: 'header a[href] | a[href]' });
  });

  it('reports a post without a link of its own, naming the links it looked for', () => {
    const { readings, problems } = scan(post(header('/ana.rides/')));
    expect(readings).toEqual([]);
    expect(problems).toEqual([{ field: 'id', selector: 'a[href*="/p/"] | a[href*="/reel/"] | a[href*="/tv/"]' }]);
  });

  it('takes the caption from the first text after the bar that is neither empty nor a name', () => {
    const caption =
      `<div><span dir="auto"><a href="/ana.rides/"><span dir="auto">ana.rides</span></a></span>` +
      `<span dir="auto"> </span><span dir="auto">Sunrise ride over the ridge</span></div>`;
    const reading = one(post(header('/ana.rides/'), timeLink(T), bar(icon('Like'), count('12')), caption));
    expect(reading.text).toBe('Sunrise ride over the ridge');
  });
});

describe('Instagram: the numbers beside the action bar’s icons', () => {
  it('reads likes and comments after the first two icons only; an empty place is no number', () => {
    const { readings, problems } = scan(
      post(
        header('/ana.rides/'),
        timeLink(T),
        bar(icon('Like'), '<span></span>', icon('Comment'), count('4'), icon('Share'), count('12')),
        likesLine(`Liked by <a href="/bruno.k/">bruno.k</a> and <a href="/p/${CODE}/liked_by/">others</a>`),
      ),
    );
    expect(readings[0]!.counts).toEqual({
      replies: { precision: 'exact', value: 4, raw: '4' },
      likes: { precision: 'hidden', raw: 'Liked by bruno.k and others' },
    });
    expect(problems).toEqual([]);
  });

  it('reports a number of another unit beside the heart, naming the place and the unit', () => {
    const { readings, problems } = scan(
      post(header('/ana.rides/'), timeLink(T), bar(icon('Like'), count('1.2M plays'))),
    );
    expect(readings[0]!.counts).toEqual({});
    expect(problems).toContainEqual({
      field: 'likes',
      selector: 'section:has(svg) icon 1 + * (counts "plays")',
      raw: '1.2M plays',
    });
  });
});

describe('Instagram: the likes line and the comments link', () => {
  const withLine = (inner: string) => post(header('/ana.rides/'), timeLink(T), bar(icon('Like')), likesLine(inner));

  it('reads a likes line without its link by its number, and reports one it cannot read', () => {
    expect(one(withLine('<span>1,234 likes</span>')).counts).toEqual({
      likes: { precision: 'exact', value: 1234, raw: '1,234' },
    });
    const { readings, problems } = scan(withLine('<span>1,2,3 likes</span>'));
    expect(readings[0]!.counts).toEqual({});
    expect(problems).toEqual([{ field: 'likes', selector: 'section:has(svg) + section', raw: '1,2,3 likes' }]);
  });

  it('reads “Liked by X and 1.2K others” as the rounded others plus the one named', () => {
    const line = `Liked by <a href="/bruno.k/">bruno.k</a> and <a href="/p/${CODE}/liked_by/">1.2K others</a>`;
    expect(one(withLine(line)).counts.likes).toEqual({
      precision: 'estimated',
      value: 1201,
      min: 1151,
      max: 1251,
      raw: 'Liked by bruno.k and 1.2K others',
    });
  });

  it('reports a comments link it cannot read, and stores no comment count', () => {
    const link = `<a href="/p/${CODE}/comments/">View all 1,2,3 comments</a>`;
    const { readings, problems } = scan(post(header('/ana.rides/'), timeLink(T), bar(icon('Like'), count('5')), link));
    expect(readings[0]!.counts).toEqual({ likes: { precision: 'exact', value: 5, raw: '5' } });
    expect(problems).toEqual([{ field: 'replies', selector: 'a[href$="/comments/"]', raw: 'View all 1,2,3 comments' }]);
  });
});

describe('Instagram: reel tiles', () => {
  const tile = (href: string, plays: string) =>
    `<a href="${href}"><div><div><svg aria-label="View Count Icon"></svg></div><span>${plays}</span></div></a>`;

  it('reads a tile away from its profile with the author its link names', () => {
    const { readings, problems } = scan(tile(`/ana.rides/reel/${CODE}/`, '12.3K'), EXPLORE);
    expect(readings).toStrictEqual([
      {
        platform: 'instagram',
        postId: CODE,
        url: `https://www.instagram.com/p/${CODE}/`,
        counts: { views: { precision: 'rounded', value: 12300, min: 12250, max: 12350, raw: '12.3K' } },
        author: 'ana.rides',
      },
    ]);
    expect(problems).toEqual([]);
    expect(one(tile(`/reel/${CODE}/`, '987'), EXPLORE)).not.toHaveProperty('author');
  });

  it('takes no number from the next tile when its own has not loaded', () => {
    const grid = `<div>${tile(`/reel/${CODE}/`, '')}${tile('/reel/C8hIjKlMnOp/', '987')}</div>`;
    const [first, second] = scan(grid, EXPLORE).readings;
    expect(first!.counts).toEqual({});
    expect(second!.counts.views).toMatchObject({ value: 987 });
  });

  it('reports a tile it cannot read: a play count, or a code', () => {
    const { readings, problems } = scan(tile(`/reel/${CODE}/`, '1,2,3'), EXPLORE);
    expect(readings[0]!.counts).toEqual({});
    expect(problems).toEqual([{ field: 'views', selector: 'svg[aria-label="View Count Icon"]', raw: '1,2,3' }]);
    const bad = scan(tile('/reel/abc/', '987'), EXPLORE);
    expect(bad.readings).toEqual([]);
    expect(bad.problems).toEqual([
      { field: 'id', selector: 'a[href*="/reel/"]:has(svg[aria-label="View Count Icon"])' },
    ]);
  });
});
