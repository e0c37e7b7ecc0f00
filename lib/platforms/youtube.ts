/**
 * YouTube (www.youtube.com, m.youtube.com). Three kinds of post unit, read differently:
 *
 * - The watch page, read here from its own block (2023+ `ytd-watch-metadata`, ≤2022
 *   `ytd-video-primary-info-renderer`; the player beside it changes every second and is never
 *   read): the video id is the block's or the `ytd-watch-flexy`/`ytd-watch-grid`'s `video-id`
 *   (else `?v=`). Likes come exact from the like button's accessible label ("like this video
 *   along with 13,802 other people"; localized, so only its number is read), views exact from
 *   `#view-count[aria-label]`, the info tooltip or the 2022 `span.view-count`, else from the
 *   compact visible text; comments from the comments header, which also counts as the page's unit
 *   because comments load late. YouTube builds like buttons three ways, all supported: 2024+
 *   `like-button-view-model`, 2023 `#segmented-like-button`, and the 2022
 *   `ytd-toggle-button-renderer` (the real capture). YouTube renamed its classes to camelCase in
 *   2026, so reading uses custom-element tags, ids and aria-labels, not classes.
 * - List cards (lib/platforms/youtube-cards.ts): views only, never watchers or waiters.
 * - The Shorts player (lib/platforms/youtube-shorts.ts): the active Short only, never a neighbour.
 *
 * Traps: YouTube truncates compact numbers ("1.9K" for 1,999), so ranges use rounding 'trunc'. A
 * like button without any number (creator hid likes) is `hidden`, never 0; 0 is stored only when a
 * 0 is printed ("like this video along with 0 other people"). After in-app navigation the page may
 * briefly show the previous video's metadata under the new id, so a `ytd-watch-metadata` whose
 * `video-id` disagrees is not read. Pages visited earlier stay in the DOM, hidden
 * (`ytd-browse[hidden]` etc.): nothing in them is read, as their counts date from when they
 * were shown (and were read then); otherwise a card there would file old counts as new, beside
 * the watch page's exact ones. Such elements are skipped by design and so are not candidates when
 * judging whether reading works (a search page placed after a hidden home page is not "unread").
 * Not read: mobile `ytm-*` markup.
 * Test URLs: https://www.youtube.com/watch?v=dQw4w9WgXcQ, https://www.youtube.com/,
 * https://m.youtube.com/shorts/dQw4w9WgXcQ
 */
import { textSnippet, type Count, type Counts } from '../model';
import { defineAdapter } from './define';
import { attr, firstMatch, hasDigit, parseTime, textOf } from './dom';
import { CARD, CARD_VIEWS, readCard } from './youtube-cards';
import { authorOf, firstCount, isVideoId, permalink, readLikes, videoOf } from './youtube-common';
import { readShort, SHORTS_HIDE, SHORTS_UNIT } from './youtube-shorts';
import { SKIP, type PostDraft, type ReadContext } from './types';

const WATCH = 'ytd-watch-flexy, ytd-watch-grid';
const WATCH_UNIT = 'ytd-watch-metadata, ytd-video-primary-info-renderer, ytd-comments-header-renderer';

const selectors = {
  /**
   * A watch page's own block: 2023+ `ytd-watch-metadata` (it names the video it describes, and lags
   * behind during navigation), ≤2022 `ytd-video-primary-info-renderer` (the real capture).
   */
  watchBlock: ['ytd-watch-metadata:not([hidden])', 'ytd-video-primary-info-renderer'],
  title: ['#title h1', 'h1'],
  owner: [
    '#owner a[href^="/@"]',
    'ytd-video-owner-renderer a[href^="/@"]',
    'ytd-video-owner-renderer a[href^="/channel/"]',
    'ytd-video-owner-renderer a[href^="/c/"]',
    'ytd-video-owner-renderer a[href^="/user/"]',
  ],
  likeControl: [
    'like-button-view-model', // 2023-10+ view-model buttons; the tag survived the 2026 class rename
    '#segmented-like-button', // 2023 segmented like/dislike
    '#top-level-buttons-computed > ytd-toggle-button-renderer:first-of-type', // ≤2022 (the real capture)
  ],
  /** The visible number: ≤2023 `#text`, else the button's own text. */
  likeText: ['#text', 'button'],
  viewsBlock: ['ytd-watch-info-text', 'ytd-video-view-count-renderer'],
  /** Exact views: the a11y label (2023+), the 2021–22 full-number span (class kept for that layout only). */
  viewsExact: ['#view-count[aria-label]', '.view-count'],
  /** "1,608,156 views • Aug 15, 2021": views come first in every language. */
  viewsTooltip: 'tp-yt-paper-tooltip',
  viewsCompact: ['#info > span:first-child', '.short-view-count'],
  comments: ['ytd-comments-header-renderer #count', '#comments #count'],
  commentsHeader: 'ytd-comments-header-renderer',
  /** The page's microformat (first-loaded video only, so its own videoId is checked). */
  published: '[itemprop="datePublished"], [itemprop="uploadDate"]',
  microformatId: '[itemprop="videoId"], [itemprop="identifier"]',
  /** A page YouTube keeps from earlier in the session (home, search, a watch page behind the miniplayer). */
  inactivePage:
    'ytd-page-manager > [hidden], ytd-browse[hidden], ytd-search[hidden], ytd-watch-flexy[hidden], ytd-watch-grid[hidden], ytd-shorts[hidden]',
} as const;

