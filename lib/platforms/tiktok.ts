/**
 * TikTok (www.tiktok.com).
 *
 * Post units:
 * - Feed items: the For You feed and, since 2025, a video's own page (the video first, then
 *   recommendations) are `article[data-e2e="recommend-list-item-container"]`s (a `div` with the
 *   same hook in the 2022 For You feed, whose cards carry no video id at all) with data-e2e hooks:
 *   `like-count`, `comment-count`, `favorite-count` (saves; `undefined-count` until 2025, both
 *   read), `share-count`, `video-desc`, `video-music` and the author's `/@handle` links.
 * - Profile grid items (`[data-e2e="user-post-item"]`): the `/video/<id>` link and the play count
 *   (`strong[data-e2e="video-views"]`).
 * - The older video page (`#main-content-video_detail` holding `browse-like-count`):
 *   `browse-comment-count`, saves and shares; the id is the page's `/@<handle>/video/<id>`.
 *
 * Ids: a `/video/<id>` (or `/photo/<id>`) link inside the post, else the player wrapper's id
 * (`xgwrapper-<n>-<id>`, present once the video's player is mounted: both filled articles of the
 * real 2025 capture have it, the empty ones do not), else, for the first article
 * of a video page, the page's own id when the author matches. TikTok ids carry their upload time
 * (seconds) in their top 32 bits, which gives `postedAt`.
 *
 * For You posts may carry no id at all (a measured 2026 note: no id, no /video/ link, only
 * /@handle). Such a post is keyed `fyp:<handle>:<hash>`, the hash (FNV-1a) taken over its caption
 * and its sound's link, with the author's profile as permalink. What that costs: identical
 * captions on the same sound by one author collide; editing a caption makes a new key; the stored
 * post has no link to the video; and the same video seen later with its id (its page, the
 * profile grid, or once its player mounts) becomes a second record. Mitigations: any real id in
 * the article wins, the sound's link (an original sound is unique to its video) sets apart most
 * captionless posts, and the key never changes while the post is on screen.
 *
 * Counts are text: exact when plain ("146", "1311"), else compact ("25.5K"). TikTok does not say
 * how it rounds (the capture's own JSON already holds 25500 for "25.5K", so it cannot tell); assumed
 * half-up like `Intl` (rounding 'halfExpand'), so 25.5K is [25,450, 25,550).
 * Traps: feed articles are inserted empty and filled later, and recycled for other videos (59
 * in 5 scrolls): an empty article is not a post (the post selector skips it) and a half-built one
 * gives no reading, never zeros; every reading is keyed by what the article shows at read time. A
 * count element without a digit gives no count. `sponsored-tag` ("Sponsored", "Paid partnership")
 * marks a post promoted: ads and branded content are not told apart. A LIVE card in the feed (a
 * link to `/@handle/live`) is a stream, not a video: its viewer count ("1.2K watching") is never a
 * metric, so the card is skipped; a count whose button label says it counts something else is
 * not stored either.
 * Test URLs: https://www.tiktok.com/foryou, https://www.tiktok.com/@tiktok/video/7106594312292453675
 */
import { textSnippet, type Count, type Counts, type Metric } from '../model';
import { countsSomethingElse } from '../numbers/other-quantities';
import { parseCount } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { absoluteUrl, attr, firstMatch, hasBrokenNumber, hasDigit, textOf } from './dom';
import { SKIP, type PostDraft, type ReadContext } from './types';

/** Feed items: `article` since 2023, `div[data-e2e=recommend-list-item-container]` in 2022. */
const ARTICLE = 'article:not(:empty), [data-e2e="recommend-list-item-container"]:not(:empty)';
const GRID_ITEM = '[data-e2e="user-post-item"]';
/** The older video page; the 2025+ one holds articles instead (and is not a unit, so that the
 * empty articles it is built from never count as posts that could not be read). */
const DETAIL = '#main-content-video_detail:has([data-e2e="browse-like-count"])';

type TikTokMetric = Extract<Metric, 'likes' | 'replies' | 'bookmarks' | 'reposts' | 'views'>;

