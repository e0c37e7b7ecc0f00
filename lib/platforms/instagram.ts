/**
 * Instagram (www.instagram.com).
 *
 * Post units: the `article` of each feed post (also used by post pages and the post dialog), and
 * the reel tiles of a profile's Reels tab, which show a play count
 * (`a[href*="/reel/"]` holding `svg[aria-label="View Count Icon"]`).
 *
 * Instagram hashes every class name, so only structure is read: the id is the shortcode of the
 * post's permalink (the link around its `time`, else any `/p/`, `/reel/` or `/tv/` link in the
 * post, else the page address), canonically `https://www.instagram.com/p/<code>/`; the author is
 * the first one-segment profile link in the `header` (else in the post: a collab post names its
 * authors in order); the time is `time[datetime]`; the caption is the post's `h1`, else (2026) the
 * innermost `span[dir="auto"]` after the action bar that is not a link or a button.
 * Counts, two layouts:
 * - 2025–26 (a June 2026 home-feed post): each count sits right after its icon in the action bar
 *   (the first `section` holding icons): the number after the first icon (Like) is likes, after the
 *   second (Comment) comments ("4", a `span[role="button"]`); Share and Save carry none.
 * - the likes line under the bar, linking to `…/liked_by/`, and "View all N comments" (a link to
 *   `…/comments/`), read where the bar shows no number (post pages, older feeds). Words differ per
 *   language ("1,234 likes", "1.234 curtidas", "「いいね！」1,234件"), so only numbers are read.
 *
 * Traps:
 * - Hidden like counts (the author's choice, or the viewer's setting since 2021): no number beside
 *   the heart, and the line reads "Liked by X and others". Likes are then `hidden`, never a number:
 *   the API's 3 or −1 for such posts (Zeeschuimer #45, instaloader #968) never reaches the DOM.
 * - "Liked by X and 1,233 others" (a named liker, then a number) is `estimated` at 1,234.
 * - A post nobody liked yet says "Be the first to like this": no number and no likes link. Telling
 *   that wording from an unrecognized layout would take reading words, so no 0 is stored; likes
 *   stay absent and the line is reported.
 * - Sponsored posts show "Sponsored" where other posts show their time: a post without
 *   `time[datetime]` is marked promoted. "Suggested for you" posts are organic (they have a time)
 *   and are not.
 * - On post pages every comment has its own time and likes link (`…/c/<id>/…`): only the links to
 *   the post itself give its time and likes.
 * - Compact numbers ("1.2M likes", "12.3K" plays): Instagram's rounding is undocumented; assumed
 *   half-up like `Intl` (rounding 'halfExpand').
 * - A number whose words say it counts something else ("12,345 views" where a video's likes line
 *   would be) is never taken for likes or comments (lib/platforms/other-units.ts).
 * Reels player (`/reels/<code>/`, `/reel/<code>/`): its reels are taken to be units like feed posts
 *   (an `article` with its own `/reel/<code>/` link, the same action bar); only the one the address
 *   names is read, the neighbours the player keeps mounted are skipped, and an article with no code
 *   of its own is read as the address's reel only when it is the only one. No real Reels page has
 *   been available to check this against.
 * Not read: the play count on a reel tile needs the icon's English label ("View Count Icon"), so
 * other UI languages yield no views; counts after the Share or Repost icons; hover overlays on grid
 * tiles; stories.
 * Test URLs: https://www.instagram.com/, https://www.instagram.com/p/C1aBcDeFgHi/,
 * https://www.instagram.com/ana.rides/reels/, https://www.instagram.com/reels/DRe2Lm4Abc1/
 */
import { countPlus, textSnippet, type Count, type Counts } from '../model';
import { findCounts } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { absoluteUrl, attr, firstMatch, hasDigit, parseTime, textOf } from './dom';
import { otherUnit } from './other-units';
import { SKIP, type PostDraft, type ReadContext } from './types';

const VIEW_ICON = 'svg[aria-label="View Count Icon"]';
const TILE = `a[href*="/reel/"]:has(${VIEW_ICON})`;

