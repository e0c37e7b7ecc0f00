/** @vitest-environment happy-dom */
/**
 * Mastodon's edges, one case per rule of the adapter: which status links are a post's address (and
 * which are not), where the author comes from when the display-name link says less than usual,
 * counters found by icon or else by place in the bar, a thread page's meta line, and what is
 * reported when something cannot be read (never a zero or an empty value in its place).
 */
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { mastodon } from './mastodon';

const HOME = new URL('https://mastodon.social/home');
const ID = '113100000000000001';
const PERMALINK = 'a.status__relative-time[href] | a.detailed-status__datetime[href]';
const AUTHOR = '.status__info a.status__display-name | a.status__display-name | a.detailed-status__display-name';

const counter = (text: string) =>
  `<span class="icon-button__counter"><span class="animated-number"><span>${text}</span></span></span>`;
/** One action-bar button: its icon class and, if the server shows one, its counter. */
const button = (icon: string, count?: string) =>
  `<div><button type="button" class="icon-button"><svg class="icon ${icon}"></svg>${count === undefined ? '' : counter(count)}</button></div>`;
const bar = (...buttons: string[]) => `<div class="status__action-bar">${buttons.join('')}</div>`;
const displayName = (attrs: string, account = '') =>
  `<a class="status__display-name"${attrs}>Ada${account ? ` <span class="display-name__account">${account}</span>` : ''}</a>`;

interface StatusParts {
  author?: string;
  href?: string | null;
  time?: string | null;
  text?: string;
  actions?: string;
}

function status({
  author = displayName(' title="@ada" href="/@ada"'),
  href = `/@ada/${ID}`,
  time = '2024-11-19T20:15:00.000Z',
  text = '<div class="status__content"><p>Hello fediverse</p></div>',
  actions = bar(button('icon-reply', '8'), button('icon-retweet'), button('icon-star')),
}: StatusParts = {}): string {
  const timeEl = time === null ? 'now' : `<time datetime="${time}">Nov 19</time>`;
  const link = href === null ? '' : `<a class="status__relative-time" href="${href}">${timeEl}</a>`;
  return `<div class="status" data-id="1"><div class="status__info">${author}${link}</div>${text}${actions}</div>`;
}

const scan = (html: string, url = HOME, lang = 'en') => mastodon.scan(page(lang, html), { url });

describe('Mastodon: which status links are a post’s address', () => {
  it('gives the web UI’s /web and /deck forms of a link the one address, without query or fragment', () => {
    const ids = [`/web/@ada/${ID}`, `/deck/@ada/${ID}/`, `/@ada/${ID}?ref=home#replies`].map(
      (href) => scan(status({ href })).readings[0]?.postId,
    );
    expect(ids).toEqual(Array(3).fill(`https://mastodon.social/@ada/${ID}`));
  });

  it('keeps another server’s port, and another software’s address as it is', () => {
    expect(scan(status({ href: `https://social.example:8443/@ada/${ID}` })).readings[0]?.postId).toBe(
      `https://social.example:8443/@ada/${ID}`,
    );
    expect(scan(status({ href: 'https://pleroma.example/users/mia/statuses/42' })).readings[0]?.postId).toBe(
      'https://pleroma.example/users/mia/statuses/42',
    );
  });

  it('reads no post from a link that is not a status: plain http, a server root, a profile, a broken address', () => {
    for (const href of [
      `http://old.example/@ada/${ID}`,
      'https://mastodon.social/',
      'https://mastodon.social',
      '/@ada',
      '/web/@ada@fosstodon.example/',
      `https://[bad/@ada/${ID}`,
    ]) {
      const result = scan(status({ href }));
      expect(result.readings, href).toEqual([]);
      expect(result.problems, href).toEqual([{ field: 'id', selector: PERMALINK, raw: href }]);
    }
  });

  it('reports a post without a status link, with nothing found', () => {
    const result = scan(status({ href: null }));
    expect(result).toMatchObject({ readings: [], candidates: 1 });
    expect(result.problems).toEqual([{ field: 'id', selector: PERMALINK, raw: '' }]);
  });
});

