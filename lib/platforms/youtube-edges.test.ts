/** @vitest-environment happy-dom */
/**
 * YouTube's watch page, one case per rule of the adapter, on small hand-written markup: which block
 * is the page's post and under which id, where likes, views and comments are read from and in which
 * order, the microformat's upload time, and what is reported (never a 0) when a count is missing.
 * Cards and Shorts: youtube-edges-cards.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { page } from './fixtures/markup';
import { youtube } from './youtube';

const ID = 'Wa1cH2pG3eX';
const OTHER = 'Ot4hE5rV6iD';
/** Every like button layout the reader knows, as a problem names them. */
const LIKE_CONTROLS =
  'like-button-view-model | #segmented-like-button | #top-level-buttons-computed > ytd-toggle-button-renderer:first-of-type';
const WATCH = new URL(`https://www.youtube.com/watch?v=${ID}`);

const a = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${value}"`);
/** The 2024+ like button: its accessible label and the number it shows. */
const likeVm = (label?: string, text = '') =>
  `<like-button-view-model><button${a('aria-label', label)}><div aria-hidden="true"><yt-icon></yt-icon></div><div>${text}</div></button></like-button-view-model>`;
/** ytd-watch-info-text: the exact label, the compact text and the hover tooltip. */
const info = ({ exact, compact, tooltip }: { exact?: string; compact?: string; tooltip?: string }) =>
  `<ytd-watch-info-text>${exact === undefined ? '' : `<div id="view-count" aria-label="${exact}"></div>`}` +
  `<div id="info"><span>${compact ?? ''}</span><span> </span><span>3 days ago</span></div>` +
  `${tooltip === undefined ? '' : `<tp-yt-paper-tooltip>${tooltip}</tp-yt-paper-tooltip>`}</ytd-watch-info-text>`;
const commentsHeader = (count: string) =>
  `<ytd-comments id="comments"><ytd-comments-header-renderer><h2 id="count"><span>${count}</span><span> Comments</span></h2></ytd-comments-header-renderer></ytd-comments>`;

interface WatchParts {
  pageId?: string;
  metaId?: string;
  title?: string;
  owner?: string;
  after?: string;
}
/** A watch page: the page element, its metadata block (holding `inner`), and what follows it. */
const watch = (
  inner: string,
  { pageId = ID, metaId = pageId, title = 'Proofing in the fridge', owner, after = '' }: WatchParts = {},
) =>
  `<ytd-app><ytd-page-manager><ytd-watch-flexy${a('video-id', pageId)}><div id="primary">` +
  `<ytd-watch-metadata${a('video-id', metaId)}>${title ? `<div id="title"><h1> ${title} </h1></div>` : ''}` +
  `${owner === undefined ? '' : `<div id="owner"><ytd-video-owner-renderer><a href="${owner}">Owner</a></ytd-video-owner-renderer></div>`}` +
  `${inner}</ytd-watch-metadata>${after}</div></ytd-watch-flexy></ytd-page-manager></ytd-app>`;

const scan = (html: string, url = WATCH, lang = 'en') => youtube.scan(page(lang, html), { url, locale: lang });
const only = (html: string, url = WATCH) => {
  const result = scan(html, url);
  expect(result.readings).toHaveLength(1);
  return { ...result, video: result.readings[0]! };
};