const selectors = {
  article: 'article',
  tile: TILE,
  linkedTime: 'a[href] time[datetime]',
  postLink: ['a[href*="/p/"]', 'a[href*="/reel/"]', 'a[href*="/tv/"]'],
  time: 'time[datetime]',
  /** The author: the first profile link of the header, else of the post (the header comes first). */
  authorLinks: ['header a[href]', 'a[href]'],
  caption: ['h1'],
  likedBy: 'a[href$="/liked_by/"]',
  /** The likes line's own block (its link's parent where there is none). */
  likesBlock: 'section',
  comments: 'a[href$="/comments/"]',
  /** A profile link inside the likes line ("Liked by <a>bruno.k</a> and …"). */
  profileLink: 'a[href]:not([href$="/liked_by/"])',
  /** The action bar (like, comment, share, save: icon buttons) and the likes line after it. */
  actionBar: 'section:has(svg)',
  likesSection: 'section:has(svg) + section',
  /** 2026: the caption's block follows the bar and the likes line. */
  captionBlock: 'section ~ div',
  captionText: 'span[dir="auto"]',
  notCaption: 'a, [role="button"]',
  video: 'video',
} as const;

/** What the numbers after the action bar's first and second icons count. */
const BAR_METRICS = ['likes', 'replies'] as const;
type BarMetric = (typeof BAR_METRICS)[number];

const SHORTCODE = /\/(?:p|reel|reels|tv)\/([A-Za-z0-9_-]{5,40})(?:\/|$)/;
const REEL_PLAYER = /^\/reels?\/([A-Za-z0-9_-]{5,40})\/?$/;
const PERMALINK = /\/(?:p|reel|tv)\/[A-Za-z0-9_-]{5,40}\/?$/;
const POST_LIKERS = /\/(?:p|reel|tv)\/[A-Za-z0-9_-]{5,40}\/liked_by\/?$/;
const PROFILE_PATH = /^\/([A-Za-z0-9._]{1,30})\/?$/;
const NOT_PROFILES = new Set([
  'explore',
  'reels',
  'stories',
  'accounts',
  'direct',
  'p',
  'reel',
  'tv',
  'about',
  'legal',
]);
const OPTIONS = { rounding: 'halfExpand' } as const;

function shortcodeOf(href: string | null, base: URL): string | null {
  const url = absoluteUrl(href, base);
  return (url && SHORTCODE.exec(url.pathname)?.[1]) || null;
}

function profileOf(href: string | null, base: URL): string | undefined {
  const url = absoluteUrl(href, base);
  const name = url && url.hostname.endsWith('instagram.com') ? PROFILE_PATH.exec(url.pathname)?.[1] : undefined;
  return name && !NOT_PROFILES.has(name.toLowerCase()) ? name : undefined;
}

function authorOf(article: Element, base: URL): string | undefined {
  for (const selector of selectors.authorLinks) {
    for (const link of article.querySelectorAll(selector)) {
      const author = profileOf(attr(link, 'href'), base);
      if (author) return author;
    }
  }
  return undefined;
}

/** The first number in a line, as the page's language prints it; reported when unreadable or of another unit. */
function firstNumber(text: string, field: 'likes' | 'replies' | 'views', selector: string, ctx: ReadContext) {
  const unit = otherUnit(text, field);
  const [count] = unit ? [] : findCounts(text, ctx.locale, OPTIONS);
  if (count && count.precision !== 'unknown') return count;
  ctx.problem({ field, selector: unit ? `${selector} (counts "${unit}")` : selector, raw: text });
  return null;
}

/**
 * The numbers beside the action bar's icons (2025–): the element right after the first icon holds
 * the likes, after the second the comments. Icons are found by structure (an element holding an
 * svg), never by their labels, which are in the page's language.
 */
function barCounts(article: Element, ctx: ReadContext): Partial<Record<BarMetric, Count>> {
  const counts: Partial<Record<BarMetric, Count>> = {};
  const row = article.querySelector(selectors.actionBar)?.firstElementChild;
  let icons = 0;
  for (const child of row?.children ?? []) {
    if (child.querySelector('svg')) {
      icons++;
      continue;
    }
    const metric = BAR_METRICS[icons - 1];
    const text = textOf(child);
    if (!metric || !hasDigit(text) || !child.previousElementSibling?.querySelector('svg')) continue;
    const count = firstNumber(text, metric, `${selectors.actionBar} icon ${icons} + *`, ctx);
    if (count) counts[metric] = count;
  }
  return counts;
}

