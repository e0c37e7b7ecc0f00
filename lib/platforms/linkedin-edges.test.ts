/** @vitest-environment happy-dom */
/**
 * LinkedIn's edges, one case per rule of the adapter, on small hand-written cards of each layout
 * (classic, guest, SDUI, the 2026 card without hooks): which id a card gets (URNs, slot and comment
 * box keys), whose name is the author, the counts in the forms LinkedIn prints, and what is reported
 * when a field cannot be read (never a 0 in its place).
 */
import { describe, expect, it } from 'vitest';
import { fallbackKey } from './fingerprint';
import { page } from './fixtures/markup';
import { linkedin } from './linkedin';
import { activityIdFromSlotKey, handleFromHref, idTime, urnInToken } from './linkedin-ids';

const FEED = new URL('https://www.linkedin.com/feed/');
const ID = '7265260142592202527';
const scan = (html: string, lang = 'en') => linkedin.scan(page(lang, html), { url: FEED });
const one = (html: string, lang = 'en') => scan(html, lang).readings[0]!;

// Classic (Ember) markup.
const C = 'social-details-social-counts';
const actor = (href = '/in/ana-souza-dev?miniProfileUrn=urn%3Ali%3Afsd') =>
  `<div class="update-components-actor__container"><a class="update-components-actor__meta-link" href="${href}">Ana</a></div>`;
const classic = (inner: string, urn = `urn:li:activity:${ID}`) =>
  `<div class="feed-shared-update-v2" data-urn="${urn}">${inner}</div>`;
const item = (kind: string, inner: string) => `<li class="${C}__item${kind ? ` ${C}__${kind}` : ''}">${inner}</li>`;
const bar = (...items: string[]) => `<ul class="${C}">${items.join('')}</ul>`;

// SDUI and the 2026 card.
const sdui = (inner: string) => `<div data-view-name="feed-full-update">${inner}</div>`;
const sduiLink = `<a data-view-name="feed-actor-image" href="/in/ana/"></a><a href="/feed/update/urn:li:activity:${ID}/">3d</a>`;
const slot = (key: string, inner: string) =>
  `<div role="listitem" componentkey="${key}FeedType_MAIN_FEED_RELEVANCE">${inner}</div>`;
const box = (text: string) => `<p><span data-testid="expandable-text-box">${text}</span></p>`;
/** One group of the 2026 action bar: a control holding the visible number that names its hidden label. */
const group = (n: string, label?: string, visible = label?.split(' ')[0]) =>
  label === undefined
    ? '<div><button aria-label="Send"></button></div>'
    : `<div><a href="/feed/"><div id="lbl-${n}">${label}</div><div aria-labelledby="lbl-${n}"><span>${visible}</span></div></a></div>`;

/** The protobuf token LinkedIn writes into slot and comment box keys: field 1 (activity) or 2 (ugcPost). */
function token(field: 1 | 2, id: bigint): string {
  const varint: number[] = [];
  let v = id >= 0n ? id << 1n : (-id << 1n) - 1n; // zigzag
  do {
    varint.push(Number(v & 0x7fn) | (v > 0x7fn ? 0x80 : 0));
    v >>= 7n;
  } while (v);
  return bytes(field === 1 ? 0x0a : 0x12, varint.length + 1, 0x08, ...varint);
}
const bytes = (...b: number[]) =>
  btoa(String.fromCharCode(...b))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