describe('YouTube watch page: which block, which id', () => {
  it('reads the metadata block as the video, with its permalink, title and channel', () => {
    const { video, problems } = only(
      watch(likeVm('like this video along with 1,234 other people', '1.2K') + info({ exact: '5,678 views' }), {
        owner: '/@bakehouse',
      }),
    );
    expect(video).toEqual({
      platform: 'youtube',
      postId: ID,
      url: `https://www.youtube.com/watch?v=${ID}`,
      author: 'bakehouse',
      text: 'Proofing in the fridge',
      counts: {
        likes: { precision: 'exact', value: 1234, raw: '1,234' },
        views: { precision: 'exact', value: 5678, raw: '5,678' },
      },
    });
    expect(problems).toEqual([]);
  });

  it('takes the id from the page element, then from the address, when the block names none', () => {
    const body = likeVm('like this video along with 3 other people') + info({ exact: '9 views' });
    expect(only(watch(body, { pageId: OTHER, metaId: '' })).video.postId).toBe(OTHER);
    expect(only(watch(body, { pageId: '', metaId: '' })).video.postId).toBe(ID);
    // A block naming a malformed id is passed over for the address's.
    expect(only(watch(body, { pageId: '', metaId: 'short' })).video.postId).toBe(ID);
  });

  it('reports a watch page whose video it cannot name, and stores nothing', () => {
    const body = likeVm('like this video along with 3 other people') + info({ exact: '9 views' });
    const result = scan(watch(body, { pageId: '', metaId: '' }), new URL('https://www.youtube.com/watch?v=bad'));
    expect(result).toMatchObject({ readings: [], candidates: 1, problems: [{ field: 'id', selector: 'video-id' }] });
  });

  it('waits while the block still describes the previous video (in-app navigation), without a problem', () => {
    const body = likeVm('like this video along with 3 other people') + info({ exact: '9 views' });
    expect(scan(watch(body, { pageId: ID, metaId: OTHER }))).toMatchObject({
      readings: [],
      candidates: 0,
      problems: [],
    });
  });

  it('skips a block still being built, and reports one with a title but nothing it knows', () => {
    expect(scan(watch('', { title: '' }))).toMatchObject({ readings: [], candidates: 0, problems: [] });
    expect(scan(watch('<div id="new-bar">1.2K</div>'))).toMatchObject({
      readings: [],
      candidates: 1,
      problems: [{ field: 'likes', selector: LIKE_CONTROLS }],
    });
  });

  it('reads a page with only views, or only likes, and says which part it missed', () => {
    const viewsOnly = only(watch(info({ exact: '9 views' })));
    expect(viewsOnly.video.counts).toEqual({ views: { precision: 'exact', value: 9, raw: '9' } });
    expect(viewsOnly.problems).toEqual([{ field: 'likes', selector: LIKE_CONTROLS }]);
    const likesOnly = only(watch(likeVm('like this video along with 3 other people')));
    expect(likesOnly.video.counts).toEqual({ likes: { precision: 'exact', value: 3, raw: '3' } });
    expect(likesOnly.problems).toEqual([
      { field: 'views', selector: 'ytd-watch-info-text | ytd-video-view-count-renderer' },
    ]);
  });

  it('leaves out a hidden 2023 block and reads the 2022 one beside it', () => {
    const html =
      `<ytd-watch-flexy video-id="${ID}"><ytd-watch-metadata hidden><div id="title"><h1>Old layout</h1></div></ytd-watch-metadata>` +
      `<ytd-video-primary-info-renderer><h1>Old layout</h1><div id="top-level-buttons-computed">` +
      `<ytd-toggle-button-renderer><button aria-label="like this video along with 77 other people"><span id="text">77</span></button></ytd-toggle-button-renderer>` +
      `<ytd-toggle-button-renderer><button aria-label="dislike this video along with 5 other people"><span id="text">5</span></button></ytd-toggle-button-renderer>` +
      `</div><ytd-video-view-count-renderer><span class="view-count">4,321 views</span><span class="short-view-count">4.3K views</span></ytd-video-view-count-renderer>` +
      `</ytd-video-primary-info-renderer></ytd-watch-flexy>`;
    const { video, candidates, problems } = { ...only(html) };
    expect(video).toMatchObject({
      postId: ID,
      text: 'Old layout',
      counts: { likes: { precision: 'exact', value: 77 }, views: { precision: 'exact', value: 4321 } },
    });
    expect([candidates, problems]).toEqual([1, []]);
  });

  it('reads nothing in a page YouTube keeps hidden from earlier in the session', () => {
    const body = likeVm('like this video along with 3 other people') + info({ exact: '9 views' });
    const hidden = watch(body).replace('<ytd-watch-flexy', '<ytd-watch-flexy hidden');
    expect(scan(hidden)).toMatchObject({ readings: [], candidates: 0 });
    const behind = `<ytd-app><ytd-page-manager><div hidden>${watch(body)}</div></ytd-page-manager></ytd-app>`;
    expect(scan(behind)).toMatchObject({ readings: [], candidates: 0 });
  });
});

