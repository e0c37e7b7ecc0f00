/** @vitest-environment happy-dom */
/**
 * Threads' edges, one case per rule of the adapter: which link is the post's permalink, which text
 * run is its text, when a row of icon buttons is the action bar (and when it is not, so that no
 * number is given to the wrong metric), and what is reported when something cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { threads } from './threads';

const HOME = new URL('https://www.threads.com/');
const CODE = 'DJx7Qa2sMpT';
const TIME = '2025-05-10T14:03:00.000Z';
const BAR = '[role="button"]:has(svg[aria-label]) ×4';

const iconButton = (label: string, count?: string) =>
  `<div role="button" tabindex="0"><div><svg aria-label="${label}" role="img"></svg></div>${count === undefined ? '' : `<span><span>${count}</span></span>`}</div>`;
/** A row of buttons, each in its own child, as the action bar lays them out. */
const row = (...buttons: string[]) => `<div>${buttons.map((b) => `<div>${b}</div>`).join('')}</div>`;
const bar = (likes?: string, replies?: string, reposts?: string, share?: string) =>
  row(
    iconButton('Like', likes),
    iconButton('Reply', replies),
    iconButton('Repost', reposts),
    iconButton('Share', share),
  );
const permalink = (user = 'ada', code = CODE, time: string | null = TIME) =>
  `<a href="/@${user}/post/${code}" role="link">${time === null ? '2h' : `<time datetime="${time}">2h</time>`}</a>`;
const header = (link = permalink()) =>
  `<div><a href="/@ada" role="link"><span dir="auto"><span>ada</span></span></a>${link}${iconButton('More')}</div>`;
const text = (t: string) => `<div><span dir="auto"><span>${t}</span></span></div>`;
const post = (...parts: string[]) => `<div data-pressable-container="true">${parts.join('')}</div>`;
const quoted = (inner = '') =>
  post(
    `<div><a href="/@grace/post/DJq0AbCdEfG" role="link"><time datetime="2025-05-09T08:00:00.000Z">1d</time></a></div>`,
    inner,
  );

const scan = (html: string, lang = 'en') => threads.scan(page(lang, html), { url: HOME });

describe('Threads: which link is the post’s', () => {
  it('takes the link around the time, not an earlier /post/ link (the post it replies to)', () => {
    const replying = `<div><a href="/@grace/post/DJq0AbCdEfG">Replying to @grace</a>${permalink()}</div>`;
    const { readings } = scan(post(replying, text('Agreed.'), bar('3')));
    expect(readings).toMatchObject([{ postId: CODE, author: 'ada', url: `https://www.threads.com/@ada/post/${CODE}` }]);
  });

  it('falls back to the first /post/ link without a time, and reports the missing time', () => {
    const { readings, problems } = scan(post(header(permalink('ada', CODE, null)), text('Hi'), bar('3')));
    expect(readings).toMatchObject([{ postId: CODE, author: 'ada', text: 'Hi' }]);
    expect(readings[0]).not.toHaveProperty('postedAt');
    expect(problems).toEqual([{ field: 'time', selector: 'a[href*="/post/"] time[datetime]' }]);
  });

  it('reports an unreadable time and stores none', () => {
    const { readings, problems } = scan(post(header(permalink('ada', CODE, 'soon')), text('Hi'), bar('3')));
    expect(readings[0]).not.toHaveProperty('postedAt');
    expect(problems).toEqual([{ field: 'time', selector: 'a[href*="/post/"] time[datetime]' }]);
  });

  it('reads a permalink with a trailing slash or a query, and on threads.net, as the one post on threads.com', () => {
    const ids = [`/@ada/post/${CODE}/`, `/@ada/post/${CODE}?xmt=abc`, `https://www.threads.net/@ada/post/${CODE}`].map(
      (href) =>
        scan(post(`<div><a href="${href}"><time datetime="${TIME}">2h</time></a></div>`, bar('3'))).readings[0]?.url,
    );
    expect(ids).toEqual(Array(3).fill(`https://www.threads.com/@ada/post/${CODE}`));
  });

  it('reads no post from a container whose only link is a profile', () => {
    const result = scan(post(`<div><a href="/@ada">ada</a></div>`, text('Hi'), bar('3')));
    expect(result).toMatchObject({ readings: [], candidates: 1 });
    expect(result.problems).toEqual([{ field: 'id', selector: 'a[href*="/post/"]' }]);
  });

  it('reads a post element the page has already taken out of the document', () => {
    const doc = page('en', post(header(), text('Hi'), bar('3')));
    const element = doc.querySelector('[data-pressable-container]')!;
    element.remove();
    expect(threads.read(element, { url: HOME })).toMatchObject([{ postId: CODE, counts: { likes: { value: 3 } } }]);
  });

  it('counts a quoted post as part of the quoting one, not as a post of its own', () => {
    const result = scan(post(header(), text('Look at this'), quoted(text('Original words')), bar('3')));
    expect(result.readings.map((r) => r.postId)).toEqual([CODE]);
    expect(result.candidates).toBe(1);
  });
});