describe('Mastodon: whose post', () => {
  const authorOf = (author: string, url = HOME) => scan(status({ author }), url).readings[0]?.author;

  it('takes the acct in the title, adding the page’s server to a local account and lower-casing domains', () => {
    expect(authorOf(displayName(' title="@ada" href="/@ada"'))).toBe('ada@mastodon.social');
    expect(authorOf(displayName(' title="ada@Hachyderm.IO" href="/@ada@hachyderm.io"'))).toBe('ada@hachyderm.io');
  });

  it('trusts the title over a link that is not a Mastodon profile', () => {
    // Pleroma's profiles live at /users/<name>: no account in that link, the title has it.
    expect(authorOf(displayName(' title="mia@pleroma.example" href="https://pleroma.example/users/mia"'))).toBe(
      'mia@pleroma.example',
    );
  });

  it('falls back to the profile link when there is no title (a thread page’s own post)', () => {
    expect(authorOf(displayName(' href="/@grace@sfba.example"'))).toBe('grace@sfba.example');
    // 3.x links to the origin profile: its server is the account's domain.
    expect(authorOf(displayName(' href="https://sfba.example/@grace"'))).toBe('grace@sfba.example');
    expect(authorOf(displayName(' title="" href="/web/@grace"'))).toBe('grace@mastodon.social');
  });

  it('falls back to the account text when neither title nor link names the account', () => {
    const text = '@mia@pleroma.example';
    expect(authorOf(displayName(' href="https://pleroma.example/users/mia"', text))).toBe('mia@pleroma.example');
    expect(authorOf(displayName(' href="https://[bad/@mia"', text))).toBe('mia@pleroma.example');
  });

  it('keeps the post but reports the author when nothing names one, with the title it found', () => {
    const unreadable = scan(status({ author: displayName(' title="Ada Lovelace" href="/about"') }));
    expect(unreadable.readings).toHaveLength(1);
    expect(unreadable.readings[0]).not.toHaveProperty('author');
    expect(unreadable.problems).toEqual([{ field: 'author', selector: AUTHOR, raw: 'Ada Lovelace' }]);

    const missing = scan(status({ author: '' }));
    expect(missing.readings[0]).not.toHaveProperty('author');
    expect(missing.problems).toEqual([{ field: 'author', selector: AUTHOR, raw: '' }]);
  });

  it('gives no half handle on a server without a dotted domain', () => {
    const result = scan(status({}), new URL('https://localhost/home'));
    expect(result.readings[0]).not.toHaveProperty('author');
    expect(result.problems.map((p) => p.field)).toEqual(['author']);
  });
});

describe('Mastodon: the action bar', () => {
  const countsOf = (actions: string, lang = 'en') => scan(status({ actions }), HOME, lang).readings[0]?.counts;

  it('finds each counter by its button’s icon, wherever the button sits', () => {
    const reordered = bar(button('star-icon', '5'), button('icon-retweet', '2'), button('icon-reply-all', '1'));
    expect(countsOf(reordered)).toEqual({
      replies: { precision: 'exact', value: 1, raw: '1' },
      reposts: { precision: 'exact', value: 2, raw: '2' },
      likes: { precision: 'exact', value: 5, raw: '5' },
    });
  });

  it('reads 3.x’s Font Awesome icons, and an icon that is not inside a button', () => {
    const legacy =
      `<div class="status__action-bar"><button><i class="fa fa-reply"></i>${counter('4')}</button>` +
      `<button><i class="fa fa-retweet"></i></button><a class="fa-star">${counter('7')}</a></div>`;
    expect(countsOf(legacy)).toEqual({
      replies: { precision: 'exact', value: 4, raw: '4' },
      likes: { precision: 'exact', value: 7, raw: '7' },
    });
  });

  it('falls back to the bar’s fixed order when no icon is recognised', () => {
    const unknown = bar(button('icon-x', '3'), button('icon-y', '2'), button('icon-z', '1'));
    expect(countsOf(unknown)).toEqual({
      replies: { precision: 'exact', value: 3, raw: '3' },
      reposts: { precision: 'exact', value: 2, raw: '2' },
      likes: { precision: 'exact', value: 1, raw: '1' },
    });
    // Only a reply button: the others are not there, so not read (and not 0).
    expect(countsOf(bar(button('icon-x', '3')))).toStrictEqual({
      replies: { precision: 'exact', value: 3, raw: '3' },
    });
  });

  it('reads the translation’s own units: German "M", Spanish "MM", Canadian French "G"', () => {
    expect(countsOf(bar(button('icon-reply', '3,4M')), 'de-AT')?.replies).toMatchObject({
      precision: 'rounded',
      value: 3_400_000,
    });
    expect(countsOf(bar(button('icon-reply', '1,2 MM')), 'es')?.replies).toMatchObject({ value: 1_200_000_000 });
    expect(countsOf(bar(button('icon-reply', '2 G')), 'fr-CA')?.replies).toMatchObject({ value: 2_000_000_000 });
  });

  it('reports an unreadable reply counter by its text and keeps the post', () => {
    const result = scan(status({ actions: bar(button('icon-reply', '—')) }));
    expect(result.readings[0]?.counts).toStrictEqual({});
    expect(result.problems).toEqual([{ field: 'replies', selector: '.icon-button__counter', raw: '—' }]);
  });
});

