/**
 * Bluesky (bsky.app).
 *
 * Post unit: the feed card `[data-testid="feedItem-by-<handle>"]` and the thread item
 * `[data-testid="postThreadItem-by-<handle>"]` (testIDs from the social-app source). Notification
 * rows reuse `feedItem-by-` but carry no post controls, so only cards with a like or reply button
 * count as posts.
 *
 * Id: the post's own permalink `/profile/<handle|did>/post/<rkey>` (the first one in the card's own
 * subtree: a quoted post's permalink comes after it, inside its own `div[role="link"]`). The post
 * id is the rkey alone: it is a TID (creation time in µs plus a random 10-bit clock id), the same
 * whether the page links the author by handle or by DID and after any handle change, while handles
 * change often (custom domains). Two posts of different authors share an rkey only if created in
 * the same microsecond with the same clock id: negligible among the posts one person sees. The
 * thread's focused post has no permalink of its own; it is the post the page address names.
 * Time: decoded from the TID (there is no `<time datetime>`; the permalink's label is a localized
 * date `Date.parse` cannot read).
 *
 * Counts: likes and replies are exact from the buttons' localized labels ("Like (3,817 likes)",
 * "いいねする（63,561件のいいね）"), numbers taken without reading the words. The visible texts are
 * compact and TRUNCATED ("3.8K" is 3,800–3,899, "6万" 60,000–69,999). The repost button shows
 * reposts + quotes as one number (`includes.reposts = ['quotes']`), and nothing when both are zero.
 * A focused post also lists reposts, quotes, likes and saves separately (`*Count-expanded`): quotes
 * and saves are read from there, while `reposts` keeps meaning reposts + quotes on every reading.
 * The repost header ("Reposted by …") is localized and is not read at all.
 * Test URLs: https://bsky.app/, https://bsky.app/profile/bsky.app, https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l
 */
import { exact, textSnippet, type Count, type Counts, type Metric } from '../model';
import { countsSomethingElse } from '../numbers/other-quantities';
import { findCounts, parseCount } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { attr, hasBrokenNumber, hasDigit, ownFirstMatch, ownMatch, textOf, pathOf } from './dom';
import type { PostDraft, ReadContext } from './types';

const FEED_ITEM = '[data-testid^="feedItem-by-"]';
const THREAD_ITEM = '[data-testid^="postThreadItem-by-"]';

const selectors = {
  post: `${FEED_ITEM}:has([data-testid="likeBtn"], [data-testid="replyBtn"]), ${THREAD_ITEM}`,
  /** The post itself, or a quoted post's card inside it (its own author, permalink and text). */
  ownBoundary: `${FEED_ITEM}, ${THREAD_ITEM}, div[role="link"]`,
  permalink: 'a[href*="/post/"]',
  text: ['[data-testid="postText"]'],
  likeButton: ['button[data-testid="likeBtn"]', '[data-testid="likeBtn"]'],
  replyButton: ['button[data-testid="replyBtn"]', '[data-testid="replyBtn"]'],
  /** Logged in the button has a testID; logged out only its count does (and only when above zero). */
  repostButton: ['[data-testid="repostBtn"]', 'button:has(> [data-testid="repostCount"])'],
  likeCount: '[data-testid="likeCount"]',
  replyCount: ':scope > div[dir="auto"]',
  repostCount: '[data-testid="repostCount"]',
  expanded: {
    reposts: '[data-testid="repostCount-expanded"]',
    quotes: '[data-testid="quoteCount-expanded"]',
    likes: '[data-testid="likeCount-expanded"]',
    bookmarks: '[data-testid="bookmarkCount-expanded"]',
  },
} as const;

const POST_PATH = /^\/profile\/([^/]+)\/post\/([A-Za-z0-9._:~-]+)\/?$/;
const TID = /^[2-7a-j][2-7a-z]{12}$/;
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';
const TRUNC = { rounding: 'trunc' } as const;

/** A TID rkey's creation time (epoch ms): base32-sortable, the first 53 bits are µs since 1970. */
export function tidTime(rkey: string): number | undefined {
  if (!TID.test(rkey)) return undefined;
  let value = 0n;
  for (const char of rkey) value = value * 32n + BigInt(TID_ALPHABET.indexOf(char));
  return Number((value >> 10n) / 1000n);
}

function postPath(href: string | null, base: URL): { actor: string; rkey: string } | null {
  const path = pathOf(href, base);
  if (!path) return null;
  const match = POST_PATH.exec(path);
  return match ? { actor: decodeURIComponent(match[1]!), rkey: match[2]! } : null;
}

