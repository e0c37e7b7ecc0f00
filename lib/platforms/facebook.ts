/**
 * Facebook (facebook.com, www./m./web.), the "Comet" web app.
 *
 * Post unit: a feed unit `div[aria-posinset]`, or `div[role="article"]` on pages without a feed
 * (a post's own page). Comments are `role="article"` too but carry an `aria-label` ("Comment by …");
 * any unit nested in another one is left to the outer one. Classes are atomic, hashed and rotate,
 * so only roles, aria attributes, `data-ad-rendering-role` hooks and link addresses are used.
 *
 * Id: the post's own permalink, the first text link (not a photo or video thumbnail, not in the
 * message, not in a comment) that canonicalPermalink() recognizes: a story form first, else a
 * video or photo form (a photo or video post's time links to the media).
 * No permalink: Facebook scrambles the time link's text and fills in its address only when the
 * pointer reaches it (a June 2026 feed post's time link pointed at the home page, with tracking). Such
 * a post is keyed by a fingerprint (lib/platforms/fingerprint.ts): `fp:<author>:<hash>` over its first
 * photo or video id (`photo:<fbid>` from its `/photo/?fbid=` link), else over the first 80 characters
 * of its text; its address is that photo or video, else the author's profile. Once the permalink
 * appears (on hover, on the post's own page), the reading under the real id names the fingerprint
 * in `aliases` and the store merges the two. What that costs: a text-only post whose author posts
 * the same words again, or a photo posted twice by one author, share a fingerprint; a post with
 * neither photo nor text, or without an author link, cannot be keyed and is reported, not read.
 * Author: the profile link in `[data-ad-rendering-role="profile_name"]` (username, or numeric id).
 * Time: not in the DOM (no machine-readable time; fbids carry none), so left out.
 * Counts: see facebook-counts.ts. Sponsored: only ads with a call-to-action button
 * (`data-ad-rendering-role^="cta"`) are recognized; the "Sponsored" label itself is scrambled text.
 *
 * Reels (`/reel/<id>`): each reel of the player is taken to be a `div[data-video-id]` (the hook a
 * public userscript for facebook.com/reel/ pages relies on) whose buttons carry the feed's
 * `data-ad-rendering-role` hooks; only the reel whose `data-video-id` is the address's id is read
 * (the player keeps its neighbours mounted), keyed by that id like a reel linked from the feed. No
 * real Reels page has been available to check this against.
 * Test URLs: https://www.facebook.com/, https://m.facebook.com/story.php?story_fbid=1234567890&id=4,
 * https://web.facebook.com/groups/receitas/posts/1234567890/, https://www.facebook.com/reel/1234567890123456
 */
import { textSnippet } from '../model';
import { countSelectors, readCounts } from './facebook-counts';
import { canonicalPermalink, handleFromHref, type Permalink } from './facebook-urls';
import { defineAdapter } from './define';
import { attr, ownFirstMatch } from './dom';
import { fallbackKey, textStart } from './fingerprint';
import { SKIP, type PostDraft, type ReadContext } from './types';

export { narrowByBreakdown, reactionBreakdown, readCounts } from './facebook-counts';

const selectors = {
  post: countSelectors.unit,
  reel: 'div[data-video-id]',
  message: '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]',
  /** 2026: the message in a blockquote (aria-hidden decoy blockquotes precede the header). */
  quotedMessage: 'blockquote',
  /** Inside the message, what is not its text: translation controls, " · " separators. */
  notText: '[role="button"], [aria-hidden="true"]',
  /** Text links only: a link around a picture is a thumbnail, not the post's time link. */
  links: 'a[href]:not(:has(img, svg, video))',
  /** Links around a picture or video: the post's media. */
  media: 'a[href]:has(img, video)',
  author: ['[data-ad-rendering-role="profile_name"] a[href]', 'h2 a[href]', 'h3 a[href]', 'h4 a[href]'],
  reelAuthor: 'a[href]',
  sponsored: '[data-ad-rendering-role^="cta"]',
} as const;