/** Views: an exact label or full number, the tooltip's first number, else the compact text. */
function readViews(info: Element, ctx: ReadContext): Count | null {
  const exactEl = firstMatch(info, selectors.viewsExact);
  const exactText = attr(exactEl, 'aria-label') ?? textOf(exactEl);
  if (hasDigit(exactText)) return firstCount(exactText, 'views', selectors.viewsExact.join(' | '), ctx);
  const tooltip = textOf(info.querySelector(selectors.viewsTooltip));
  if (hasDigit(tooltip)) return firstCount(tooltip, 'views', selectors.viewsTooltip, ctx);
  const compact = textOf(firstMatch(info, selectors.viewsCompact));
  if (hasDigit(compact)) return firstCount(compact, 'views', selectors.viewsCompact.join(' | '), ctx);
  ctx.problem({ field: 'views', selector: selectors.viewsCompact.join(' | '), raw: compact });
  return null;
}

/** Upload time from the page's microformat, when it describes this video. */
function publishedAt(doc: Document, id: string): number | undefined {
  const meta = doc.querySelector(selectors.published);
  if (!meta) return undefined;
  const scope = meta.closest('[itemscope]') ?? meta.parentElement;
  if (attr(scope?.querySelector(selectors.microformatId), 'content') !== id) return undefined;
  return parseTime(attr(meta, 'content'));
}

/**
 * A watch page, read from its metadata block (which holds the title, like button and views; the
 * player beside it changes every second and is never read). `unit` may also be the comments header,
 * which stands for the page it is on so that a comment count arriving late is read (a full scan
 * then yields the same reading twice; the page reader sends it once).
 */
function readWatch(unit: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  const page = unit.closest(WATCH);
  const viaComments = unit.matches(selectors.commentsHeader);
  // The comments header stands in for its page only once it shows a count; the 2023 block kept
  // hidden (and empty) on a 2022 page is not the page's.
  if (viaComments ? !hasDigit(textOf(unit)) : unit.hasAttribute('hidden')) return SKIP;
  const meta = viaComments ? page && firstMatch(page, selectors.watchBlock) : unit;
  if (!meta) return SKIP;
  const pageId = attr(page, 'video-id');
  const metaId = attr(meta, 'video-id');
  // Mid-navigation the metadata may still describe the previous video: read once it has caught up.
  if (pageId && metaId && pageId !== metaId) return SKIP;
  const id = [metaId, pageId, videoOf(ctx.url.href, ctx.url)?.id].find(isVideoId);

  const control = firstMatch(meta, selectors.likeControl);
  const info = firstMatch(meta, selectors.viewsBlock);
  const title = firstMatch(meta, selectors.title);
  if (!control && !info) {
    // Still being built: not a post yet. With a title shown, the layout is not one we know.
    if (!title) return SKIP;
    ctx.problem({ field: 'likes', selector: selectors.likeControl.join(' | ') });
    return null;
  }
  if (!id) {
    ctx.problem({ field: 'id', selector: 'video-id' });
    return null;
  }
  const counts: Counts = {};
  const likes = control ? readLikes(control, selectors.likeText, ctx) : null;
  if (!control) ctx.problem({ field: 'likes', selector: selectors.likeControl.join(' | ') });
  if (likes) counts.likes = likes;
  const views = info ? readViews(info, ctx) : null;
  if (!info) ctx.problem({ field: 'views', selector: selectors.viewsBlock.join(' | ') });
  if (views) counts.views = views;
  const comments = textOf(page && firstMatch(page, selectors.comments));
  if (hasDigit(comments)) {
    const replies = firstCount(comments, 'replies', selectors.comments.join(' | '), ctx);
    if (replies) counts.replies = replies;
  }

  const draft: PostDraft = {
    platform: 'youtube',
    postId: id,
    url: permalink({ id, shorts: false, list: false }),
    counts,
  };
  const author = authorOf(firstMatch(page ?? meta, selectors.owner), ctx.url);
  if (author) draft.author = author;
  const postedAt = publishedAt(meta.ownerDocument, id);
  if (postedAt !== undefined) draft.postedAt = postedAt;
  const text = textSnippet(textOf(title));
  if (text) draft.text = text;
  return draft;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  // YouTube keeps the pages visited before in the DOM, hidden: their counts are from then.
  if (post.closest(selectors.inactivePage)) return SKIP;
  if (post.matches(WATCH_UNIT)) return readWatch(post, ctx);
  return post.matches(SHORTS_UNIT) ? readShort(post, ctx) : readCard(post, ctx);
}

