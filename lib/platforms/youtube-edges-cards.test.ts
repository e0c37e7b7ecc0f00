/** @vitest-environment happy-dom */
/**
 * YouTube's list cards, one case per rule, on small hand-written markup: which card is a video and
 * under which id, and which number on it is views (never watchers, waiters or a number in the
 * title). The watch page: youtube-edges.test.ts; the Shorts player: youtube-edges-shorts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { youtube } from './youtube';

const ID = 'Ca1rD2vI3dE';
const NEXT = 'Ne4xT5sH6oR';
/** Where a card's views are read, as a problem names it. */
const CARD_VIEWS_ROW =
  '#metadata-line > span:first-of-type | yt-content-metadata-view-model > div:last-of-type > span:first-of-type';
const HOME = new URL('https://www.youtube.com/');

const a = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${value}"`);
interface CardParts {
  tag?: string;
  href?: string;
  title?: string;
  label?: string;
  views?: string;
  owner?: string;
  extra?: string;
}
/** A 2019–24 card: thumbnail and title links, the title's label, channel, and the metadata row. */
const card = ({
  tag = 'ytd-video-renderer',
  href = `/watch?v=${ID}`,
  title = 'Crumb shots',
  label,
  views = '1.2K views',
  owner = '/@bakehouse',
  extra = '',
}: CardParts = {}) =>
  `<${tag}><a id="thumbnail" href="${href}"></a><h3><a id="video-title" href="${href}" title="${title}"${a('aria-label', label)}>${title}</a></h3>` +
  `<a href="${owner}">Bakehouse</a>${extra}<div id="metadata-line"><span>${views}</span><span>2 days ago</span></div></${tag}>`;
/** A 2024+ lockup: its rows of metadata, the last one starting with the views. */
const lockup = (rows: string[], href = `/watch?v=${ID}`) =>
  `<yt-lockup-view-model><a href="${href}"></a><h3>Lockup title</h3><yt-content-metadata-view-model>` +
  rows.map((row) => `<div>${row}</div>`).join('') +
  `</yt-content-metadata-view-model></yt-lockup-view-model>`;

const scan = (html: string, url = HOME, lang = 'en') => youtube.scan(page(lang, html), { url, locale: lang });
const views = (html: string, url = HOME, lang = 'en') => scan(html, url, lang).readings[0]?.counts.views;