describe('LinkedIn: which id a card gets', () => {
  it('keys a classic card by its data-urn and dates it by the id; a card without text has none', () => {
    const { readings, problems } = scan(classic(actor()));
    expect(readings).toStrictEqual([
      {
        platform: 'linkedin',
        postId: ID,
        url: `https://www.linkedin.com/feed/update/urn:li:activity:${ID}/`,
        author: 'ana-souza-dev',
        postedAt: Date.parse('2024-11-21T07:10:00.000Z'),
        counts: {},
      },
    ]);
    expect(problems).toEqual([]); // no count shown: nothing to report, and no zeros
  });

  it('keys a guest card by its activity when it features none, dated by that activity', () => {
    const card =
      `<article data-activity-urn="urn:li:activity:${ID}"><div data-test-id="main-feed-activity-card__entity-lockup">` +
      `<a href="https://uk.linkedin.com/company/audiense?trk=x">Audiense</a></div>` +
      `<a data-num-reactions="NaN" aria-label="24 Reaktionen"><span data-test-id="social-actions__reaction-count">24</span></a></article>`;
    expect(one(card, 'de')).toMatchObject({
      postId: ID,
      author: 'company/audiense',
      postedAt: idTime(ID),
      // An attribute that is no number falls back to what the card shows.
      counts: { likes: { precision: 'exact', value: 24 } },
    });
    expect(one(card.replace('"NaN"', '"-1"')).counts.likes).toMatchObject({ value: 24 });
  });

  it('keys an SDUI card by its /posts/ share link when it has no /feed/update/ link', () => {
    const card = sdui(`<a href="https://www.linkedin.com/posts/ana_x-activity-${ID}-a1Bc?utm_source=share">1d</a>`);
    expect(one(card).postId).toBe(ID);
  });

  it('reads the ids in slot keys whatever base64 alphabet or padding they use', () => {
    const id = 7264932986883140028n; // its token has both "-" and "_"
    expect(token(1, 7451889312482283521n)).toBe('CgsIgsDKgKL2turOAQ'); // the published pair
    expect(token(1, id)).toMatch(/-.*_/);
    expect(one(slot(`expanded${token(1, id)}`, sdui('')))).toMatchObject({ postId: String(id) });
    // A 17-digit (older) id: a token whose length leaves 3 over, unpadded and padded.
    const older = token(1, 12345678901234567n);
    expect(older.length % 4).toBe(3);
    expect(activityIdFromSlotKey(`expanded${older}FeedType_X`)).toBe('12345678901234567');
    expect(activityIdFromSlotKey(`expanded${older}=FeedType_X`)).toBe('12345678901234567');
  });

  it('accepts ids of 16 to 20 digits only, and nothing from a token shaped otherwise', () => {
    const idOf = (t: string) => urnInToken(t)?.id ?? null;
    expect(idOf(token(1, 10n ** 15n))).toBe('1000000000000000');
    expect(idOf(token(2, 9n * 10n ** 19n))).toBe('90000000000000000000');
    expect(idOf(token(1, 10n ** 15n - 1n))).toBeNull(); // 15 digits
    expect(idOf(token(1, 10n ** 20n))).toBeNull(); // 21 digits
    expect(idOf(token(1, -7264932986881358253n))).toBeNull();
    const real = Array.from(atob('CgsIgsDKgKL2turOAQ'), (c) => c.charCodeAt(0)); // 0a 0b 08 <10-byte varint>
    expect(idOf(bytes(...real))).toBe('7451889312482283521');
    expect(idOf(bytes(0x0a, 0x0b, 0x10, ...real.slice(3)))).toBeNull(); // not field 1 inside
    expect(idOf(bytes(0x0a, 0x0a, ...real.slice(2)))).toBeNull(); // the id runs past its length
    expect(idOf(bytes(0x0a, 0x0c, ...real.slice(2, -1), 0x81, 0x00))).toBeNull(); // a varint of 11 bytes
    // Not base64 at all (a length that leaves 1 over): the card is reported, not read wrongly.
    const { readings, problems } = scan(slot('expandedABCDEFGHI', sdui('')));
    expect(readings).toEqual([]);
    expect(problems).toEqual([
      {
        field: 'id',
        selector:
          '[data-view-name="feed-full-update"] (data-urn | componentkey | a[href*="/feed/update/urn:li:activity:"], a[href*="-activity-"])',
      },
    ]);
  });

  it('dates only real ids: 16 digits and more, and the keys the adapter makes', () => {
    expect(idTime('1000000000000000')).toBe(238418579);
    expect(idTime('100000000000000')).toBeUndefined();
    expect(idTime('ugcPost:7458842354569883649')).toBe(Date.parse('2026-05-09T11:36:35.919Z'));
    expect(idTime('ugcPost:7458842354569883649/')).toBeUndefined();
    expect(idTime('xugcPost:7458842354569883649')).toBeUndefined();
    expect(idTime('7458842354569883649?x')).toBeUndefined();
  });

  it('keys a 2026 card without its comment box by author and text, linked to a company page', () => {
    const text = 'We are hiring two data engineers in Lisbon.';
    const card = slot(
      'expandedzz',
      `<a href="/company/lumen-daten/">Lumen</a>${box(text)}<div>${group('r', '12 reactions')}</div>`,
    );
    const { readings, problems } = scan(card);
    expect(readings).toStrictEqual([
      {
        platform: 'linkedin',
        postId: fallbackKey('company/lumen-daten', text),
        url: 'https://www.linkedin.com/company/lumen-daten/',
        author: 'company/lumen-daten',
        text,
        counts: { likes: { precision: 'exact', value: 12, raw: '12' } },
      },
    ]);
    expect(problems).toEqual([]);
  });
});