describe('YouTube watch page: likes', () => {
  const likes = (control: string) => only(watch(control + info({ exact: '9 views' })));

  it('prefers the label’s exact number to the compact one shown', () => {
    expect(likes(likeVm('like this video along with 13,802 other people', '13K')).video.counts.likes).toEqual({
      precision: 'exact',
      value: 13802,
      raw: '13,802',
    });
  });

  it('reads the compact number shown when the label has none, truncated as YouTube prints it', () => {
    expect(likes(likeVm('I like this', '1.9K')).video.counts.likes).toEqual({
      precision: 'rounded',
      value: 1900,
      min: 1900,
      max: 2000,
      raw: '1.9K',
    });
  });

  it('reads a button without any number as hidden (never 0), with what it shows or says', () => {
    expect(likes(likeVm('I like this', 'Like')).video.counts.likes).toEqual({ precision: 'hidden', raw: 'Like' });
    expect(likes(likeVm('I like this')).video.counts.likes).toEqual({ precision: 'hidden', raw: 'I like this' });
  });

  it('reports a button without a label yet as not ready, not as hidden', () => {
    const { video, problems } = likes(likeVm(undefined, 'Like'));
    expect(video.counts.likes).toBeUndefined();
    expect(problems).toEqual([{ field: 'likes', selector: 'button[aria-label]' }]);
  });

  it('reports a number it cannot read, with the text, and stores none', () => {
    const label = likes(likeVm('like this video along with 1,2,3 other people'));
    expect(label.video.counts.likes).toBeUndefined();
    expect(label.problems).toEqual([
      { field: 'likes', selector: 'button[aria-label]', raw: 'like this video along with 1,2,3 other people' },
    ]);
    const shown = likes(likeVm('I like this', '1,2,3'));
    expect(shown.problems).toEqual([{ field: 'likes', selector: '#text | button', raw: '1,2,3' }]);
  });

  it('reads the 2023 segmented button and its #text', () => {
    const segmented = `<div id="segmented-like-button"><button aria-label="I like this"><span id="text">2.5K</span></button></div>`;
    expect(likes(segmented).video.counts.likes).toMatchObject({ precision: 'rounded', min: 2500, max: 2600 });
  });
});

describe('YouTube watch page: views', () => {
  const views = (parts: Parameters<typeof info>[0]) => only(watch(likeVm('I like this') + info(parts)));

  it('takes the exact label first, over the tooltip and the compact text', () => {
    expect(
      views({ exact: '1,362,905 views', compact: '1.3M views', tooltip: '1,000,000 views' }).video.counts.views,
    ).toEqual({
      precision: 'exact',
      value: 1362905,
      raw: '1,362,905',
    });
  });

  it('reads the tooltip’s first number, not the date after it, when there is no label', () => {
    expect(views({ compact: '1.6M views', tooltip: '1,608,156 views • Aug 15, 2021' }).video.counts.views).toEqual({
      precision: 'exact',
      value: 1608156,
      raw: '1,608,156',
    });
  });

  it('falls back to the compact text, as a range', () => {
    expect(views({ compact: '1.3M views', tooltip: 'Premiered yesterday' }).video.counts.views).toMatchObject({
      precision: 'rounded',
      min: 1_300_000,
      max: 1_400_000,
    });
  });

  it('reports views it cannot find as missing, never 0', () => {
    const { video, problems } = views({ compact: 'No views' });
    expect(video.counts.views).toBeUndefined();
    expect(problems).toEqual([
      { field: 'views', selector: '#info > span:first-child | .short-view-count', raw: 'No views' },
    ]);
  });

  it('reports an unreadable number with the selector it came from', () => {
    expect(views({ exact: '1,2,3 views' }).problems).toEqual([
      { field: 'views', selector: '#view-count[aria-label] | .view-count', raw: '1,2,3 views' },
    ]);
    expect(views({ tooltip: '1,2,3 views' }).problems).toEqual([
      { field: 'views', selector: 'tp-yt-paper-tooltip', raw: '1,2,3 views' },
    ]);
    expect(views({ compact: '1,2,3 views' }).problems).toEqual([
      { field: 'views', selector: '#info > span:first-child | .short-view-count', raw: '1,2,3 views' },
    ]);
  });
});

