/**
 * Facebook addresses: every permalink form a post is reachable under, mapped to one key.
 *
 * Facebook ids ("fbids") are unique across object types, so a numeric story, video or photo id is
 * a key on its own: `/<page>/posts/123`, `/permalink.php?story_fbid=123&id=4`, `/story.php?…` and
 * `/groups/<g>/posts/123` all give "123"; `/reel/9`, `/watch/?v=9` and `/<user>/videos/9` all give
 * "9". Where the address does not allow it, keys differ: a `pfbid…` token is an encrypted id that
 * cannot be turned into the numeric one (the same post reached through `/posts/pfbid02…` and
 * through `permalink.php?story_fbid=123` gets two keys), and a video's own id differs from the id
 * of the story that shares it. Tracking parameters (`__cft__[0]`, `__tn__`, `comment_id`, `ref`…)
 * never reach the canonical address, which keeps only what identifies the post.
 */

export interface Permalink {
  /** The fbid ("123") or pfbid token ("pfbid02…"). */
  postId: string;
  /** Canonical https address. */
  url: string;
  /** Stories are posts; videos and photos are posts whose permalink is the media itself. */
  kind: 'story' | 'video' | 'photo';
}

const HOST = /^(?:(?:www|m|web|mbasic|touch|business)\.)?facebook\.com$/i;
const FBID = /^\d{5,25}$/;
const PFBID = /^pfbid0[0-9A-Za-z]{20,80}$/;
const WEB = 'https://www.facebook.com';
/** First path segments that are sections of the site, not a user or page name. */
const RESERVED = new Set([
  'groups',
  'watch',
  'reel',
  'reels',
  'photo',
  'photo.php',
  'photos',
  'permalink.php',
  'story.php',
  'hashtag',
  'events',
  'marketplace',
  'gaming',
  'stories',
  'share',
  'l.php',
  'login',
  'profile.php',
  'people',
  'pages',
  'video.php',
  'media',
  'notifications',
  'messages',
  'friends',
  'ads',
  'help',
  'settings',
  'bookmarks',
  'search',
]);

function storyId(value: string | null | undefined): string | null {
  return value && (FBID.test(value) || PFBID.test(value)) ? value : null;
}

function parse(href: string, base?: URL): URL | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The post a Facebook address points to, or null when it is not a post permalink (profiles,
 * hashtags, outbound `l.php` links, `/share/p/…` tokens, which only a redirect resolves).
 */
export function canonicalPermalink(href: string, base?: URL): Permalink | null {
  const url = parse(href, base);
  if (!url || !HOST.test(url.hostname)) return null;
  const q = url.searchParams;
  const parts = url.pathname
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const [first = '', second, third, fourth] = parts;
  const story = (id: string, address: string): Permalink => ({ postId: id, url: address, kind: 'story' });
  const video = (id: string): Permalink => ({ postId: id, url: `${WEB}/watch/?v=${id}`, kind: 'video' });
  const photo = (id: string): Permalink => ({ postId: id, url: `${WEB}/photo/?fbid=${id}`, kind: 'photo' });

  if (first === 'permalink.php' || first === 'story.php') {
    const id = storyId(q.get('story_fbid'));
    const owner = q.get('id');
    if (!id) return null;
    return story(
      id,
      owner && FBID.test(owner)
        ? `${WEB}/permalink.php?story_fbid=${id}&id=${owner}`
        : `${WEB}/permalink.php?story_fbid=${id}`,
    );
  }
  if (first === 'groups' && second) {
    const group = encodeURIComponent(second);
    const id = third === 'posts' || third === 'permalink' ? storyId(fourth) : storyId(q.get('multi_permalinks'));
    return id ? story(id, `${WEB}/groups/${group}/posts/${id}/`) : null;
  }
  if (first === 'reel' || first === 'reels') return second && FBID.test(second) ? video(second) : null;
  if (first === 'watch') return FBID.test(q.get('v') ?? '') ? video(q.get('v')!) : null;
  if (first === 'video.php') return FBID.test(q.get('v') ?? '') ? video(q.get('v')!) : null;
  if (first === 'photo' || first === 'photo.php') return FBID.test(q.get('fbid') ?? '') ? photo(q.get('fbid')!) : null;
  if (RESERVED.has(first) || !second) return null;

  // /<user or page>/…
  const owner = encodeURIComponent(first);
  if (second === 'posts') {
    // /<page>/posts/<id>, and the older /<page>/posts/<slug>/<id>
    const id = storyId(third) ?? storyId(fourth);
    return id ? story(id, `${WEB}/${owner}/posts/${id}`) : null;
  }
  if (second === 'videos') {
    const id = [third, fourth].find((p) => p && FBID.test(p));
    return id ? video(id) : null;
  }
  if (second === 'photos') {
    // /<page>/photos/a.<album>/<id>/ or /<page>/photos/<id>
    const id = [fourth, third].find((p) => p && FBID.test(p));
    return id ? photo(id) : null;
  }
  return null;
}

/** An author's handle from their profile link: the username, or the numeric id where there is none. */
export function handleFromHref(href: string | null | undefined, base: URL): string | undefined {
  const url = href ? parse(href, base) : null;
  if (!url || !HOST.test(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter(Boolean);
  const [first = '', second, third, fourth] = parts;
  if (first === 'profile.php')
    return FBID.test(url.searchParams.get('id') ?? '') ? url.searchParams.get('id')! : undefined;
  if (first === 'people' && third && FBID.test(third)) return third;
  if (first === 'groups' && third === 'user' && fourth && FBID.test(fourth)) return fourth;
  if (RESERVED.has(first) || !/^[A-Za-z0-9.]{1,80}$/.test(first)) return undefined;
  return second === undefined || second === '' ? first : undefined;
}
