/**
 * Reddit (www./sh.reddit.com: "shreddit"; new.reddit.com: the 2018–2023 redesign, see
 * reddit-redesign.ts; old.reddit.com: the classic listing).
 *
 * Post unit: `shreddit-post` (new Reddit, a custom element), `div[data-testid="post-container"]`
 * (the redesign) and `div.thing` with a `t3_` fullname (old Reddit). Comments (`shreddit-comment`, old Reddit's `t1_` things) are not posts for
 * Feedlens and are never matched.
 *
 * Id and permalink: the post's fullname (`t3_…`, the element's `id` / `data-fullname`) is the
 * post id on every host, and the permalink is rebuilt as `https://www.reddit.com/r/<sub>/comments/
 * <id>/<slug>/`, so the same post read on old., new. or www. is one record.
 *
 * Counts: new Reddit puts exact net score and comment count on the element itself (`score`,
 * `comment-count`); its vote/comment buttons (`faceplate-number[number]`) sit inside a declarative
 * shadow root in the 2026 feed, out of reach of `querySelector`, and are only a fallback for
 * builds that render them in the light DOM. Old Reddit has `data-score` / `data-comments-count`;
 * its 2015 markup (still what some pages serve) has only the `.score` text of the vote column's
 * current state and "7 comments" in `a.comments`, which are the fallbacks.
 *
 * Traps:
 * - Reddit "likes" are the NET score (upvotes − downvotes), deliberately fuzzed by Reddit, and can
 *   be negative: stored as `likes` with the value shown, negative included.
 * - A score hidden for a post's first hours shows "•" (old Reddit; `data-score` then holds a
 *   placeholder), read as `hidden`, never as a number.
 * - Old Reddit prints "comment" without a number when a post has none: that is a shown zero.
 * - No view counts exist. Promoted posts (`is-promoted`, `data-promoted="true"`) are flagged.
 * Test URLs: https://www.reddit.com/, https://old.reddit.com/r/programming/, https://sh.reddit.com/r/de/
 */
import { exact, textSnippet, type Count } from '../model';
import { countsSomethingElse } from '../numbers/other-quantities';
import { findCounts, parseCount } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { attr, firstMatch, hasBrokenNumber, hasDigit, parseTime, textOf, pathOf } from './dom';
import { readRedesign, REDESIGN_POST, redesignSelectors } from './reddit-redesign';
import { SKIP, type PostDraft, type ReadContext } from './types';

const selectors = {
  post: `shreddit-post, div.thing[data-fullname^="t3_"], ${REDESIGN_POST}`,
  /** New Reddit's light-DOM counters (pre-2024 shreddit builds); the 2026 feed renders them in a shadow root. */
  newScore: [
    '[data-post-click-location="vote"] faceplate-number[number]',
    '[data-testid="vote-arrows"] faceplate-number[number]',
  ],
  newComments: [
    'a[data-post-click-location="comments-button"] faceplate-number[number]',
    'a[name="comments-action-button"] faceplate-number[number]',
  ],
  newPermalink: ['a[slot="full-post-link"][href]', 'a[slot="title"][href]'],
  /** Old Reddit (both the current markup and 2015's): the vote column and the entry beside it. */
  oldVoteColumn: ':scope > .midcol',
  oldComments: [':scope > .entry a.comments', ':scope > .entry a.bylink[data-event-action="comments"]'],
  oldTitle: [':scope > .entry a.title'],
  oldTime: [':scope > .entry .tagline time[datetime]'],
  oldAuthor: [':scope > .entry .tagline a.author'],
} as const;