/** The post's own permalink; for a thread's focused post (which has none), the page's address. */
function ownPost(post: Element, ctx: ReadContext, handle: string | null) {
  for (const link of post.querySelectorAll(selectors.permalink)) {
    if (link.parentElement?.closest(selectors.ownBoundary) !== post) continue;
    const path = postPath(attr(link, 'href'), ctx.url);
    if (path) return path;
  }
  if (!post.matches(THREAD_ITEM)) return null;
  const page = POST_PATH.exec(ctx.url.pathname);
  const actor = page ? decodeURIComponent(page[1]!) : null;
  return page && (actor === handle || actor!.startsWith('did:')) ? { actor: actor!, rkey: page[2]! } : null;
}

/**
 * The number of a localized label ("Like (3,817 likes)"), or null when it has none. A label
 * holds one number; two, a broken one ("NaN likes") or a unit word for something else ("3 new
 * posts") is unreadable (`unknown`), never a count.
 */
function labelCount(control: Element | null, ctx: ReadContext): Count | null {
  const label = attr(control, 'aria-label');
  if (!hasDigit(label) && !hasBrokenNumber(label)) return null;
  const numbers = hasBrokenNumber(label) || countsSomethingElse(label) ? [] : findCounts(label!, ctx.locale, TRUNC);
  return numbers.length === 1 ? numbers[0]! : { precision: 'unknown', raw: label! };
}

/**
 * A visible compact count ("3.8K", "6万"), truncated. Below 10,000 Bluesky prints one decimal
 * (`maximumFractionDigits: count >= 10000 ? 0 : 1`), so a "1K" with none is 1,000–1,099.
 */
function shownCount(element: Element | null, ctx: ReadContext): Count | null {
  const text = textOf(element);
  if (hasBrokenNumber(text)) return { precision: 'unknown', raw: text };
  if (!hasDigit(text)) return null;
  const count = parseCount(text, ctx.locale, TRUNC);
  if (count.precision !== 'rounded' || count.value >= 10_000 || count.max - count.min < 1000) return count;
  return { ...count, max: count.min + (count.max - count.min) / 10 };
}

function keep(counts: Counts, metric: Metric, count: Count | null, selector: string, ctx: ReadContext): void {
  if (!count) return;
  if (count.precision === 'unknown') ctx.problem({ field: metric, selector, ...(count.raw ? { raw: count.raw } : {}) });
  else counts[metric] = count;
}