/** The 2026 caption: the first text span after the bar that is not a name, a mention or a button. */
function captionOf(article: Element): string {
  const heading = firstMatch(article, selectors.caption);
  if (heading) return textOf(heading);
  for (const span of article.querySelector(selectors.captionBlock)?.querySelectorAll(selectors.captionText) ?? []) {
    if (span.closest(selectors.notCaption) || span.querySelector(selectors.captionText)) continue;
    const text = textOf(span);
    if (text) return text;
  }
  return '';
}

/**
 * On the Reels player, whether this article is the reel the address names (the player keeps the
 * previous and the next reel mounted): by its own code, or, without one, by being the only reel.
 */
function playerRole(article: Element, ownCode: string | null, url: URL): 'active' | 'neighbour' | null {
  const active = REEL_PLAYER.exec(url.pathname)?.[1];
  if (!active) return null;
  if (ownCode) return ownCode === active ? 'active' : 'neighbour';
  return article.ownerDocument.querySelectorAll(selectors.article).length === 1 ? 'active' : 'neighbour';
}

/** The post's own likes link (a comment's links to …/c/<id>/liked_by/). */
function likesLink(article: Element, base: URL): Element | null {
  for (const link of article.querySelectorAll(selectors.likedBy)) {
    const url = absoluteUrl(attr(link, 'href'), base);
    if (url && POST_LIKERS.test(url.pathname)) return link;
  }
  return null;
}

function readLikes(article: Element, ctx: ReadContext): Count | null {
  const likedBy = likesLink(article, ctx.url);
  if (!likedBy) {
    // No likes link: a likes line drawn differently, or "Be the first to like this" (see above).
    // Video posts once showed their plays in that place, so they are not guessed at.
    const section = article.querySelector(selectors.video) ? null : article.querySelector(selectors.likesSection);
    const text = textOf(section);
    if (hasDigit(text)) return firstNumber(text, 'likes', selectors.likesSection, ctx);
    ctx.problem({ field: 'likes', selector: selectors.likedBy, raw: text });
    return null;
  }
  const line = likedBy.closest(selectors.likesBlock) ?? likedBy.parentElement ?? likedBy;
  const named = !!line.querySelector(selectors.profileLink);
  const text = textOf(likedBy);
  if (!hasDigit(text)) {
    // "Liked by X and others": the count exists and is withheld.
    return { precision: 'hidden', raw: textOf(line) };
  }
  const count = firstNumber(text, 'likes', selectors.likedBy, ctx);
  if (!count || !named || !('value' in count)) return count;
  // "Liked by X and N others": N others plus the one named.
  return countPlus(count, 1, 1, textOf(line));
}

/** The post's own time: the one linking to the post itself (comments link to …/c/<id>/). */
function permalinkTime(article: Element, base: URL): Element | null {
  for (const time of article.querySelectorAll(selectors.linkedTime)) {
    const url = absoluteUrl(attr(time.closest('a'), 'href'), base);
    if (url && PERMALINK.test(url.pathname)) return time;
  }
  return null;
}