const BOUNDARY = `${selectors.post}, ${countSelectors.notOwn}`;
/** Addresses worth parsing: the permalink forms canonicalPermalink() knows. */
const POST_HREF =
  /\/posts\/|story_fbid=|\/permalink\/|multi_permalinks=|\/reels?\/|\/watch|video\.php|\/videos\/|\/photos?[/.?]|fbid=/;
const REEL_PAGE = /^\/reels?\/(\d{5,25})\/?$/;
const KIND_RANK: Record<Permalink['kind'], number> = { story: 0, video: 1, photo: 2 };

/** The post's own links matching `selector`, in document order (not in its message or comments). */
function ownLinks(post: Element, selector: string): Element[] {
  return Array.from(post.querySelectorAll(selector)).filter(
    (link) =>
      POST_HREF.test(link.getAttribute('href') ?? '') &&
      link.parentElement?.closest(BOUNDARY) === post &&
      !link.closest(`${selectors.message}, ${selectors.quotedMessage}`),
  );
}

/** The post's own permalink: story links beat video and photo links; document order breaks ties. */
function permalinkOf(post: Element, base: URL): Permalink | null {
  let best: Permalink | null = null;
  for (const link of ownLinks(post, selectors.links)) {
    const found = canonicalPermalink(link.getAttribute('href')!, base);
    if (found && (!best || KIND_RANK[found.kind] < KIND_RANK[best.kind])) best = found;
    if (best?.kind === 'story') break;
  }
  return best;
}

/** The post's first photo or video, from the link around it. */
function mediaOf(post: Element, base: URL): Permalink | null {
  for (const link of ownLinks(post, selectors.media)) {
    const found = canonicalPermalink(link.getAttribute('href')!, base);
    if (found && found.kind !== 'story') return found;
  }
  return null;
}

/** The post's message element: the hooked one, else its own blockquote that is not a decoy. */
function messageOf(post: Element): Element | null {
  const hooked = ownFirstMatch(post, [selectors.message], BOUNDARY);
  if (hooked) return hooked;
  for (const quote of post.querySelectorAll(selectors.quotedMessage))
    if (quote.parentElement?.closest(BOUNDARY) === post && !quote.closest('[aria-hidden="true"]')) return quote;
  return null;
}