describe('YouTube watch page: comments', () => {
  const body = likeVm('like this video along with 3 other people') + info({ exact: '9 views' });

  it('reads the comment count beside the page, exactly', () => {
    const result = scan(watch(body, { after: commentsHeader('1,240') }));
    // The block and the comments header both stand for the page: the same reading twice.
    expect(result.readings).toHaveLength(2);
    for (const video of result.readings)
      expect(video.counts.replies).toEqual({ precision: 'exact', value: 1240, raw: '1,240' });
    expect(result.readings[0]).toEqual(result.readings[1]);
  });

  it('reads the older #comments #count too, and stores no count where comments are off', () => {
    const older = watch(body, { after: '<div id="comments"><div id="count">12 Comments</div></div>' });
    expect(only(older).video.counts.replies).toMatchObject({ value: 12 });
    const off = watch(body, { after: '<div id="comments"><div id="count">Comments are turned off.</div></div>' });
    expect(only(off)).toMatchObject({ video: { counts: { likes: { value: 3 } } }, problems: [] });
    expect(only(off).video.counts.replies).toBeUndefined();
  });

  it('reports an unreadable comment count and keeps the rest', () => {
    const { video, problems } = only(
      watch(body, { after: '<div id="comments"><div id="count">1,2,3 Comments</div></div>' }),
    );
    expect(video.counts).toEqual({
      likes: { precision: 'exact', value: 3, raw: '3' },
      views: { precision: 'exact', value: 9, raw: '9' },
    });
    expect(problems).toEqual([
      { field: 'replies', selector: 'ytd-comments-header-renderer #count | #comments #count', raw: '1,2,3 Comments' },
    ]);
  });

  it('lets a comments header stand for its page only once it shows a count, and only on a watch page', () => {
    const waiting = scan(watch(body, { after: commentsHeader('') }));
    expect([waiting.readings.length, waiting.candidates]).toEqual([1, 1]);
    const stray = scan(commentsHeader('15'));
    expect(stray).toMatchObject({ readings: [], candidates: 0, problems: [] });
    // Through the header, the block found is the page's visible one.
    const doc = page('en', watch(body, { after: commentsHeader('15') }));
    const header = doc.querySelector('ytd-comments-header-renderer')!;
    expect(youtube.scan(header, { url: WATCH }).readings).toMatchObject([
      { postId: ID, counts: { likes: { value: 3 }, replies: { value: 15 } } },
    ]);
    doc.querySelector('ytd-watch-metadata')!.setAttribute('hidden', '');
    expect(youtube.scan(header, { url: WATCH })).toMatchObject({ readings: [], candidates: 0 });
  });
});

describe('YouTube watch page: channel and upload time', () => {
  const body = likeVm('like this video along with 3 other people') + info({ exact: '9 views' });
  const microformat = (id: string, date: string, scoped = true) =>
    `<div${scoped ? ' itemscope' : ''}><meta itemprop="videoId" content="${id}"><meta itemprop="datePublished" content="${date}"></div>`;

  it('names the channel by handle, /channel/ id, /c/ or /user/ name, decoded', () => {
    const author = (href: string) => only(watch(body, { owner: href })).video.author;
    expect(author('/@caf%C3%A9bakes')).toBe('cafébakes');
    expect(author('/channel/UCq3mZxLw9vT2pKfHs8dNcYa')).toBe('UCq3mZxLw9vT2pKfHs8dNcYa');
    expect(author('/c/OldBakery')).toBe('OldBakery');
    expect(author('/user/oldbaker')).toBe('oldbaker');
    // A malformed escape is kept as written rather than losing the name.
    expect(author('/@bad%E0%A4')).toBe('bad%E0%A4');
    expect(author('/playlist?list=PL1')).toBeUndefined();
  });

  it('takes the upload time from the microformat only when it describes this video', () => {
    expect(only(microformat(ID, '2024-11-08T09:30:00-08:00') + watch(body)).video.postedAt).toBe(
      Date.parse('2024-11-08T17:30:00Z'),
    );
    // After in-app navigation the microformat still describes the first video loaded.
    expect(only(microformat(OTHER, '2024-11-08T09:30:00-08:00') + watch(body)).video.postedAt).toBeUndefined();
    // Without an itemscope its parent is the scope; an unreadable date is no time.
    expect(only(microformat(ID, '2024-11-08', false) + watch(body)).video.postedAt).toBe(Date.parse('2024-11-08'));
    expect(only(microformat(ID, 'someday') + watch(body)).video.postedAt).toBeUndefined();
    expect(only(watch(body)).video.postedAt).toBeUndefined();
  });

  it('looks for the video id in the whole itemscope, wherever the date sits in it', () => {
    const nested = `<div itemscope><meta itemprop="videoId" content="${ID}"><span><meta itemprop="datePublished" content="2021-08-15"></span></div>`;
    expect(only(nested + watch(body)).video.postedAt).toBe(Date.parse('2021-08-15'));
  });

  it('stores no channel, time or title it cannot find (no empty fields)', () => {
    expect(only(watch(likeVm('like this video along with 3 other people'), { title: '' })).video).toStrictEqual({
      platform: 'youtube',
      postId: ID,
      url: `https://www.youtube.com/watch?v=${ID}`,
      counts: { likes: { precision: 'exact', value: 3, raw: '3' } },
    });
  });

  it('accepts the microformat’s other spellings (uploadDate, identifier)', () => {
    const other = `<div itemscope><meta itemprop="identifier" content="${ID}"><meta itemprop="uploadDate" content="2021-08-15"></div>`;
    expect(only(other + watch(body)).video.postedAt).toBe(Date.parse('2021-08-15'));
  });
});
