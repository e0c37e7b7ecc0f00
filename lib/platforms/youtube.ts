/**
 * YouTube (www.youtube.com, m.youtube.com).
 *
 * Two kinds of post unit, read differently:
 * - The watch page, read from its own block (2023+ `ytd-watch-metadata`, ≤2022
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
 * - List cards (`ytd-rich-item-renderer`, `ytd-video-renderer`, `ytd-compact-video-renderer`,
 *   `ytd-grid-video-renderer`, `yt-lockup-view-model`): the id comes from the card's `/watch?v=` or
 *   `/shorts/` link; views from the first item of the metadata row ("1.2M views", compact, so a
 *   range), made exact when the title's accessible label (2022–24 cards) holds a number agreeing
 *   with it. Cards show no likes: those stay absent, never 0.
 *
 * Traps: YouTube truncates compact numbers ("1.9K" for 1,999), so ranges use rounding 'trunc'. A
 * like button without any number (creator hid likes) is `hidden`, never 0; 0 is stored only when a
 * 0 is printed ("like this video along with 0 other people"; "No likes" alone has no number and
 * cannot be told from hidden, see NewPipeExtractor #1436). After in-app navigation the page may
 * briefly show the previous video's metadata under the new id, so a `ytd-watch-metadata` whose
 * `video-id` disagrees is not read. Pages visited earlier stay in the DOM, hidden
 * (`ytd-browse[hidden]` etc.): nothing in them is read, as their counts date from when they
 * were shown (and were read then); otherwise a card there would file old counts as new, beside
 * the watch page's exact ones. Mixes/playlists (`list=` links) and ads are not
 * videos and are skipped. Authors are the `/@handle` (without "@"), else the `/c/`, `/user/` name
 * or `/channel/` id the link carries (older pages have no handles).
 * Not read: the Shorts player (several reels are in the DOM at once) and mobile `ytm-*` markup.
 * Test URLs: https://www.youtube.com/watch?v=dQw4w9WgXcQ, https://www.youtube.com/,
 * https://m.youtube.com/shorts/dQw4w9WgXcQ
 */
import { boundsOf, textSnippet, type Count, type Counts } from '../model';
import { findCounts } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { absoluteUrl, attr, firstMatch, hasDigit, parseTime, textOf } from './dom';
import type { PostDraft, ReadContext } from './types';

const WATCH = 'ytd-watch-flexy, ytd-watch-grid';
const WATCH_UNIT = 'ytd-watch-metadata, ytd-video-primary-info-renderer, ytd-comments-header-renderer';
const CARD =
  'ytd-rich-item-renderer, ytd-video-renderer, ytd-compact-video-renderer, ytd-grid-video-renderer, yt-lockup-view-model';

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
  likeButton: 'button[aria-label]',
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
  cardLink: ['a[href*="/watch?v="]', 'a[href*="/shorts/"]'],
  cardTitle: ['#video-title', 'h3'],
  /** The title link whose label ends with the exact views (2022–24 cards; lockups have none). */
  cardTitleLabel: ['#video-title-link[aria-label]', '#video-title[aria-label]'],
  cardOwner: ['a[href^="/@"]', 'a[href^="/channel/"]', 'a[href^="/c/"]', 'a[href^="/user/"]'],
  /** The views item: ytd-video-meta-block (2019–24), then the lockup metadata rows (2024+, any class scheme). */
  cardViews: [
    '#metadata-line > span:first-of-type',
    'yt-content-metadata-view-model > div:last-of-type > span:first-of-type',
  ],
  cardAd: 'ytd-ad-slot-renderer, ytd-in-feed-ad-layout-renderer, ytd-promoted-video-renderer',
  /** A page YouTube keeps from earlier in the session (home, search, a watch page behind the miniplayer). */
  inactivePage:
    'ytd-page-manager > [hidden], ytd-browse[hidden], ytd-search[hidden], ytd-watch-flexy[hidden], ytd-watch-grid[hidden]',
} as const;