describe('Threads: which text is the post’s', () => {
  it('skips a header run before the permalink (a repost line) and empty runs after it', () => {
    const reposted = `<div><span dir="auto"><span>grace reposted</span></span></div>`;
    const empty = `<div><span dir="auto"></span></div>`;
    expect(scan(post(reposted, header(), empty, text('The real text'), bar('3'))).readings[0]?.text).toBe(
      'The real text',
    );
  });

  it('skips text inside links and buttons after the permalink', () => {
    const card = `<div><a href="https://example.com/article"><span dir="auto">example.com</span></a></div>`;
    const labelled = `<div role="button"><span dir="auto">Translate</span></div>`;
    expect(scan(post(header(), card, labelled, text('My own words'), bar('3'))).readings[0]?.text).toBe('My own words');
  });

  it('gives a post that only quotes another no text, rather than the quoted post’s', () => {
    const { readings } = scan(post(header(), quoted(text('Original words')), bar('3')));
    expect(readings).toHaveLength(1);
    expect(readings[0]).not.toHaveProperty('text');
  });
});

describe('Threads: which row is the action bar', () => {
  it('reads like, reply and repost by position, and never the share count', () => {
    const { readings, problems } = scan(post(header(), text('Hi'), bar('1.2K', '87', '34', '12')));
    expect(problems).toEqual([]);
    expect(readings[0]?.counts).toStrictEqual({
      likes: { precision: 'rounded', value: 1200, min: 1150, max: 1250, raw: '1.2K' },
      replies: { precision: 'exact', value: 87, raw: '87' },
      reposts: { precision: 'exact', value: 34, raw: '34' },
    });
  });

  it('reports a post with no icon buttons at all, by the bar it looked for', () => {
    const result = scan(post(`<div>${permalink()}</div>`, text('Hi')));
    expect(result.readings[0]?.counts).toStrictEqual({});
    expect(result.problems).toEqual([{ field: 'likes', selector: BAR }]);
  });

  it('refuses a row of five buttons rather than shift every number by one', () => {
    const five = row(
      iconButton('Like', '9'),
      iconButton('Reply', '8'),
      iconButton('Repost', '7'),
      iconButton('Quote', '6'),
      iconButton('Share', '5'),
    );
    const result = scan(post(header(), text('Hi'), five));
    expect(result.readings[0]?.counts).toStrictEqual({});
    expect(result.problems).toEqual([{ field: 'likes', selector: BAR }]);
  });

  it('refuses four buttons that have only the post in common (the header’s "More" among them)', () => {
    const loose = post(
      `<div>${permalink()}${iconButton('More')}</div>`,
      `<div>${iconButton('Like', '1')}</div><div>${iconButton('Reply', '2')}</div><div>${iconButton('Repost', '3')}</div>`,
    );
    const result = scan(loose);
    expect(result.readings[0]?.counts).toStrictEqual({});
    expect(result.problems).toEqual([{ field: 'likes', selector: BAR }]);
  });

  it('takes an icon button inside another as part of it (an animated heart in the like button)', () => {
    const heart = `<div role="button"><div role="button"><svg aria-label="Like"></svg></div><span><span>5</span></span></div>`;
    const nested = row(heart, iconButton('Reply', '2'), iconButton('Repost', '1'), iconButton('Share'));
    const { readings, problems } = scan(post(header(), text('Hi'), nested));
    expect(problems).toEqual([]);
    expect(readings[0]?.counts).toMatchObject({ likes: { value: 5 }, replies: { value: 2 }, reposts: { value: 1 } });
  });

  it('never takes a quoted post’s buttons for the quoting post’s bar', () => {
    const result = scan(post(header(), text('Look'), quoted(text('Original') + bar('900', '80', '7'))));
    expect(result.readings).toHaveLength(1);
    expect(result.readings[0]?.counts).toStrictEqual({});
    expect(result.problems).toEqual([{ field: 'likes', selector: BAR }]);
  });
});

describe('Threads: the numbers beside the icons', () => {
  const likeButton = (spans: string) =>
    row(
      `<div role="button"><svg aria-label="Like"></svg>${spans}</div>`,
      iconButton('Reply'),
      iconButton('Repost'),
      iconButton('Share'),
    );

  it('reads the number beside a label the button also shows', () => {
    const { readings, problems } = scan(post(header(), likeButton('<span>Like</span><span>42</span>')));
    expect(problems).toEqual([]);
    expect(readings[0]?.counts).toStrictEqual({ likes: { precision: 'exact', value: 42, raw: '42' } });
  });

  it('leaves a count without a number unknown (zero, or hidden by the author), and reports nothing', () => {
    const { readings, problems } = scan(post(header(), likeButton('<span>Like</span>')));
    expect(problems).toEqual([]);
    expect(readings[0]?.counts).toStrictEqual({});
  });

  it('reports a number the page failed to print ("NaN") instead of storing 0', () => {
    const { readings, problems } = scan(post(header(), likeButton('<span>NaN</span>')));
    expect(readings[0]?.counts).toStrictEqual({});
    expect(problems).toEqual([{ field: 'likes', selector: 'span:not(:has(svg))', raw: 'NaN' }]);
  });

  it('reads counts in the page’s language ("2,4 Tsd.", "1,5万")', () => {
    expect(scan(post(header(), bar('2,4 Tsd.', '1.234')), 'de').readings[0]?.counts).toMatchObject({
      likes: { precision: 'rounded', value: 2400, min: 2350, max: 2450 },
      replies: { precision: 'exact', value: 1234 },
    });
    expect(scan(post(header(), bar('1.5万')), 'ja').readings[0]?.counts.likes).toMatchObject({ value: 15000 });
  });
});