/** The message's own words, without the controls and separators inside it. */
function messageText(message: Element | null): string {
  if (!message) return '';
  const walker = message.ownerDocument.createTreeWalker(message, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && parent !== message && message.contains(parent.closest(selectors.notText))) continue;
    text += node.nodeValue ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

const profileUrl = (handle: string) =>
  /^\d+$/.test(handle) ? `https://www.facebook.com/profile.php?id=${handle}` : `https://www.facebook.com/${handle}`;

function readPost(post: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  // A unit inside another unit (a comment, a wrapper, a feed post's video) belongs to the outer one.
  if (post.parentElement?.closest(`${selectors.post}, ${selectors.reel}`)) return SKIP;
  if (post.matches(selectors.reel) && !post.matches(selectors.post)) return readReel(post, ctx);
  const author = handleFromHref(attr(ownFirstMatch(post, selectors.author, BOUNDARY), 'href'), ctx.url);
  const message = messageText(messageOf(post));
  const permalink = permalinkOf(post, ctx.url);
  const media = mediaOf(post, ctx.url);
  const fallback = fallbackKey(author, media ? `${media.kind}:${media.postId}` : textStart(message));
  if (!permalink && !fallback) {
    ctx.problem({ field: 'id', selector: `${selectors.links} (a post permalink), or an author with a photo or text` });
    return null;
  }
  const draft: PostDraft = permalink
    ? { platform: 'facebook', postId: permalink.postId, url: permalink.url, counts: {} }
    : { platform: 'facebook', postId: fallback!, url: media?.url ?? profileUrl(author!), counts: {} };
  if (permalink && fallback) draft.aliases = [fallback];
  draft.counts = readCounts(post, ctx);
  if (author) draft.author = author;
  const text = textSnippet(message);
  if (text) draft.text = text;
  if (ownFirstMatch(post, [selectors.sponsored], BOUNDARY)) draft.promoted = true;
  return draft;
}

/** A reel of the Reels player: only the one the address names; its neighbours wait their turn. */
function readReel(reel: Element, ctx: ReadContext): PostDraft | typeof SKIP {
  const active = REEL_PAGE.exec(ctx.url.pathname)?.[1];
  const id = attr(reel, 'data-video-id');
  if (!active || id !== active) return SKIP;
  const permalink = canonicalPermalink(`/reel/${id}`, ctx.url)!;
  const draft: PostDraft = { platform: 'facebook', postId: permalink.postId, url: permalink.url, counts: {} };
  draft.counts = readCounts(reel, ctx);
  for (const link of reel.querySelectorAll(selectors.reelAuthor)) {
    const author = handleFromHref(attr(link, 'href'), ctx.url);
    if (author) {
      draft.author = author;
      break;
    }
  }
  return draft;
}

/** The control holding a count, by its hook; its number is the `span[dir="auto"]` beside the icon. */
const inButton = (role: string) => `[role="button"]:has([data-ad-rendering-role="${role}"]) span[dir="auto"]`;

export const facebook = defineAdapter({
  id: 'facebook',
  name: 'Facebook',
  hosts: ['facebook.com'],
  matches: [
    'https://facebook.com/*',
    'https://www.facebook.com/*',
    'https://m.facebook.com/*',
    'https://web.facebook.com/*',
  ],
  testUrls: [
    'https://www.facebook.com/',
    'https://m.facebook.com/story.php?story_fbid=1234567890&id=4',
    'https://web.facebook.com/groups/receitas/posts/1234567890/',
    'https://www.facebook.com/reel/1234567890123456',
  ],
  postSelector: `${selectors.post}, ${selectors.reel}`,
  // After the message's last line (the 2026 blockquote, not an aria-hidden decoy), else after the byline.
  overlayAnchor: [
    '[data-ad-rendering-role="story_message"]',
    ':not([aria-hidden="true"]) > blockquote',
    '[data-ad-rendering-role="profile_name"]',
  ],
  watchAttributes: ['aria-label', 'href'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts). Feed posts carry no permalink until hovered (the time
  // link is `href="#"`), so the action bar's stable hook counts too: one like button per post
  // (comments have none). Photo posts link their photos (`/photo/?fbid=`).
  recognize: [
    { name: 'like buttons [data-ad-rendering-role=like_button]', selector: '[data-ad-rendering-role="like_button"]' },
    {
      name: 'post permalinks /posts/, story_fbid=, /permalink/',
      selector: 'a[href*="/posts/"], a[href*="story_fbid="], a[href*="/permalink/"]',
      id: /(?:\/posts\/|story_fbid=|\/permalink\/)([\w]+)/,
    },
    { name: 'photo links /photo/?fbid=', selector: 'a[href*="fbid="]:has(img)', id: /[?&]fbid=(\d+)/ },
  ],
  readPost,
  // Numbers inside buttons keep their box (the button stays where it was and clickable).
  // The reactions toolbar holds the per-reaction figures (in its labels, and in the tooltip its icons
  // open on hover): hidden whole, keeping its box.
  hide: {
    likes: [inButton('like_button'), `:is(${selectors.post}, ${selectors.reel}) [role="toolbar"]`],
    replies: [inButton('comment_button')],
    reposts: [inButton('share_button')],
    // The red count on the top bar's Notifications button ("Notifications, 3 unread", the selector
    // Mindback uses): its text, never the bell icon. `#notificationsCountValue` is the classic site's.
    notifications: ['div[aria-label^="Notifications,"] span:not(:has(svg))', '#notificationsCountValue'],
  },
  // The older summary row's total stands alone beside the reaction icons: take it out of the flow.
  collapse: {
    likes: [':is(div[aria-posinset], div[role="article"]) [role="toolbar"] + *'],
  },
});