const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const SHORTS_PATH = /^\/shorts\/([A-Za-z0-9_-]{11})(?:[/?#]|$)/;
const CHANNEL_PATH = /^\/(?:@([^/?#]+)|channel\/([^/?#]+)|c\/([^/?#]+)|user\/([^/?#]+))/;
const TRUNC = { rounding: 'trunc' } as const;

interface VideoRef {
  id: string;
  shorts: boolean;
  /** The link also names a playlist or mix (`list=`): a card for it is not a video card. */
  list: boolean;
}

function videoOf(href: string | null, base: URL): VideoRef | null {
  const url = absoluteUrl(href, base);
  if (!url) return null;
  if (url.pathname === '/watch') {
    const id = url.searchParams.get('v');
    return id && VIDEO_ID.test(id) ? { id, shorts: false, list: url.searchParams.has('list') } : null;
  }
  const shorts = SHORTS_PATH.exec(url.pathname);
  return shorts ? { id: shorts[1]!, shorts: true, list: false } : null;
}

const permalink = (video: VideoRef) =>
  video.shorts ? `https://www.youtube.com/shorts/${video.id}` : `https://www.youtube.com/watch?v=${video.id}`;

function authorOf(link: Element | null): string | undefined {
  const match = CHANNEL_PATH.exec(attr(link, 'href') ?? '');
  const name = match?.[1] ?? match?.[2] ?? match?.[3] ?? match?.[4];
  if (!name) return undefined;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The first number in a text, read as YouTube prints it; unknown counts are reported. */
function firstCount(text: string, field: 'likes' | 'views' | 'replies', selector: string, ctx: ReadContext) {
  const [count] = findCounts(text, ctx.locale, TRUNC);
  if (count && count.precision !== 'unknown') return count;
  ctx.problem({ field, selector, raw: text });
  return null;
}

/**
 * Likes from the like control: its label's number (exact), else the visible text's (compact). A
 * rendered button with no number anywhere means the creator hid the count.
 */
function readLikes(control: Element, ctx: ReadContext): Count | null {
  const label = attr(control.querySelector(selectors.likeButton), 'aria-label');
  if (hasDigit(label)) return firstCount(label!, 'likes', selectors.likeButton, ctx);
  const visible = textOf(firstMatch(control, selectors.likeText) ?? control);
  if (hasDigit(visible)) return firstCount(visible, 'likes', selectors.likeText.join(' | '), ctx);
  // A button still being built has no label yet: that is not a hidden count.
  if (label === null) {
    ctx.problem({ field: 'likes', selector: selectors.likeButton });
    return null;
  }
  return { precision: 'hidden', raw: visible || label };
}

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
function readWatch(unit: Element, ctx: ReadContext): PostDraft | null {
  const page = unit.closest(WATCH);
  const viaComments = unit.matches(selectors.commentsHeader);
  // The comments header stands in for its page only once it shows a count.
  if (viaComments && !hasDigit(textOf(unit))) return null;
  const meta = viaComments ? page && firstMatch(page, selectors.watchBlock) : unit;
  if (!meta) return null;
  const pageId = attr(page, 'video-id');
  const metaId = attr(meta, 'video-id');
  // Mid-navigation the metadata may still describe the previous video.
  if (pageId && metaId && pageId !== metaId) return null;
  const id = [metaId, pageId, videoOf(ctx.url.href, ctx.url)?.id].find((v) => v && VIDEO_ID.test(v));

  const control = firstMatch(meta, selectors.likeControl);
  const info = firstMatch(meta, selectors.viewsBlock);
  const title = firstMatch(meta, selectors.title);
  if (!control && !info) {
    // Still being built (or the empty, hidden 2023 block on a 2022 page); with a title, it is not.
    if (title) ctx.problem({ field: 'likes', selector: selectors.likeControl.join(' | ') });
    return null;
  }
  if (!id) {
    ctx.problem({ field: 'id', selector: 'video-id' });
    return null;
  }
  const counts: Counts = {};
  const likes = control ? readLikes(control, ctx) : null;
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
  const author = authorOf(firstMatch(page ?? meta, selectors.owner));
  if (author) draft.author = author;
  const postedAt = publishedAt(meta.ownerDocument, id);
  if (postedAt !== undefined) draft.postedAt = postedAt;
  const text = textSnippet(textOf(title));
  if (text) draft.text = text;
  return draft;
}

/** Two readings of one count agree when their ranges overlap. */
function agrees(a: Count, b: Count): boolean {
  const x = boundsOf(a);
  const y = boundsOf(b);
  return !!x && !!y && x.min <= y.max && y.min <= x.max;
}

/**
 * Older cards' title label ends with the exact views ("<title> by Drumsy 5 months ago 25 minutes
 * 1,113,926 views"). Its words are localized and the title may hold numbers ("4K"), so the title
 * is cut off and the one exact number agreeing with the visible "1.1M" is taken, if there is one.
 */
function exactFromTitle(titleEl: Element | null, compact: Count, ctx: ReadContext): Count | null {
  const label = attr(titleEl, 'aria-label');
  if (!label || compact.precision !== 'rounded') return null;
  const title = attr(titleEl, 'title') ?? textOf(titleEl);
  const rest = title && label.startsWith(title) ? label.slice(title.length) : label;
  const matches = findCounts(rest, ctx.locale, TRUNC).filter((c) => c.precision === 'exact' && agrees(c, compact));
  const values = new Set(matches.map((c) => ('value' in c ? c.value : NaN)));
  return values.size === 1 ? matches[0]! : null;
}

function readCard(card: Element, ctx: ReadContext): PostDraft | null {
  // A rich item wrapping a lockup: the lockup (the innermost card) is read instead.
  if (card.querySelector(CARD)) return null;
  const link = firstMatch(card, selectors.cardLink);
  const video = videoOf(attr(link, 'href'), ctx.url);
  if (!video || video.list) {
    if (!link && !card.querySelector(selectors.cardAd) && card.querySelector('a[href]')) {
      ctx.problem({ field: 'id', selector: selectors.cardLink.join(' | ') });
    }
    return null;
  }
  const counts: Counts = {};
  const viewsEl = firstMatch(card, selectors.cardViews);
  const viewsText = viewsEl && !viewsEl.querySelector('a') ? textOf(viewsEl) : '';
  // "No views", "Scheduled for…" and live badges carry no number: views stay absent.
  if (hasDigit(viewsText)) {
    const compact = firstCount(viewsText, 'views', selectors.cardViews.join(' | '), ctx);
    if (compact) counts.views = exactFromTitle(firstMatch(card, selectors.cardTitleLabel), compact, ctx) ?? compact;
  }
  const draft: PostDraft = { platform: 'youtube', postId: video.id, url: permalink(video), counts };
  const author = authorOf(firstMatch(card, selectors.cardOwner));
  if (author) draft.author = author;
  const text = textSnippet(textOf(firstMatch(card, selectors.cardTitle)));
  if (text) draft.text = text;
  if (card.querySelector(selectors.cardAd)) draft.promoted = true;
  return draft;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null {
  // YouTube keeps the pages visited before in the DOM, hidden: their counts are from then.
  if (post.closest(selectors.inactivePage)) return null;
  return post.matches(WATCH_UNIT) ? readWatch(post, ctx) : readCard(post, ctx);
}

const cardViews = [
  ':is(ytd-rich-item-renderer, ytd-video-renderer, ytd-compact-video-renderer, ytd-grid-video-renderer) #metadata-line > span:first-of-type',
  'yt-lockup-view-model yt-content-metadata-view-model > div:last-of-type > span:first-of-type:not(:has(a))',
];

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
  postSelector: `${WATCH_UNIT}, ${CARD}`,
  // Cards: after "18K views • 3 days ago"; the watch page: after its title.
  overlayAnchor: ['#metadata-line', 'yt-content-metadata-view-model > div:last-of-type', '#title h1'],
  watchAttributes: ['aria-label', 'video-id', 'href'],
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
    ],
    // Subscribers under the channel name: kept in place, so the owner row keeps its height.
    followers: ['#owner-sub-count', '#subscriber-count'],
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
      ...cardViews,
      `${cardViews[0]} + span::before`,
      `${cardViews[1]} + span[aria-hidden="true"]`,
    ],
    replies: ['ytd-comments-header-renderer #count span:first-child'],
  },
});
