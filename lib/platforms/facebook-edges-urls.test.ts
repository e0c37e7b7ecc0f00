/**
 * Facebook addresses at their edges: every host and permalink form facebook-urls.ts accepts, the
 * look-alikes it rejects (ids of the wrong length, sections of the site, other hosts and schemes),
 * and the profile links an author handle is read from. The common forms: facebook-urls.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { canonicalPermalink, handleFromHref } from './facebook-urls';

const BASE = new URL('https://www.facebook.com/');
const WEB = 'https://www.facebook.com';
const PFBID = 'pfbid02Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS';
const story = (postId: string, url: string) => ({ postId, url, kind: 'story' });
const video = (postId: string) => ({ postId, url: `${WEB}/watch/?v=${postId}`, kind: 'video' });
const photo = (postId: string) => ({ postId, url: `${WEB}/photo/?fbid=${postId}`, kind: 'photo' });

describe('canonicalPermalink: forms it accepts', () => {
  it.each([
    // Every host Facebook serves the app on, in any letter case, over http too.
    ['https://facebook.com/lumen/posts/1234567890', story('1234567890', `${WEB}/lumen/posts/1234567890`)],
    ['https://mbasic.facebook.com/lumen/posts/1234567890', story('1234567890', `${WEB}/lumen/posts/1234567890`)],
    ['https://touch.facebook.com/lumen/posts/1234567890', story('1234567890', `${WEB}/lumen/posts/1234567890`)],
    ['https://business.facebook.com/lumen/posts/1234567890', story('1234567890', `${WEB}/lumen/posts/1234567890`)],
    ['http://WWW.FaceBook.com/lumen/posts/1234567890', story('1234567890', `${WEB}/lumen/posts/1234567890`)],
    // Ids of 5 and of 25 digits; a pfbid token.
    ['/lumen/posts/12345', story('12345', `${WEB}/lumen/posts/12345`)],
    [
      '/lumen/posts/1234567890123456789012345',
      story('1234567890123456789012345', `${WEB}/lumen/posts/1234567890123456789012345`),
    ],
    [`/story.php?story_fbid=${PFBID}`, story(PFBID, `${WEB}/permalink.php?story_fbid=${PFBID}`)],
    // An owner that is not a numeric id is left out of the address.
    [
      '/permalink.php?story_fbid=1234567890&id=lumen',
      story('1234567890', `${WEB}/permalink.php?story_fbid=1234567890`),
    ],
    // Page and group names keep their letters, percent-encoded once.
    ['/caf%C3%A9.lisboa/posts/1234567890', story('1234567890', `${WEB}/caf%C3%A9.lisboa/posts/1234567890`)],
    ['/groups/caf%C3%A9/permalink/1234567890/', story('1234567890', `${WEB}/groups/caf%C3%A9/posts/1234567890/`)],
    // A name that is not valid percent-encoding is kept as printed.
    ['/%E0%A4%A/posts/1234567890', story('1234567890', `${WEB}/%25E0%25A4%25A/posts/1234567890`)],
    [`/groups/receitas/posts/${PFBID}/`, story(PFBID, `${WEB}/groups/receitas/posts/${PFBID}/`)],
    // The first id after /posts/ or /videos/; a photo's own id after its album.
    ['/lumen/posts/1234567890/2345678901', story('1234567890', `${WEB}/lumen/posts/1234567890`)],
    ['/lumen/videos/1357924680/2468013579/', video('1357924680')],
    ['/reels/1357924680135792/', video('1357924680135792')],
    ['/video.php?v=1357924680135792&ref=share', video('1357924680135792')],
    ['/lumen/photos/1122334455667788/', photo('1122334455667788')],
    ['/lumen/photos/9988776655/1122334455667788/', photo('1122334455667788')],
    ['/lumen/photos/pcb.9988776655/1122334455667788/', photo('1122334455667788')],
  ])('%s', (href, expected) => {
    expect(canonicalPermalink(href, BASE)).toEqual(expected);
  });
});

describe('canonicalPermalink: look-alikes it rejects', () => {
  it.each([
    // Other hosts and schemes, and addresses that do not parse.
    'https://facebook.com.example.org/lumen/posts/1234567890',
    'https://notfacebook.com/lumen/posts/1234567890',
    'https://developers.facebook.com/lumen/posts/1234567890',
    'ftp://www.facebook.com/lumen/posts/1234567890',
    'javascript:alert(1)//facebook.com/lumen/posts/1234567890',
    'https://[facebook.com/lumen/posts/1234567890',
    // Ids too short, too long, or not ids.
    '/lumen/posts/1234',
    '/lumen/posts/12345678901234567890123456',
    '/lumen/posts/pfbid02short',
    '/lumen/posts/pfbid1Xk7sQaB3nR9vT5mW8yC1dF4gH6jK2lP0oI9uY7tR5eW3qA1zS',
    '/lumen/posts/x1234567890',
    '/lumen/posts/travel-deals',
    '/story.php?story_fbid=abc&id=100012345678901',
    // Forms missing their id.
    '/lumen/posts/',
    '/lumen/videos/',
    '/lumen/videos/pao-de-queijo/',
    '/lumen/photos/a.9988776655/',
    '/lumen/about',
    '/lumen/events/1234567890',
    '/groups/receitas/posts/',
    '/groups/receitas/?multi_permalinks=abc',
    '/groups/',
    '/groups/?multi_permalinks=1234567890',
    '/story.php?id=100012345678901',
    '/reel/',
    '/reel/abc123',
    '/watch/',
    '/watch/?v=abc',
    '/video.php',
    '/photo/?fbid=abc',
    '/photo.php',
    // Sections of the site, even where a path looks like a page's.
    '/events/posts/1234567890',
    '/marketplace/photos/1234567890',
  ])('is not a post: %s', (href) => {
    expect(canonicalPermalink(href, BASE)).toBeNull();
  });
});

describe('handleFromHref', () => {
  it.each([
    ['/lumen.travel.52/', 'lumen.travel.52'],
    ['https://m.facebook.com/Lumen?ref=bookmarks', 'Lumen'],
    [`/${'a'.repeat(80)}`, 'a'.repeat(80)],
    ['/profile.php?id=12345', '12345'],
    ['/people/Grace-Okafor/100034567890123', '100034567890123'],
    ['/groups/g/user/100023456789012', '100023456789012'],
  ])('reads %s as %s', (href, handle) => {
    expect(handleFromHref(href, BASE)).toBe(handle);
  });

  it.each([
    undefined,
    null,
    '',
    '#',
    'https://example.com/lumen',
    'mailto:lumen@example.com',
    '/profile.php',
    '/profile.php?id=lumen',
    '/people/Grace-Okafor/',
    '/people/Grace-Okafor/abc',
    '/groups/g/user/',
    '/groups/g/user/abc',
    '/groups/g/members/100023456789012',
    '/hashtag',
    '/grace-okafor',
    `/${'a'.repeat(81)}`,
    '/lumen/about',
    '/lumen/posts/1234567890',
  ])('reads no handle from %s', (href) => {
    expect(handleFromHref(href, BASE)).toBeUndefined();
  });
});