function readArticle(article: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  const time = permalinkTime(article, ctx.url);
  const link = time?.closest('a') ?? firstMatch(article, selectors.postLink);
  const ownCode = shortcodeOf(attr(link, 'href'), ctx.url);
  if (playerRole(article, ownCode, ctx.url) === 'neighbour') return SKIP;
  const code = ownCode ?? shortcodeOf(ctx.url.pathname, ctx.url);
  if (!code) {
    ctx.problem({ field: 'id', selector: selectors.postLink.join(' | ') });
    return null;
  }
  const counts: Counts = barCounts(article, ctx);
  const likes = counts.likes ? null : readLikes(article, ctx);
  if (likes) counts.likes = likes;
  const commentsText = textOf(article.querySelector(selectors.comments));
  if (!counts.replies && hasDigit(commentsText)) {
    const replies = firstNumber(commentsText, 'replies', selectors.comments, ctx);
    if (replies) counts.replies = replies;
  }
  const draft: PostDraft = { platform: 'instagram', postId: code, url: `https://www.instagram.com/p/${code}/`, counts };
  const author = authorOf(article, ctx.url);
  if (author) draft.author = author;
  else ctx.problem({ field: 'author', selector: selectors.authorLinks.join(' | ') });
  const anyTime = time ?? article.querySelector(selectors.time);
  const postedAt = parseTime(attr(anyTime, 'datetime'));
  if (postedAt !== undefined) draft.postedAt = postedAt;
  const text = textSnippet(captionOf(article));
  if (text) draft.text = text;
  if (!anyTime) draft.promoted = true;
  return draft;
}

/** A reel tile: its play count is the number beside the view icon. */
function readTile(tile: Element, ctx: ReadContext): PostDraft | null {
  const code = shortcodeOf(attr(tile, 'href'), ctx.url);
  if (!code) {
    ctx.problem({ field: 'id', selector: selectors.tile });
    return null;
  }
  const counts: Counts = {};
  let holder = tile.querySelector(VIEW_ICON)?.parentElement ?? null;
  while (holder && holder !== tile && !hasDigit(textOf(holder))) holder = holder.parentElement;
  const text = holder ? textOf(holder) : '';
  const views = hasDigit(text) ? firstNumber(text, 'views', VIEW_ICON, ctx) : null;
  if (views) counts.views = views;
  const draft: PostDraft = { platform: 'instagram', postId: code, url: `https://www.instagram.com/p/${code}/`, counts };
  // Tiles link to /reel/<code>/ (or /<user>/reel/<code>/); on a profile the user is in the address.
  const author = [attr(tile, 'href'), ctx.url.pathname]
    .map((path) => profileOf(`/${absoluteUrl(path, ctx.url)?.pathname.split('/')[1] ?? ''}/`, ctx.url))
    .find(Boolean);
  if (author) draft.author = author;
  return draft;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  return post.matches(selectors.article) ? readArticle(post, ctx) : readTile(post, ctx);
}

/** The element right after the action bar's n-th icon (an element holding an svg). */
const barCount = (n: number) => `article section > div > :nth-child(${n} of :has(svg)) + :not(:has(svg))`;

export const instagram = defineAdapter({
  id: 'instagram',
  name: 'Instagram',
  hosts: ['instagram.com'],
  matches: ['https://instagram.com/*', 'https://www.instagram.com/*'],
  testUrls: [
    'https://www.instagram.com/',
    'https://www.instagram.com/p/C1aBcDeFgHi/',
    'https://www.instagram.com/ana.rides/reels/',
    'https://www.instagram.com/reels/DRe2Lm4Abc1/',
  ],
  postSelector: `${selectors.article}, ${TILE}`,
  // After the caption's last line (the 2026 caption span, or the older h1), inside the post: a badge
  // hung below a reel of the Reels player would overflow its fixed-height unit.
  overlayAnchor: ['h1', 'section ~ div > span[dir="auto"]'],
  watchAttributes: ['href', 'datetime'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts): a feed post's permalink wraps its time; profile grid
  // tiles (not read) have none.
  recognize: [
    {
      name: 'permalinks /p/<code> around a time',
      selector: 'a[href*="/p/"]:has(time), a[href*="/reel/"]:has(time)',
      id: /\/(?:p|reel)\/([\w-]+)/,
    },
  ],
  readPost,
  // In place (boxes kept): the likes line and "View all N comments" stay clickable, only blank.
  // The 2026 bar's numbers follow their icons: the element after the first icon (Like), the second (Comment).
  hide: {
    likes: ['article a[href$="/liked_by/"] span', barCount(1)],
    replies: ['article a[href$="/comments/"] span', barCount(2)],
    views: [`${TILE} span`],
    followers: ['a[href$="/followers/"] span', 'a[href$="/following/"] span'],
  },
});