describe('Mastodon: a thread page’s own post', () => {
  const detailed = (meta: string | null) =>
    `<div class="detailed-status"><a class="detailed-status__display-name" href="/@camille"><span class="display-name__account">@camille</span></a>` +
    `<div class="status__content"><p>Bonjour</p></div>` +
    (meta === null
      ? `<a class="detailed-status__datetime" href="/@camille/${ID}"><time datetime="2024-11-20T09:30:00.000Z">x</time></a>`
      : `<div class="detailed-status__meta"><a class="detailed-status__datetime" href="/@camille/${ID}"><time datetime="2024-11-20T09:30:00.000Z">x</time></a>${meta}</div>`) +
    `</div>`;
  const number = (cls: string, text: string) =>
    `<span class="${cls}"><span class="animated-number"><span>${text}</span></span></span>`;
  const url = new URL(`https://mastodon.social/@camille/${ID}`);

  it('reads a private post’s favourites alone: no boost or quote link, no such count', () => {
    const result = scan(detailed(number('detailed-status__favorites', '56')), url);
    expect(result.problems).toEqual([]);
    expect(result.readings[0]).toMatchObject({ author: 'camille@mastodon.social', text: 'Bonjour' });
    expect(result.readings[0]?.counts).toStrictEqual({ likes: { precision: 'exact', value: 56, raw: '56' } });
  });

  it('reports a favourite count it cannot read, by its text', () => {
    const result = scan(detailed(number('detailed-status__favorites', 'beaucoup')), url);
    expect(result.readings[0]?.counts).toStrictEqual({});
    expect(result.problems).toEqual([{ field: 'likes', selector: '.detailed-status__favorites', raw: 'beaucoup' }]);
  });

  it('reports a thread page’s post whose meta line is gone, and keeps its address and author', () => {
    const result = scan(detailed(null), url);
    expect(result.readings[0]).toMatchObject({
      postId: `https://mastodon.social/@camille/${ID}`,
      author: 'camille@mastodon.social',
      counts: {},
    });
    expect(result.problems).toEqual([{ field: 'likes', selector: '.detailed-status__meta' }]);
  });
});

describe('Mastodon: what is left out when it is not there', () => {
  it('stores no time, text or author it could not find, rather than empty ones', () => {
    const result = scan(status({ author: '', time: null, text: '<div class="status__content"> </div>' }));
    const reading = result.readings[0]!;
    expect(Object.keys(reading).sort()).toEqual(['counts', 'platform', 'postId', 'url']);
    expect(reading.postId).toBe(`https://mastodon.social/@ada/${ID}`);
  });

  it('stores no time from an unreadable datetime', () => {
    const reading = scan(status({ time: 'yesterday' })).readings[0]!;
    expect(reading).not.toHaveProperty('postedAt');
    expect(reading).toMatchObject({ author: 'ada@mastodon.social', text: 'Hello fediverse' });
  });
});