function readCounts(post: Element, ctx: ReadContext, draft: PostDraft): void {
  const counts = draft.counts;
  const own = (list: readonly string[]) => ownFirstMatch(post, list, selectors.ownBoundary);
  const like = own(selectors.likeButton);
  const reply = own(selectors.replyButton);
  if (!like && !reply) {
    ctx.problem({ field: 'likes', selector: selectors.likeButton.join(' | ') });
    return;
  }
  const likes = labelCount(like, ctx) ?? shownCount(like?.querySelector(selectors.likeCount) ?? null, ctx);
  if (likes) keep(counts, 'likes', likes, selectors.likeButton[0], ctx);
  else if (like)
    ctx.problem({ field: 'likes', selector: selectors.likeButton[0], raw: attr(like, 'aria-label') ?? '' });
  const replies = labelCount(reply, ctx) ?? shownCount(reply?.querySelector(selectors.replyCount) ?? null, ctx);
  if (replies) keep(counts, 'replies', replies, selectors.replyButton[0], ctx);

  // Logged out, a repost button at zero has no hook of its own: it is the control between the two.
  const between = reply?.parentElement?.nextElementSibling;
  const repostButton =
    own(selectors.repostButton) ??
    (between && between === like?.parentElement?.previousElementSibling ? between.querySelector('button') : null);
  const shown = ownMatch(post, selectors.repostCount, selectors.ownBoundary);
  // The button prints nothing at zero (social-app RepostButton: `repostCount > 0 &&`).
  let reposts = shown ? shownCount(shown, ctx) : repostButton ? exact(0) : null;

  // A focused post also lists reposts and quotes apart, each only when it is not zero. `reposts`
  // stays the button's reposts + quotes, as in every feed reading of the same post (a record's
  // counts must mean one thing over time); the separate numbers add `quotes` and sharpen the sum.
  const expanded = (metric: keyof typeof selectors.expanded) => {
    const element = ownMatch(post, selectors.expanded[metric], selectors.ownBoundary);
    return element ? shownCount(element.querySelector('span') ?? element, ctx) : null;
  };
  const alone = expanded('reposts');
  const quotes = expanded('quotes');
  const bookmarks = expanded('bookmarks');
  if (alone || quotes || bookmarks || expanded('likes')) {
    const repostsAlone = alone ?? exact(0);
    if (quotes) keep(counts, 'quotes', quotes, selectors.expanded.quotes, ctx);
    // No quote count shown (none, or quoting is disabled): the difference tells, when both are exact.
    else if (
      reposts?.precision === 'exact' &&
      repostsAlone.precision === 'exact' &&
      reposts.value >= repostsAlone.value
    )
      counts.quotes = exact(reposts.value - repostsAlone.value);
    if (reposts?.precision !== 'exact' && repostsAlone.precision === 'exact' && quotes?.precision === 'exact')
      reposts = exact(repostsAlone.value + quotes.value);
    keep(counts, 'bookmarks', bookmarks, selectors.expanded.bookmarks, ctx);
  }
  if (reposts) {
    keep(counts, 'reposts', reposts, selectors.repostCount, ctx);
    draft.includes = { reposts: ['quotes'] };
  }
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null {
  const testid = attr(post, 'data-testid') ?? '';
  const handle = testid.slice(testid.indexOf('-by-') + 4) || null;
  const path = ownPost(post, ctx, handle);
  if (!path) {
    ctx.problem({ field: 'id', selector: selectors.permalink });
    return null;
  }
  const author = path.actor.startsWith('did:') && handle && handle !== 'handle.invalid' ? handle : path.actor;
  const draft: PostDraft = {
    platform: 'bluesky',
    postId: path.rkey,
    url: `https://bsky.app/profile/${path.actor}/post/${path.rkey}`,
    author,
    counts: {},
  };
  const postedAt = tidTime(path.rkey);
  if (postedAt !== undefined) draft.postedAt = postedAt;
  else ctx.problem({ field: 'time', selector: 'rkey TID', raw: path.rkey });
  const text = textSnippet(textOf(ownFirstMatch(post, selectors.text, selectors.ownBoundary)));
  if (text) draft.text = text;
  readCounts(post, ctx, draft);
  return draft;
}

export const bluesky = defineAdapter({
  id: 'bluesky',
  name: 'Bluesky',
  hosts: ['bsky.app'],
  matches: ['https://bsky.app/*'],
  testUrls: [
    'https://bsky.app/',
    'https://bsky.app/profile/bsky.app',
    'https://bsky.app/profile/bsky.app/post/3l6oveex3ii2l',
  ],
  postSelector: selectors.post,
  // After the post's text.
  overlayAnchor: ['[data-testid="postText"]'],
  watchAttributes: ['aria-label', 'href'],
  rounding: 'trunc',
  // Drift detection (lib/reader/drift.ts): each post links to itself (its time) by rkey.
  recognize: [
    {
      name: 'permalinks /profile/<handle>/post/<rkey>',
      selector: 'a[href*="/post/"]',
      id: /\/profile\/[^/]+\/post\/([\w]+)/,
    },
  ],
  readPost,
  // The like and repost buttons are toggles: pressed once the user liked or reposted.
  acted: ['[data-testid="likeBtn"][aria-pressed="true"]', '[data-testid="repostBtn"][aria-pressed="true"]'],
  // The numbers inside buttons keep their box (`CountWheel` animates inside it); the focused
  // post's "12 reposts · 3 quotes · 1.2K likes" entries are stand-alone links and are removed.
  // A focused post's "12 reposts · 3 quotes · 45 likes" row is hidden in place too: taking it out of
  // the flow would move the action buttons under it.
  hide: {
    // Only the numbers: the "Likes"/"Reposts" words stay, and stay links to who liked or reposted.
    likes: ['[data-testid="likeCount"]', '[data-testid="likeCount-expanded"]'],
    reposts: [
      '[data-testid="repostCount"]',
      '[data-testid="repostCount-expanded"]',
      '[data-testid="quoteCount-expanded"]',
    ],
    bookmarks: ['[data-testid="bookmarkCount-expanded"]'],
    replies: ['button[data-testid="replyBtn"] > div[dir="auto"]'],
    // "1.1M followers" is a link: its number keeps its box so the link neither shrinks nor moves.
    followers: [
      'a[data-testid="profileHeaderFollowersButton"] > span:first-child',
      'a[data-testid="profileHeaderFollowsButton"] > span:first-child',
    ],
    // The unread count on the Notifications tab: mobile web's bottom bar draws it as a bubble of
    // nested divs beside the icon (Bluesky Demetricator hides `a[aria-label="Notifications"]
    // [role="tab"] div div`; the test id is not translated, the label is). The desktop sidebar's
    // count is labelled "N unread items", in English only.
    notifications: [
      'a[data-testid="bottomBarNotificationsBtn"] div:not(:has(svg))',
      'a[href="/notifications"] [aria-label$="unread items"]',
      'a[href="/notifications"] [aria-label$="unread item"]',
    ],
  },
});