describe('YouTube cards: which card, which video', () => {
  it('reads a card as its video, with permalink, channel, title and compact views as a truncated range', () => {
    const result = scan(card({ views: '1.9K views' }));
    expect(result.readings).toEqual([
      {
        platform: 'youtube',
        postId: ID,
        url: `https://www.youtube.com/watch?v=${ID}`,
        author: 'bakehouse',
        text: 'Crumb shots',
        counts: { views: { precision: 'rounded', value: 1900, min: 1900, max: 2000, raw: '1.9K' } },
      },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('gives a Short’s card its /shorts/ permalink, and reads a channel without a handle', () => {
    const [short] = scan(card({ href: `/shorts/${ID}`, owner: '/channel/UCq3mZxLw9vT2pKfHs8dNcYa' })).readings;
    expect(short).toMatchObject({
      postId: ID,
      url: `https://www.youtube.com/shorts/${ID}`,
      author: 'UCq3mZxLw9vT2pKfHs8dNcYa',
    });
  });

  it('reads a rich item wrapping a lockup once, as the lockup', () => {
    const result = scan(`<ytd-rich-item-renderer>${lockup(['<span>5K views</span>'])}</ytd-rich-item-renderer>`);
    expect([result.candidates, result.readings.map((r) => r.postId)]).toEqual([1, [ID]]);
    expect(result.readings[0]!.text).toBe('Lockup title');
  });

  it('skips placeholders without links, Mixes and ads that link to no video; flags a promoted video', () => {
    expect(scan('<ytd-rich-item-renderer><div id="content"></div></ytd-rich-item-renderer>').candidates).toBe(0);
    expect(scan(card({ href: `/watch?v=${ID}&list=RD${ID}` })).candidates).toBe(0);
    const adOnly =
      '<ytd-rich-item-renderer><ytd-ad-slot-renderer><a href="https://shop.example/">Shop</a></ytd-ad-slot-renderer></ytd-rich-item-renderer>';
    expect(scan(adOnly)).toMatchObject({ readings: [], candidates: 0, problems: [] });
    const promoted = scan(card({ extra: '<ytd-ad-slot-renderer></ytd-ad-slot-renderer>' })).readings;
    expect(promoted).toMatchObject([{ postId: ID, promoted: true }]);
    expect(scan(card()).readings[0]!.promoted).toBeUndefined();
  });

  it('reports a card whose links name no video', () => {
    const result = scan(card({ href: '/new-kind-of-link/123' }));
    expect(result).toMatchObject({ readings: [], candidates: 1 });
    expect(result.problems).toEqual([{ field: 'id', selector: 'a[href*="/watch?v="] | a[href*="/shorts/"]' }]);
  });

  it('reads a watch page’s related list on a watch or live page only', () => {
    const related = `<div id="related">${card()}</div>`;
    expect(scan(related, new URL('https://www.youtube.com/results?search_query=bread')).candidates).toBe(0);
    expect(scan(related, new URL(`https://www.youtube.com/watch?v=${NEXT}`)).readings).toHaveLength(1);
    expect(scan(related, new URL(`https://www.youtube.com/live/${NEXT}`)).readings).toHaveLength(1);
  });
});

describe('YouTube cards: which number is views', () => {
  it('reads the page language’s unit words, German "Tsd." included', () => {
    expect(views(card({ views: '1,2 Tsd. Aufrufe' }), HOME, 'de')).toMatchObject({
      precision: 'rounded',
      min: 1200,
      max: 1300,
    });
  });

  it('leaves "No views" and rows without a number absent, and says nothing', () => {
    const result = scan(card({ views: 'No views' }));
    expect([result.readings[0]!.counts, result.problems]).toEqual([{}, []]);
  });

  it('does not take a metadata item holding a link (the channel row) for views', () => {
    const result = scan(lockup(['<span><a href="/@bakehouse">Bakehouse 2</a></span>']));
    expect(result.readings[0]!.counts).toEqual({});
    expect(
      scan(lockup(['<span><a href="/@bakehouse">Bakehouse</a></span>', '<span>48K views</span>'])).readings[0],
    ).toMatchObject({
      author: 'bakehouse',
      counts: { views: { min: 48000, max: 49000 } },
    });
  });

  it('reports a number it cannot read, and stores none', () => {
    const result = scan(card({ views: '1,2,3 views' }));
    expect(result.readings[0]!.counts).toEqual({});
    expect(result.problems).toEqual([{ field: 'views', selector: CARD_VIEWS_ROW, raw: '1,2,3 views' }]);
  });

  it('makes compact views exact with the title label’s number that agrees, after the title itself', () => {
    const label = 'Crumb shots by Bakehouse 2 days ago 5 minutes 1,234 views';
    expect(views(card({ label }))).toEqual({ precision: 'exact', value: 1234, raw: '1,234' });
    // A title that itself counts views: only the label after it holds the card's own number.
    const title = '5,123 views later';
    expect(
      views(card({ title, label: `${title} by Bakehouse 1 day ago 5,000 views`, views: '5K views' })),
    ).toMatchObject({
      precision: 'exact',
      value: 5000,
    });
    // Two numbers with that word that both fit: neither is chosen, the compact one stays.
    const two = card({
      title: 'Bread',
      label: 'Bread 5,123 views later by Bakehouse 1 day ago 5,000 views',
      views: '5K views',
    });
    expect(views(two)).toMatchObject({ precision: 'rounded', min: 5000, max: 6000 });
  });

  it('keeps the compact number when the label’s number with the same word does not fit it', () => {
    expect(views(card({ label: 'Crumb shots by Bakehouse 9,999 views', views: '1.2K views' }))).toMatchObject({
      precision: 'rounded',
      min: 1200,
      max: 1300,
    });
    expect(views(card({ label: 'Crumb shots by Bakehouse 1,100 views', views: '1.2K views' }))).toMatchObject({
      precision: 'rounded',
      min: 1200,
    });
    // "1.2K" is 1,200 up to but not including 1,300: a label's 1,300 is another count.
    expect(views(card({ label: 'Crumb shots by Bakehouse 1,300 views', views: '1.2K views' }))).toMatchObject({
      precision: 'rounded',
      min: 1200,
    });
    expect(views(card({ label: 'Crumb shots by Bakehouse 1,299 views', views: '1.2K views' }))).toEqual({
      precision: 'exact',
      value: 1299,
      raw: '1,299',
    });
    // Beside an exact number shown, the label's number with the same word is taken as it is.
    expect(views(card({ label: 'Crumb shots by Bakehouse 1,240 views', views: '1,234 views' }))).toEqual({
      precision: 'exact',
      value: 1240,
      raw: '1,240',
    });
  });

  it('keeps an exact number shown over a compact one in the label, and reads a number printed alone', () => {
    expect(views(card({ label: 'Crumb shots by Bakehouse 1.2K views', views: '1,234 views' }))).toEqual({
      precision: 'exact',
      value: 1234,
      raw: '1,234',
    });
    // A number shown without a word after it is taken as the label's views.
    expect(views(card({ views: '1,234' }))).toEqual({ precision: 'exact', value: 1234, raw: '1,234' });
    expect(views(card({ label: 'Crumb shots by Bakehouse 1,240 views', views: '1,234' }))).toMatchObject({
      value: 1240,
    });
    // "1,200 views" is shown as "1.2K views": the label's number is the lower end of that range.
    expect(views(card({ label: 'Crumb shots by Bakehouse 1,200 views', views: '1.2K views' }))).toEqual({
      precision: 'exact',
      value: 1200,
      raw: '1,200',
    });
  });

  it('reads the whole label when it does not start with the title, and the title text when there is no title attribute', () => {
    const title = 'A rather long title about bread';
    expect(views(card({ title, label: 'Bread video by X 1,234 views', views: '1.2K views' }))).toMatchObject({
      precision: 'exact',
      value: 1234,
    });
    const untitled = `<ytd-video-renderer><a id="video-title" href="/watch?v=${ID}" aria-label="5,123 views later by Bakehouse 1 day ago 5,000 views">5,123 views later</a>
      <div id="metadata-line"><span>5K views</span></div></ytd-video-renderer>`;
    expect(scan(untitled).readings).toStrictEqual([
      {
        platform: 'youtube',
        postId: ID,
        url: `https://www.youtube.com/watch?v=${ID}`,
        text: '5,123 views later',
        counts: { views: { precision: 'exact', value: 5000, raw: '5,000' } },
      },
    ]);
  });

  it('stores no channel or title it cannot find (no empty fields)', () => {
    const bare = `<ytd-grid-video-renderer><a href="/watch?v=${ID}"></a><div id="metadata-line"><span>No views</span></div></ytd-grid-video-renderer>`;
    expect(scan(bare).readings).toStrictEqual([
      { platform: 'youtube', postId: ID, url: `https://www.youtube.com/watch?v=${ID}`, counts: {} },
    ]);
  });

  it('stores no count under a word the label does not count views with, and says so', () => {
    const result = scan(card({ label: 'Crumb shots by Bakehouse 98,765 views', views: '3,210 watching' }));
    expect(result.readings[0]!.counts).toEqual({});
    expect(result.problems).toEqual([{ field: 'views', selector: CARD_VIEWS_ROW, raw: '3,210 watching' }]);
  });

  it('never stores people waiting for a scheduled stream, with or without a label', () => {
    const badge = '<div overlay-style="UPCOMING"></div>';
    const result = scan(card({ views: '39 waiting', label: 'Crumb shots by Bakehouse 39 views', extra: badge }));
    expect([result.readings[0]!.counts, result.problems]).toEqual([{}, []]);
    expect(
      views(
        lockup(['<span>12 waiting</span>']).replace(
          '<h3>',
          '<badge-shape class="ytBadgeShapeUpcoming"></badge-shape><h3>',
        ),
      ),
    ).toBeUndefined();
  });

  it('takes a live stream’s total views from the end of its title label, never the watchers', () => {
    const badge = '<div class="badge-style-type-live-now">LIVE</div>';
    const label = 'Crumb shots by Bakehouse 1,613 watching 1,444,431 views';
    expect(views(card({ views: '1,613 watching', label, extra: badge }))).toEqual({
      precision: 'exact',
      value: 1444431,
      raw: '1,444,431',
    });
    // A label whose only count is the watchers again: no views at all.
    expect(views(card({ views: '1,613 watching', label: 'Crumb shots 1,613 watching', extra: badge }))).toBeUndefined();
    // A live card without a views row still has its label's total.
    expect(views(card({ views: 'LIVE', label, extra: badge }))).toMatchObject({ value: 1444431 });
    expect(views(card({ views: '12K watching', extra: badge }))).toBeUndefined();
  });
});