export const youtube = defineAdapter({
  id: 'youtube',
  name: 'YouTube',
  hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com'],
  matches: ['https://youtube.com/*', 'https://www.youtube.com/*', 'https://m.youtube.com/*'],
  testUrls: [
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/',
    'https://m.youtube.com/shorts/dQw4w9WgXcQ',
  ],
  postSelector: `${WATCH_UNIT}, ${CARD}, ${SHORTS_UNIT}`,
  // Cards: after "18K views • 3 days ago"; the watch page: after its title.
  overlayAnchor: ['#metadata-line', 'yt-content-metadata-view-model > div:last-of-type', '#title h1'],
  // The Shorts player has no free place: its video is covered by its own controls (README).
  overlaySkip: SHORTS_UNIT,
  // `is-active` moves to the Short on screen as the user swipes.
  watchAttributes: ['aria-label', 'video-id', 'href', 'is-active'],
  rounding: 'trunc',
  // Drift detection (lib/reader/drift.ts): video links; the Shorts player, the player's end
  // screen, playlists and mobile pages are left alone by design.
  recognize: [
    {
      name: 'video links /watch?v=<id>, /shorts/<id>',
      selector: 'a[href*="/watch?v="], a[href*="/shorts/"]',
      id: /(?:[?&]v=|\/shorts\/)([\w-]{11})/,
      ignoreInside:
        'ytd-shorts, ytd-reel-video-renderer, #movie_player, ytd-playlist-panel-renderer, ytd-miniplayer, ytm-app',
    },
  ],
  readPost,
  hide: {
    // The number inside the like button; the button keeps its size and stays clickable.
    likes: [
      'like-button-view-model button > div:not([aria-hidden="true"])',
      '#segmented-like-button button > div:not([aria-hidden="true"])',
      '#segmented-like-button #text',
      '#top-level-buttons-computed > ytd-toggle-button-renderer:first-of-type #text',
      ...SHORTS_HIDE.likes,
    ],
    replies: SHORTS_HIDE.replies,
    // Subscribers under the channel name: kept in place, so the owner row keeps its height.
    followers: ['#owner-sub-count', '#subscriber-count'],
    // The count on the masthead's bell: `#notification-count` (2022 markup), the badge shape since.
    notifications: [
      'ytd-notification-topbar-button-renderer #notification-count',
      'ytd-notification-topbar-button-renderer .yt-spec-icon-badge-shape__badge',
    ],
  },
  collapse: {
    views: [
      // 2023+ watch page: "1.3M views" and the spacer after it; the date stays.
      'ytd-watch-info-text #info > span:first-child',
      'ytd-watch-info-text #info > span:first-child + span',
      // Its hover tooltip repeats the exact views (and the date shown beside it).
      'ytd-watch-info-text tp-yt-paper-tooltip',
      // ≤2022 watch page: the count and the "•" before the date (ImprovedTube's #count + #dot).
      'ytd-video-primary-info-renderer #count',
      'ytd-video-primary-info-renderer #count + #info-strings > #dot',
      // Cards: the views item and its separator, so no orphan "•" is left (HYN, ImprovedTube #926).
      ...CARD_VIEWS,
      `${CARD_VIEWS[0]} + span::before`,
      `${CARD_VIEWS[1]} + span[aria-hidden="true"]`,
    ],
    replies: ['ytd-comments-header-renderer #count span:first-child'],
  },
});