const selectors = {
  /** Feed article counts (For You, 2025+ video pages). */
  feedCounts: {
    likes: ['[data-e2e="like-count"]'],
    replies: ['[data-e2e="comment-count"]'],
    bookmarks: ['[data-e2e="favorite-count"]', '[data-e2e="undefined-count"]'],
    reposts: ['[data-e2e="share-count"]'],
  },
  /** The older video page's counts. */
  detailCounts: {
    likes: ['[data-e2e="browse-like-count"]', '[data-e2e="like-count"]'],
    replies: ['[data-e2e="browse-comment-count"]', '[data-e2e="comment-count"]'],
    bookmarks: ['[data-e2e="favorite-count"]', '[data-e2e="undefined-count"]'],
    reposts: ['[data-e2e="share-count"]'],
  },
  gridCounts: { views: ['[data-e2e="video-views"]'] },
  videoLink: 'a[href*="/video/"], a[href*="/photo/"]',
  player: '[id^="xgwrapper-"]',
  /** The author: the avatar link, then any /@handle link that is not a mention in the caption. */
  author: [
    'a[data-e2e="video-author-avatar"]',
    'a[data-e2e="video-author-uniqueid"]',
    'a[href^="/@"]:not([data-e2e="search-common-link"])',
  ],
  desc: ['[data-e2e="video-desc"]', '[data-e2e="browse-video-desc"]', '[data-e2e="user-post-item-desc"]'],
  music: '[data-e2e="video-music"]',
  sponsored: '[data-e2e="sponsored-tag"]',
  live: 'a[href$="/live"], a[href*="/live?"]',
} as const;