const FULLNAME = /^t3_([a-z0-9]+)$/i;
/** /r/<sub>/comments/<id>/<slug>/ — also /user/<name>/… (profile posts) and bare /comments/<id>. */
const PERMALINK = /^\/(?:(r|u|user)\/([^/]+)\/)?comments\/([a-z0-9]+)(?:\/([^/?#]*))?/i;
const INTEGER = /^-?\d{1,15}$/;
/** shreddit's "2026-06-12T22:27:28.996000+0000": microseconds and a colon-less offset. */
const SHREDDIT_TIME = /^(.+T\d\d:\d\d:\d\d)(?:\.(\d{1,3})\d*)?(Z|[+-]\d\d:?\d\d)?$/;
const HIDDEN_SCORE = '•';
const NO_AUTHOR = new Set(['[deleted]', '[removed]']);

interface Permalink {
  id: string;
  url: string;
}

function permalinkOf(href: string | null, base: URL): Permalink | null {
  const path = pathOf(href, base);
  if (!path) return null;
  const match = PERMALINK.exec(path);
  if (!match) return null;
  const [, kind, name, id, slug] = match;
  const where = kind ? `${kind.toLowerCase() === 'r' ? 'r' : 'user'}/${name}/` : '';
  const id36 = id!.toLowerCase();
  return { id: id36, url: `https://www.reddit.com/${where}comments/${id36}/${slug ? `${slug}/` : ''}` };
}

/** An integer attribute; negative only for the net score (`signed`), never for a comment count. */
function integerAttr(element: Element | null, name: string, signed = false): Count | null {
  const value = attr(element, name);
  if (!value || !INTEGER.test(value) || (!signed && value.startsWith('-'))) return null;
  return exact(Number(value), value);
}

/** shreddit's created-timestamp, or an ISO time; epoch ms. */
function shredditTime(value: string | null): number | undefined {
  const match = value ? SHREDDIT_TIME.exec(value) : null;
  if (!match) return parseTime(value);
  const [, base, ms = '0', zone = 'Z'] = match;
  const offset = zone === 'Z' ? zone : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return parseTime(`${base}.${ms.padEnd(3, '0')}${offset}`);
}

function readNew(post: Element, ctx: ReadContext, draft: PostDraft): void {
  const score = integerAttr(post, 'score', true) ?? integerAttr(firstMatch(post, selectors.newScore), 'number', true);
  if (score) draft.counts.likes = score;
  else ctx.problem({ field: 'likes', selector: `[score] | ${selectors.newScore.join(' | ')}` });
  const comments = integerAttr(post, 'comment-count') ?? integerAttr(firstMatch(post, selectors.newComments), 'number');
  if (comments) draft.counts.replies = comments;
  else ctx.problem({ field: 'replies', selector: `[comment-count] | ${selectors.newComments.join(' | ')}` });
  const author = attr(post, 'author');
  if (author && !NO_AUTHOR.has(author)) draft.author = author;
  const postedAt = shredditTime(attr(post, 'created-timestamp'));
  if (postedAt !== undefined) draft.postedAt = postedAt;
  const text = textSnippet(attr(post, 'post-title'));
  if (text) draft.text = text;
  const promoted = attr(post, 'is-promoted');
  if (post.hasAttribute('is-promoted') && promoted !== 'false') draft.promoted = true;
}

/** The score old Reddit shows: the vote column holds one `.score` per vote state, and shows the current one. */
function oldScore(post: Element, ctx: ReadContext): Count | null {
  const column = post.querySelector(selectors.oldVoteColumn);
  const state = column?.classList.contains('likes')
    ? 'likes'
    : column?.classList.contains('dislikes')
      ? 'dislikes'
      : 'unvoted';
  const shown = column?.querySelector(`.score.${state}`) ?? column?.querySelector('.score') ?? null;
  const text = textOf(shown);
  // Hidden for now: `data-score` then holds a placeholder, not the score.
  if (text === HIDDEN_SCORE) return { precision: 'hidden', raw: text };
  const fromAttr = integerAttr(post, 'data-score', true) ?? integerAttr(shown, 'title', true);
  if (fromAttr) return fromAttr;
  // 2015 markup: the shown text ("126", "-3", "12.3k").
  if (hasDigit(text)) return parseCount(text, ctx.locale, { signed: true });
  return hasBrokenNumber(text) ? { precision: 'unknown', raw: text } : null;
}

/** Old Reddit's comment count: the attribute, else the number in "7 comments"; "comment" alone is zero. */
function oldComments(post: Element, ctx: ReadContext): Count | null {
  const fromAttr = integerAttr(post, 'data-comments-count');
  if (fromAttr) return fromAttr;
  const link = firstMatch(post, selectors.oldComments);
  if (!link) return null;
  const text = textOf(link);
  // "comment" alone is a shown zero; "NaN comments" is not.
  if (!hasDigit(text))
    return hasBrokenNumber(text) ? { precision: 'unknown', raw: text } : text ? exact(0, text) : null;
  const numbers = findCounts(text, ctx.locale);
  if (numbers.length !== 1 || countsSomethingElse(text)) return { precision: 'unknown', raw: text };
  return numbers[0]!;
}

function readOld(post: Element, ctx: ReadContext, draft: PostDraft): void {
  const score = oldScore(post, ctx);
  if (score && score.precision !== 'unknown') draft.counts.likes = score;
  else
    ctx.problem({
      field: 'likes',
      selector: `${selectors.oldVoteColumn} .score`,
      ...(score?.raw ? { raw: score.raw } : {}),
    });
  const comments = oldComments(post, ctx);
  if (comments && comments.precision !== 'unknown') draft.counts.replies = comments;
  else
    ctx.problem({
      field: 'replies',
      selector: selectors.oldComments.join(' | '),
      ...(comments?.raw ? { raw: comments.raw } : {}),
    });
  const author = attr(post, 'data-author') ?? (textOf(firstMatch(post, selectors.oldAuthor)) || null);
  if (author && !NO_AUTHOR.has(author)) draft.author = author;
  const timestamp = attr(post, 'data-timestamp');
  const postedAt =
    timestamp && INTEGER.test(timestamp)
      ? Number(timestamp)
      : parseTime(attr(firstMatch(post, selectors.oldTime), 'datetime'));
  if (postedAt !== undefined) draft.postedAt = postedAt;
  const text = textSnippet(textOf(firstMatch(post, selectors.oldTitle)));
  if (text) draft.text = text;
  if (attr(post, 'data-promoted') === 'true' || post.classList.contains('promotedlink')) draft.promoted = true;
}

type Layout = 'new' | 'redesign' | 'old';

function layoutOf(post: Element): Layout {
  if (post.localName === 'shreddit-post') return 'new';
  return post.hasAttribute('data-fullname') ? 'old' : 'redesign';
}

function permalinkHref(post: Element, layout: Layout): string | null {
  if (layout === 'new') return attr(post, 'permalink') ?? attr(firstMatch(post, selectors.newPermalink), 'href');
  if (layout === 'old') return attr(post, 'data-permalink') ?? attr(firstMatch(post, selectors.oldComments), 'href');
  return attr(firstMatch(post, redesignSelectors.permalink), 'href');
}

const ID_SOURCE: Record<Layout, string> = {
  new: 'shreddit-post[id] | [permalink]',
  old: 'div.thing[data-fullname]',
  redesign: `${REDESIGN_POST} | ${redesignSelectors.permalink.join(' | ')}`,
};

function readPost(post: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  const layout = layoutOf(post);
  const link = permalinkOf(permalinkHref(post, layout), ctx.url);
  const fullname = FULLNAME.exec(attr(post, layout === 'old' ? 'data-fullname' : 'id') ?? '')?.[1]?.toLowerCase();
  // The redesign's ad units: a tracking token for an id, no permalink, no votes.
  if (layout === 'redesign' && !fullname && !link) return SKIP;
  const id = fullname ?? link?.id;
  if (!id) {
    ctx.problem({ field: 'id', selector: ID_SOURCE[layout] });
    return null;
  }
  const draft: PostDraft = {
    platform: 'reddit',
    postId: `t3_${id}`,
    url: link && link.id === id ? link.url : `https://www.reddit.com/comments/${id}/`,
    counts: {},
  };
  if (layout === 'new') readNew(post, ctx, draft);
  else if (layout === 'old') readOld(post, ctx, draft);
  else readRedesign(post, ctx, draft);
  return draft;
}

const oldLink = '.thing.link';

/** Every attribute of new Reddit's post element that a reading of it comes from (readNew, readPost). */
const NEW_READING_ATTRS = 'id permalink score comment-count author created-timestamp post-title is-promoted'.split(' ');

/**
 * New Reddit's post element carries its whole reading as attributes, which Reddit rewrites on every
 * vote or comment: the same attributes are the same reading. Where a count is not a plain integer
 * there (a hidden score) or the layout is older, the reading comes from the post's markup: no print.
 */
function quickPrint(post: Element): string | null {
  if (post.localName !== 'shreddit-post' || !post.hasAttribute('id') || !post.hasAttribute('permalink')) return null;
  if (!integerAttr(post, 'score', true) || !integerAttr(post, 'comment-count')) return null;
  return NEW_READING_ATTRS.map((name) => post.getAttribute(name) ?? '\u0000').join('\u0001');
}

export const reddit = defineAdapter({
  id: 'reddit',
  name: 'Reddit',
  hosts: ['reddit.com'],
  matches: [
    'https://www.reddit.com/*',
    'https://old.reddit.com/*',
    'https://new.reddit.com/*',
    'https://sh.reddit.com/*',
    'https://reddit.com/*',
  ],
  testUrls: ['https://www.reddit.com/', 'https://old.reddit.com/r/programming/', 'https://sh.reddit.com/r/de/'],
  postSelector: selectors.post,
  // After the subreddit in new Reddit's credit bar (slotted into the card); old Reddit's "submitted … by …"
  // line; the redesign's "Posted by" bar.
  overlayAnchor: [':scope > [slot="credit-bar"]', ':scope > .entry .tagline', '[data-adclicklocation="top_bar"]'],
  watchAttributes: ['score', 'comment-count', 'number', 'data-score', 'data-comments-count'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts): post fullnames (`t3_<id>`, the element id in every layout
  // since 2018) and permalinks; comments link to their post and are not posts.
  recognize: [
    { name: 'post fullnames id=t3_<id>', selector: '[id^="t3_"]', attribute: 'id', id: /^t3_([a-z0-9]+)$/ },
    {
      name: 'permalinks /comments/<id>',
      selector: 'a[href*="/comments/"]',
      id: /\/comments\/([a-z0-9]+)/,
      ignoreInside: 'shreddit-comment, shreddit-profile-comment, .thing.comment, [data-testid="comment"]',
    },
  ],
  readPost,
  quickPrint,
  // New Reddit's 2026 feed renders its vote and comment counters inside each post's shadow root,
  // which page CSS cannot reach: `shadowHide` styles them from inside that root. The shreddit
  // selectors in `hide` cover builds that render them in the light DOM. Old Reddit's "7 comments" is one text node in the link to the comments: CSS
  // could only hide the whole link, which would take the way to the comments with it, so it stays.
  hide: {
    likes: [
      `${oldLink} > .midcol .score`,
      redesignSelectors.hideScore,
      'shreddit-post [data-post-click-location="vote"] faceplate-number',
      'shreddit-post [data-testid="vote-arrows"] faceplate-number',
    ],
    replies: [
      'shreddit-post a[data-post-click-location="comments-button"] faceplate-number',
      'shreddit-post a[name="comments-action-button"] faceplate-number',
      // The redesign's "2.8k comments" is one text node: its span goes, the icon and link stay.
      redesignSelectors.hideComments,
    ],
    followers: ['#header .userkarma'],
    // Old Reddit's unread count beside the envelope in the header: a second link to the unread
    // messages; the envelope stays, and stays that link.
    notifications: ['#header a.message-count'],
  },
  // A vote: old Reddit marks the arrows `upmod`/`downmod` (and the score column `likes`/`dislikes`);
  // shreddit's vote buttons (inside the post's shadow root, or in the light DOM) are pressed.
  acted: [
    '.midcol .arrow.upmod',
    '.midcol .arrow.downmod',
    'button[upvote][aria-pressed="true"]',
    'button[downvote][aria-pressed="true"]',
  ],
  shadowHide: {
    hosts: 'shreddit-post',
    hide: {
      likes: ['[data-post-click-location="vote"] faceplate-number', '[data-testid="vote-arrows"] faceplate-number'],
      replies: [
        'a[data-post-click-location="comments-button"] faceplate-number',
        'a[name="comments-action-button"] faceplate-number',
      ],
    },
  },
  collapse: {
    // "126 points (95% upvoted)" beside an old Reddit post; "5 points" in a comment's byline.
    likes: ['.linkinfo .score', '.thing.comment > .entry .tagline .score'],
    // "1,234 post karma" on an old Reddit profile: the number goes, the words stay.
    followers: ['.side .titlebox .karma'],
  },
});