describe('LinkedIn: whose name is the author', () => {
  it('takes the 2026 card’s last profile link before the text, not a link after it', () => {
    const card = slot(
      `expanded${token(1, BigInt(ID))}`,
      `<a href="/in/omar-haddad/">Omar</a> reposted this <a href="/in/ana-souza-dev/">Ana</a>` +
        `${box('Runbooks first.')}<a href="/in/bruno-lima/">Bruno</a> commented`,
    );
    expect(one(card)).toMatchObject({ postId: ID, author: 'ana-souza-dev' });
  });

  it('does not take a commenter for the author of a classic card without text', () => {
    const card = classic(
      `${actor('/in/ana-souza-dev/')}<div class="comments-comment-entity"><a href="/in/bruno-lima/">Bruno</a></div>`,
    );
    expect(one(card).author).toBe('ana-souza-dev');
  });

  it('reports a classic card without an actor link, and keeps the card', () => {
    const { readings, problems } = scan(classic(bar(item('comments', '<span>3 comments</span>'))));
    expect(readings[0]).not.toHaveProperty('author');
    expect(readings[0]!.counts.replies).toMatchObject({ value: 3 });
    expect(problems).toEqual([
      {
        field: 'author',
        selector: 'a.update-components-actor__meta-link | .update-components-actor__container a[href]',
      },
    ]);
    // The 2026 card has no author hook to report: its author is found by position or not at all.
    expect(scan(slot(`expanded${token(1, BigInt(ID))}`, box('Hi'))).problems).toEqual([]);
  });

  it('decodes handles, keeps a malformed one as written, and names schools', () => {
    expect(handleFromHref('/in/jos%C3%A9-silva/', FEED)).toBe('josé-silva');
    expect(handleFromHref('/in/jos%E9-silva/', FEED)).toBe('jos%E9-silva');
    expect(handleFromHref('/school/uni-lisboa/', FEED)).toBe('school/uni-lisboa');
  });
});

describe('LinkedIn: counts in the forms LinkedIn prints', () => {
  it('reads a classic reactions button by its label when it shows only icons', () => {
    const card = classic(
      actor() + bar(item('reactions', '<button aria-label="1,234 reactions"><img alt="like"></button>')),
    );
    expect(one(card).counts).toEqual({ likes: { precision: 'exact', value: 1234, raw: '1,234' } });
  });

  it('prefers a visible number to a label without one', () => {
    const card = sdui(`${sduiLink}<a data-view-name="feed-reaction-count" aria-label="Reactions"><p>312</p></a>`);
    expect(one(card).counts.likes).toEqual({ precision: 'exact', value: 312, raw: '312' });
  });

  it('reads a comment count whose word comes first as that number, not as “and others”', () => {
    const card = sdui(`${sduiLink}<a data-view-name="feed-comment-count">コメント48件</a>`);
    expect(one(card, 'ja').counts.replies).toEqual({ precision: 'exact', value: 48, raw: '48' });
  });

  it('reads the German “1,2 Tsd.” as about 1,200', () => {
    const card = sdui(`${sduiLink}<a data-view-name="feed-reaction-count"><p>1,2 Tsd.</p></a>`);
    expect(one(card, 'de').counts.likes).toMatchObject({ precision: 'rounded', value: 1200, min: 1150, max: 1250 });
  });

  it('reports a reactions line with no count in it rather than inventing one', () => {
    for (const line of ['Reacted by Studio54', 'Ana Souza and 4.5 others']) {
      const { readings, problems } = scan(sdui(`${sduiLink}<a data-view-name="feed-reaction-count">${line}</a>`));
      expect(readings[0]!.counts).toEqual({});
      expect(problems).toEqual([{ field: 'likes', selector: '[data-view-name="feed-reaction-count"]', raw: line }]);
    }
  });

  it('reports a number of another unit where the reposts are, naming what it counts', () => {
    const card = classic(actor() + bar(item('', '<button><span>1,234 views</span></button>')));
    const { readings, problems } = scan(card);
    expect(readings[0]!.counts.reposts).toBeUndefined();
    expect(problems).toEqual([
      {
        field: 'reposts',
        selector: `.${C}__item:not(.${C}__reactions, .${C}__comments) (counts "views")`,
        raw: '1,234 views',
      },
    ]);
  });

  it('reads the 2026 bar by its hidden labels: one split over two ids, none from another card', () => {
    const card = (inner: string) =>
      slot(`expanded${token(1, BigInt(ID))}`, `<a href="/in/ana/">Ana</a>${box('Hi')}${inner}`);
    const split =
      `<div><div></div><div><div role="button"><span id="n-c">48</span><span id="w-c">comments</span>` +
      `<div aria-labelledby="n-c w-c">48</div></div></div></div>`;
    expect(one(card(split)).counts).toEqual({ replies: { precision: 'exact', value: 48, raw: '48' } });
    // The visible number names a label in another card: the number itself is read.
    const doc = page(
      'en',
      `<div id="other"><span id="far">99 reactions</span></div>${card(
        `<div><div><a href="/feed/"><div aria-labelledby="far"><span>16</span></div></a></div></div>`,
      )}`,
    );
    expect(linkedin.scan(doc, { url: FEED }).readings[0]!.counts).toEqual({
      likes: { precision: 'exact', value: 16, raw: '16' },
    });
  });
});