const POST_PATH = /^\/@([\w.]+)\/(video|photo)\/(\d{8,25})(?:[/?#]|$)/;
const HANDLE_PATH = /^\/@([\w.]+)\/?(?:[?#]|$)/;
const PLAYER_ID = /^xgwrapper-\d+-(\d{8,25})$/;

interface PostRef {
  handle?: string;
  kind: string;
  id: string;
}

function postOf(href: string | null, base: URL): PostRef | null {
  const url = absoluteUrl(href, base);
  const match = url ? POST_PATH.exec(url.pathname) : null;
  return match ? { handle: match[1]!, kind: match[2]!, id: match[3]! } : null;
}

function handleOf(link: Element | null, base: URL): string | undefined {
  const url = absoluteUrl(attr(link, 'href'), base);
  return (url && (HANDLE_PATH.exec(url.pathname) ?? POST_PATH.exec(url.pathname))?.[1]) || undefined;
}

/** TikTok ids are snowflakes: the top 32 bits are the upload time in seconds. */
export function tiktokIdTime(id: string): number | undefined {
  const seconds = Number(BigInt(id) >> 32n);
  return seconds > 1_400_000_000 ? seconds * 1000 : undefined;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable fingerprint, not a secret. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function readCounts(post: Element, table: Partial<Record<TikTokMetric, readonly string[]>>, ctx: ReadContext): Counts {
  const counts: Counts = {};
  for (const [metric, list] of Object.entries(table) as [TikTokMetric, readonly string[]][]) {
    const element = firstMatch(post, list);
    const text = textOf(element);
    // Without a digit ("Share", or nothing yet) the count is not shown: absent, never 0.
    if (!hasDigit(text) && !hasBrokenNumber(text)) continue;
    // The button's label names what the number counts ("Like video 392.5K likes").
    if (countsSomethingElse(attr(element?.closest('button') ?? null, 'aria-label'))) continue;
    const count: Count = parseCount(text, ctx.locale, { rounding: 'halfExpand' });
    if (count.precision === 'unknown') ctx.problem({ field: metric, selector: list.join(' | '), raw: text });
    else counts[metric] = count;
  }
  return counts;
}

function draftOf(ref: PostRef, author: string | undefined, counts: Counts): PostDraft {
  const handle = author ?? ref.handle!;
  const draft: PostDraft = {
    platform: 'tiktok',
    postId: ref.id,
    url: `https://www.tiktok.com/@${handle}/${ref.kind}/${ref.id}`,
    author: handle,
    counts,
  };
  const postedAt = tiktokIdTime(ref.id);
  if (postedAt !== undefined) draft.postedAt = postedAt;
  return draft;
}

function readArticle(article: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  if (article.querySelector(selectors.live)) return SKIP;
  const author = handleOf(firstMatch(article, selectors.author), ctx.url);
  const desc = firstMatch(article, selectors.desc);
  const counts = readCounts(article, selectors.feedCounts, ctx);
  // Half-built (or recycled and not yet refilled): nothing that says which post this is.
  if (!author && !desc && Object.keys(counts).length === 0) return null;
  if (!author) {
    ctx.problem({ field: 'author', selector: selectors.author.join(' | ') });
    return null;
  }
  const text = textSnippet(textOf(desc));
  const page = postOf(ctx.url.href, ctx.url);
  const playerId = PLAYER_ID.exec(attr(article.querySelector(selectors.player), 'id') ?? '')?.[1];
  const ref =
    postOf(attr(article.querySelector(selectors.videoLink), 'href'), ctx.url) ??
    (playerId ? { kind: 'video', id: playerId } : null) ??
    (page && page.handle === author && attr(article, 'data-scroll-index') === '0' ? page : null);

  let draft: PostDraft;
  if (ref) {
    draft = draftOf(ref, author, counts);
  } else {
    const music = article.querySelector(selectors.music);
    const sound = attr(music, 'href') ?? textOf(music);
    draft = {
      platform: 'tiktok',
      postId: `fyp:${author}:${fnv1a(`${textOf(desc)}\n${sound}`)}`,
      url: `https://www.tiktok.com/@${author}`,
      author,
      counts,
    };
  }
  if (text) draft.text = text;
  if (article.querySelector(selectors.sponsored)) draft.promoted = true;
  return draft;
}

function readGridItem(item: Element, ctx: ReadContext): PostDraft | null {
  const ref = postOf(attr(item.querySelector(selectors.videoLink), 'href'), ctx.url);
  if (!ref) {
    ctx.problem({ field: 'id', selector: selectors.videoLink });
    return null;
  }
  const draft = draftOf(ref, undefined, readCounts(item, selectors.gridCounts, ctx));
  const text = textSnippet(textOf(firstMatch(item, selectors.desc)));
  if (text) draft.text = text;
  return draft;
}

function readDetail(main: Element, ctx: ReadContext): PostDraft | null {
  const ref = postOf(ctx.url.href, ctx.url);
  if (!ref) {
    ctx.problem({ field: 'id', selector: 'location' });
    return null;
  }
  const counts = readCounts(main, selectors.detailCounts, ctx);
  const draft = draftOf(ref, undefined, counts);
  const text = textSnippet(textOf(firstMatch(main, selectors.desc)));
  if (text) draft.text = text;
  return draft;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  if (post.matches(GRID_ITEM)) return readGridItem(post, ctx);
  if (post.matches(DETAIL)) return readDetail(post, ctx);
  return readArticle(post, ctx);
}

export const tiktok = defineAdapter({
  id: 'tiktok',
  name: 'TikTok',
  hosts: ['tiktok.com'],
  matches: ['https://tiktok.com/*', 'https://www.tiktok.com/*'],
  testUrls: ['https://www.tiktok.com/foryou', 'https://www.tiktok.com/@tiktok/video/7106594312292453675'],
  postSelector: `${ARTICLE}, ${GRID_ITEM}, ${DETAIL}`,
  // After the video's description.
  overlayAnchor: ['[data-e2e="video-desc"]', '[data-e2e="browse-video-desc"]', '[data-e2e="user-post-item-desc"]'],
  watchAttributes: ['href'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts): feed items keep their data-e2e hooks whatever their tag
  // (a div in 2022, an article since), and a mounted player names its video. Plain /video/ links
  // are left out: search and discover grids (not read) are full of them.
  recognize: [
    {
      name: 'feed items [data-e2e=recommend-list-item-container]',
      selector: '[data-e2e="recommend-list-item-container"]:not(:empty)',
    },
    { name: 'like counts [data-e2e=like-count]', selector: '[data-e2e="like-count"]' },
    {
      name: 'players #xgwrapper-<n>-<id>',
      selector: '[id^="xgwrapper-"]',
      attribute: 'id',
      id: /^xgwrapper-\d+-(\d+)$/,
    },
  ],
  readPost,
  // Every count is a number element inside its button or tile: hidden in place, boxes kept.
  hide: {
    likes: ['[data-e2e="like-count"]', '[data-e2e="browse-like-count"]', '[data-e2e="likes-count"]'],
    replies: ['[data-e2e="comment-count"]', '[data-e2e="browse-comment-count"]'],
    bookmarks: ['[data-e2e="favorite-count"]', '[data-e2e="undefined-count"]'],
    reposts: ['[data-e2e="share-count"]'],
    views: ['[data-e2e="video-views"]'],
    followers: ['[data-e2e="followers-count"]', '[data-e2e="following-count"]'],
  },
});
