/** @vitest-environment happy-dom */
/**
 * Facebook's edges, one case per rule of the adapter, on small hand-written units: which element is
 * the post, which link is its permalink (story over video over photo, never a thumbnail, the message
 * or a comment), the fingerprint a post without one gets, its author, text and ad flag, the Reels
 * player, and what is reported when a post cannot be keyed. Counts: facebook-edges-counts.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { facebook } from './facebook';
import { fallbackKey } from './fingerprint';
import { page } from './fixtures/markup';

const NOW = Date.parse('2026-06-10T12:00:00Z');
const HOME = 'https://www.facebook.com/';
const STORY = '/lumenjournal/posts/1234567890123456';
const STORY_URL = 'https://www.facebook.com/lumenjournal/posts/1234567890123456';

const header = (author = '/lumenjournal?__tn__=-UC', time = STORY) =>
  `<div data-ad-rendering-role="profile_name"><h2><a href="${author}"><strong>Lumen</strong></a></h2></div>` +
  `<div><a href="${time}"><span>2 h</span></a></div>`;
const message = (text: string) => `<div data-ad-rendering-role="story_message"><div dir="auto">${text}</div></div>`;
const like = (n: string) =>
  `<div role="button"><div><div data-ad-rendering-role="like_button"></div></div><div><span dir="auto">${n}</span></div></div>`;
const unit = (inner: string) => `<div aria-posinset="1">${inner}</div>`;
const comment = (inner: string) => `<div role="article" aria-label="Comment by Grace Okafor">${inner}</div>`;
const photoLink = (fbid: string) => `<a href="/photo/?fbid=${fbid}&amp;set=a.1"><img src="data:," alt=""></a>`;
const scan = (html: string, url = HOME, lang = 'en') =>
  facebook.scan(page(lang, html), { url: new URL(url), now: NOW });
const ids = (html: string) => scan(html).readings.map((r) => r.postId);

describe('Facebook: which element is the post', () => {
  it('reads a feed unit and a post page’s article, never a comment (an article with a label)', () => {
    const onPage = `<div role="article">${header()}${message('Out now')}${comment(header('/grace', '/grace/posts/2222222222'))}</div>`;
    const result = scan(onPage);
    expect(result.readings.map((r) => [r.postId, r.author])).toEqual([['1234567890123456', 'lumenjournal']]);
    expect(result.candidates).toBe(1);
    expect(scan(comment(header('/grace', '/grace/posts/2222222222')))).toMatchObject({ readings: [], candidates: 0 });
  });

  it('leaves a unit nested in another one (a shared post, a feed post’s video) to the outer one', () => {
    const shared = `<div role="article">${header('/ada', '/ada/posts/3333333333')}</div>`;
    const video = '<div data-video-id="1466554433221100"><a href="/watch/?v=1466554433221100">0:12</a></div>';
    const result = scan(unit(header() + shared + video));
    expect(result.readings.map((r) => [r.postId, r.author])).toEqual([['1234567890123456', 'lumenjournal']]);
    expect(result.candidates).toBe(1); // the nested ones are not posts that failed to read
  });

  it('reads a feed unit that also carries a video id as a feed post, by its permalink', () => {
    const html = `<div aria-posinset="1" data-video-id="1466554433221100">${header()}</div>`;
    expect(scan(html).readings).toMatchObject([{ postId: '1234567890123456', url: STORY_URL }]);
  });
  it('reads a unit handed over on its own, outside any page', () => {
    const detached = page('en', '').createElement('div');
    detached.setAttribute('aria-posinset', '1');
    detached.innerHTML = header();
    expect(facebook.read(detached, { url: new URL(HOME), locale: 'en', now: NOW })).toMatchObject([
      { postId: '1234567890123456', author: 'lumenjournal' },
    ]);
  });
});

describe('Facebook: the post’s own permalink', () => {
  const links = (...hrefs: string[]) => hrefs.map((h) => `<a href="${h}">link</a>`).join(' ');

  it('takes the story link over a video or photo link, wherever it stands', () => {
    const html = unit(header('/lumenjournal', '#') + links('/photo/?fbid=1111111111', '/watch/?v=2222222222', STORY));
    expect(scan(html).readings).toMatchObject([{ postId: '1234567890123456', url: STORY_URL }]);
  });

  it('takes a video link over a photo link, and the first of two links of one kind', () => {
    const media = (...hrefs: string[]) => ids(unit(header('/lumenjournal', '#') + links(...hrefs)));
    expect(media('/photo/?fbid=1111111111', '/watch/?v=2222222222')).toEqual(['2222222222']);
    expect(media('/watch/?v=2222222222', '/photo/?fbid=1111111111')).toEqual(['2222222222']);
    expect(media('/photo/?fbid=1111111111', '/photo/?fbid=3333333333')).toEqual(['1111111111']);
    expect(media('/watch/?v=2222222222', '/reel/4444444444')).toEqual(['2222222222']);
    expect(media(STORY, '/lumenjournal/posts/5555555555')).toEqual(['1234567890123456']);
  });

  it('skips links that are no permalink (a profile, a hashtag, a link shim) before the real one', () => {
    const html = unit(header('/lumenjournal', '/hashtag/lisboa') + links('/lumenjournal', '/share/p/1AbC/', STORY));
    expect(ids(html)).toEqual(['1234567890123456']);
    // An outside address that only looks like a permalink changes nothing, before or after the photo.
    const blog = 'https://blog.example.com/posts/2026/trip';
    for (const order of [
      [blog, '/photo/?fbid=1111111111'],
      ['/photo/?fbid=1111111111', blog],
    ])
      expect(ids(unit(header('/lumenjournal', '#') + links(...order)))).toEqual(['1111111111']);
  });

  it('never takes a thumbnail’s link, a link in the message or a comment’s permalink for the post’s', () => {
    const thumbnail = `<a href="/ada/posts/7777777777"><img src="data:," alt=""></a><a href="/ada/posts/7777777778"><svg></svg></a>`;
    const inMessage = message('Read <a href="/ada/posts/8888888888">this</a>');
    const quoted = '<blockquote><a href="/ada/posts/8888888889">that</a></blockquote>';
    const inComment = comment('<a href="/lumenjournal/posts/9999999999?comment_id=5">1 h</a>');
    const { readings } = scan(unit(header('/lumenjournal', '#') + thumbnail + inMessage + quoted + inComment));
    expect(readings).toHaveLength(1);
    expect(readings[0]!.postId).toBe(fallbackKey('lumenjournal', 'Read this'));
  });
});

describe('Facebook: a post without a permalink is keyed by its author and photo, video or text', () => {
  it('by its first photo, linked to that photo; never by a story link around a picture', () => {
    const story = '<a href="/ada/posts/7777777777"><img src="data:," alt=""></a>';
    const html = unit(
      header('/lumenjournal', '#') + story + photoLink('1577665544332211') + photoLink('1577665544332299'),
    );
    expect(scan(html).readings).toEqual([
      {
        platform: 'facebook',
        postId: fallbackKey('lumenjournal', 'photo:1577665544332211'),
        url: 'https://www.facebook.com/photo/?fbid=1577665544332211',
        author: 'lumenjournal',
        counts: {},
      },
    ]);
  });

  it('by its video, linked to the video; a photo in a comment is not the post’s', () => {
    const video = '<a href="/trailcam.tv/videos/1466554433221100/"><video src="data:,"></video></a>';
    const html = unit(header('/trailcam.tv', '#') + comment(photoLink('1111111111')) + video);
    expect(scan(html).readings).toMatchObject([
      {
        postId: fallbackKey('trailcam.tv', 'video:1466554433221100'),
        url: 'https://www.facebook.com/watch/?v=1466554433221100',
      },
    ]);
  });

  it('by the start of its text, linked to the author’s profile (by username or numeric id)', () => {
    const text = 'Ran my first half marathon this morning.';
    expect(scan(unit(header('/maya.lindqvist', '#') + message(text))).readings).toEqual([
      {
        platform: 'facebook',
        postId: fallbackKey('maya.lindqvist', text),
        url: 'https://www.facebook.com/maya.lindqvist',
        author: 'maya.lindqvist',
        text,
        counts: {},
      },
    ]);
    // A username may end or start in digits: still a username.
    for (const handle of ['diego.ramos.31', '2ndlook.cafe'])
      expect(scan(unit(header(`/${handle}`, '#') + message(text))).readings[0]!.url).toBe(
        `https://www.facebook.com/${handle}`,
      );
    const numeric = scan(unit(header('/profile.php?id=100012345678901', '#') + message(text))).readings[0];
    expect(numeric).toMatchObject({
      postId: fallbackKey('100012345678901', text),
      url: 'https://www.facebook.com/profile.php?id=100012345678901',
    });
  });

  it('names the fingerprint once the permalink is there, and names none without an author', () => {
    const hovered = scan(unit(header() + photoLink('1577665544332211'))).readings[0];
    expect(hovered).toMatchObject({ postId: '1234567890123456', url: STORY_URL });
    expect(hovered!.aliases).toEqual([fallbackKey('lumenjournal', 'photo:1577665544332211')]);
    const anonymous = scan(unit(`<a href="${STORY}">2 h</a>${photoLink('1577665544332211')}`)).readings[0];
    expect(anonymous).toEqual({ platform: 'facebook', postId: '1234567890123456', url: STORY_URL, counts: {} });
  });

  it('reports a post it cannot key (no permalink, and no author or nothing to hash), and reads no post', () => {
    const problem = {
      field: 'id',
      selector: 'a[href]:not(:has(img, svg, video)) (a post permalink), or an author with a photo or text',
    };
    for (const html of [
      unit(`<a href="#">2 h</a>${message('No author link')}${photoLink('1577665544332211')}`),
      unit(header('/lumenjournal', '#')),
      unit(header('/hashtag/lisboa', '#') + message('A hashtag is no author')),
    ]) {
      const result = scan(html);
      expect(result).toMatchObject({ readings: [], candidates: 1 });
      expect(result.problems).toEqual([problem]);
    }
  });
});

describe('Facebook: author, text and the ad flag', () => {
  it('takes the byline’s profile link, else a heading’s, never a comment’s', () => {
    const byline = `<h2><a href="/someone.else">Shared from</a></h2>${header('/lumenjournal')}`;
    expect(scan(unit(byline)).readings[0]!.author).toBe('lumenjournal');
    for (const heading of ['h2', 'h3', 'h4'])
      expect(
        scan(
          unit(
            `<${heading}><a href="/groups/g/user/100034567890123/">Grace</a></${heading}><a href="${STORY}">1 d</a>`,
          ),
        ).readings[0]!.author,
      ).toBe('100034567890123');
    const commentOnly = scan(unit(`<a href="${STORY}">1 d</a>${comment('<h3><a href="/grace">Grace</a></h3>')}`));
    expect(commentOnly.readings[0]).not.toHaveProperty('author');
  });

  it('reads the message’s words without its controls and separators, whitespace folded', () => {
    const html = unit(
      header() +
        '<div data-ad-rendering-role="story_message"><div dir="auto">The new issue\n   is out<span aria-hidden="true"> · </span>' +
        '<div role="button">See original</div> today.</div></div>',
    );
    expect(scan(html).readings[0]!.text).toBe('The new issue is out today.');
  });

  it.each([
    ['the preview hook', '<div data-ad-preview="message">Hello there</div>'],
    ['the comet preview hook', '<div data-ad-comet-preview="message">Hello there</div>'],
    [
      'a blockquote after an aria-hidden decoy',
      '<div aria-hidden="true"><blockquote>Decoy</blockquote></div><blockquote>Hello there</blockquote>',
    ],
    [
      'a clickable message (inside a button)',
      '<div role="button"><div data-ad-rendering-role="story_message">Hello there</div></div>',
    ],
    [
      'a message marked as a button itself',
      '<div data-ad-rendering-role="story_message" role="button">Hello there</div>',
    ],
  ])('finds the message in %s', (_, body) => {
    expect(scan(unit(header() + body)).readings[0]!.text).toBe('Hello there');
  });

  it('takes no comment’s quote for the text, and gives a post without words no text', () => {
    const { readings } = scan(unit(header() + comment('<blockquote>Nice!</blockquote>')));
    expect(readings[0]).not.toHaveProperty('text');
    expect(readings[0]).toMatchObject({ postId: '1234567890123456', author: 'lumenjournal' });
  });

  it('flags an ad only by its own call-to-action button, not by one in a comment', () => {
    const cta = '<div data-ad-rendering-role="cta_button"><a href="https://example.com/">Book now</a></div>';
    expect(scan(unit(header() + cta)).readings[0]!.promoted).toBe(true);
    expect(scan(unit(header() + comment(cta))).readings[0]).not.toHaveProperty('promoted');
  });
});

describe('Facebook: the Reels player', () => {
  const reel = (id: string, inner = '') => `<div data-video-id="${id}">${inner}</div>`;
  const player =
    reel(
      '1455667788990011',
      `<a href="/reel/1455667788990011">reel</a><a href="/hashtag/trail">#trail</a><a href="/lumenjournal">Lumen</a><a href="/grace.okafor">Grace</a>${like('48K')}`,
    ) + reel('1455667788990022', '<a href="/maya.lindqvist">Maya</a>');

  it('reads only the reel the address names, by /reel/ or /reels/, with or without a slash', () => {
    for (const url of [
      'https://www.facebook.com/reel/1455667788990011',
      'https://www.facebook.com/reels/1455667788990011/',
    ]) {
      const result = scan(player, url);
      expect(result).toMatchObject({ candidates: 1, problems: [] });
      expect(result.readings).toEqual([
        {
          platform: 'facebook',
          postId: '1455667788990011',
          url: 'https://www.facebook.com/watch/?v=1455667788990011',
          author: 'lumenjournal', // the first link that is a profile, not the reel's or a hashtag's
          counts: { likes: { precision: 'rounded', value: 48_000, min: 47_500, max: 48_500, raw: '48K' } },
        },
      ]);
    }
  });

  it('reads no reel on another address, and a reel without a profile link has no author', () => {
    for (const url of [
      HOME,
      'https://www.facebook.com/reel/1455667788990011/comments',
      'https://www.facebook.com/reel/1234',
      'https://www.facebook.com/watch/1455667788990011',
    ])
      expect(scan(player, url)).toMatchObject({ readings: [], candidates: 0 });
    const bare = scan(reel('1455667788990011'), 'https://www.facebook.com/reel/1455667788990011').readings;
    expect(bare).toEqual([
      {
        platform: 'facebook',
        postId: '1455667788990011',
        url: 'https://www.facebook.com/watch/?v=1455667788990011',
        counts: {},
      },
    ]);
  });
});
