/**
 * LinkedIn (linkedin.com, and country subdomains such as uk.linkedin.com, which serve logged-out pages).
 *
 * LinkedIn serves several DOM generations at once, per account and per page; each has its post unit:
 * - classic (Ember) feed: `div[data-urn^="urn:li:activity:"]` (`.feed-shared-update-v2`). Its classes
 *   are semantic BEM (`social-details-social-counts__…`), stable for years, so counts come from them;
 * - logged-out guest pages (company pages, /posts/ pages): `article[data-activity-urn]`, counts in
 *   `data-num-reactions` / `data-num-comments` attributes (exact);
 * - the server-driven UI (SDUI, 2025–), hashed classes: `[data-view-name="feed-full-update"]` with
 *   `feed-reaction-count` / `feed-comment-count` / `feed-repost-count` hooks (not seen on a 2026 page);
 * - the variant with neither semantic classes nor data-view-name, a feed slot
 *   `div[role="listitem"][componentkey]`: what a logged-in feed saved in June 2026 shows, read as
 *   linkedin-2026.ts describes (id from the comment box's key, else a fingerprint; author; counts by
 *   their place in the action bar).
 *
 * Id: the activity URN (`urn:li:activity:<19 digits>`) from `data-urn`, the guest card's featured
 * activity (a repost card shows, and counts, the post it features), the SDUI slot's componentkey
 * (see linkedin-ids.ts), the 2026 comment box's key (an activity, or a ugcPost keyed `ugcPost:<id>`),
 * or a /feed/update/ link. URL: `https://www.linkedin.com/feed/update/urn:li:activity:<id>/`
 * (`urn:li:ugcPost:<id>` for a ugcPost).
 * Time: the id's first 41 bits (guest cards: the featured content's own URN, which is what their
 * "4d" label counts from). Author: the actor link's `/in/<slug>` (people) or `company/<slug>`.
 *
 * Traps: the social-proof sentence "Ana Souza and 676 others" (pt "Fulano e mais 676 pessoas") is
 * read as 677 `estimated` (one or two people are named: [677, 678]); a number that starts the text
 * ("1,234", "1,234 reactions") is the total. Which element holds which count is decided by structure,
 * and numbers are read without their words, so every UI language works; a number whose words name
 * another unit (a video's "1,234 views" where the reposts item would be) is not stored under the place's
 * metric (lib/platforms/other-units.ts). An exact label a number's element names (`aria-labelledby`)
 * wins over its visible text. Counts LinkedIn leaves out
 * (no comments yet) stay unknown: LinkedIn never prints a zero. Comments inside a post are skipped.
 * Test URLs: https://www.linkedin.com/feed/, https://www.linkedin.com/feed/update/urn:li:activity:7264932986881358253/,
 * https://uk.linkedin.com/company/audiense
 */
import { countPlus, hasValue, textSnippet, type Count, type Counts, type Metric } from '../model';
import { findCounts, parseCount } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { attr, hasDigit, ownFirstMatch, textOf } from './dom';
import { fallbackKey, textStart } from './fingerprint';
import { actorOf, BAR_GROUPS, barCount, barCountAndLabel, labelOf, profileUrl, toolsKeyOf } from './linkedin-2026';
import {
  activityIdFromSlotKey,
  activityIdIn,
  activityUrl,
  handleFromHref,
  idTime,
  postIdFromToolsKey,
} from './linkedin-ids';
import { otherUnit } from './other-units';
import type { PostDraft, ReadContext } from './types';

type Layout = 'classic' | 'guest' | 'sdui' | 'bare';
type Read = 'likes' | 'replies' | 'reposts' | 'views';
/** Where a count is: an element, and (guest markup) the attribute holding the exact number. */
type Source = { sel: string; attr?: string };

const POST: Record<Layout, string> = {
  classic: '[data-urn^="urn:li:activity:"]',
  guest: 'article[data-activity-urn^="urn:li:activity:"]',
  sdui: '[data-view-name="feed-full-update"]',
  bare: 'div[role="listitem"][componentkey*="FeedType_"]:not(:has([data-view-name="feed-full-update"]))',
};
const LAYOUTS = Object.keys(POST) as Layout[];
const counts = '.social-details-social-counts';

const selectors = {
  post: Object.values(POST).join(', '),
  /** What is not the post's own: comments, embedded (reshared) updates, cards nested in a slot. */
  notOwn:
    '.comments-comments-list, .comments-comment-entity, .comments-comment-item, [componentkey^="replaceableComment_"], ' +
    '[data-view-name="comment-container"], .update-components-mini-update-v2, [data-view-name="feed-reshare"], [role="listitem"]',
  slot: '[componentkey*="FeedType_"]',
  link: 'a[href*="/feed/update/urn:li:activity:"], a[href*="-activity-"]',
  sponsored: '[data-view-tracking-scope*="SPONSORED_UPDATE"]',
  layouts: {
    classic: {
      author: ['a.update-components-actor__meta-link', '.update-components-actor__container a[href]'],
      text: [
        '.update-components-update-v2__commentary',
        '.update-components-text',
        '.feed-shared-update-v2__description',
      ],
      likes: [
        // Beside a social-proof sentence, the total (shown when the sentence does not fit).
        { sel: `${counts}__social-proof-fallback-number` },
        { sel: `${counts}__reactions-count` },
        { sel: `${counts}__social-proof-text` },
        { sel: `${counts}__reactions button[aria-label]` },
      ],
      replies: [{ sel: `${counts}__comments` }],
      // The reposts item has no class of its own: the item that is neither reactions nor comments.
      reposts: [{ sel: `${counts}__item:not(${counts}__reactions, ${counts}__comments)` }],
    },
    guest: {
      author: ['[data-test-id="main-feed-activity-card__entity-lockup"] a[href]'],
      text: ['[data-test-id="main-feed-activity-card__commentary"]'],
      likes: [
        { sel: '[data-num-reactions]', attr: 'data-num-reactions' },
        { sel: '[data-test-id="social-actions__reaction-count"]' },
      ],
      replies: [{ sel: '[data-num-comments]', attr: 'data-num-comments' }],
      reposts: [],
    },
    sdui: {
      author: ['a[data-view-name="feed-actor-image"]', '[data-view-name="feed-actor-image"] a[href]'],
      text: ['[data-view-name="feed-commentary"]', '[data-testid="expandable-text-box"]'],
      likes: [{ sel: '[data-view-name="feed-reaction-count"]' }, { sel: '[data-reaction-details]' }],
      replies: [{ sel: '[data-view-name="feed-comment-count"]' }],
      reposts: [{ sel: '[data-view-name="feed-repost-count"]' }],
    },
    // No classes, no data-view-name: the author by position (linkedin-2026.ts), counts by their group.
    bare: {
      author: [],
      text: ['[data-testid="expandable-text-box"]'],
      likes: [{ sel: barCount(BAR_GROUPS.likes) }, { sel: '[data-reaction-details]' }],
      replies: [{ sel: barCount(BAR_GROUPS.replies) }],
      reposts: [{ sel: barCount(BAR_GROUPS.reposts) }],
    },
  } satisfies Record<Layout, { author: string[]; text: string[] } & Record<Exclude<Read, 'views'>, Source[]>>,
  /** Own posts: "2,345 impressions", a link to the post's analytics (every layout). */
  views: [{ sel: 'a[href*="/analytics/post-summary/"]' }] as Source[],
  moreButton: '[data-testid="expandable-text-button"]',
} as const;

const BOUNDARY = `${selectors.post}, ${selectors.notOwn}`;
/** The text starts with its number ("1,234", "1,234 reactions"): that number is the total. */
const NUMBER_FIRST = /^[^\p{L}\p{Nd}]*\p{Nd}/u;

function layoutOf(post: Element): Layout {
  return LAYOUTS.find((layout) => post.matches(POST[layout])) ?? 'sdui';
}

function activityOf(post: Element, layout: Layout): string | null {
  if (layout === 'guest') {
    return activityIdIn(attr(post, 'data-featured-activity-urn')) ?? activityIdIn(attr(post, 'data-activity-urn'));
  }
  const fromAttr = activityIdIn(attr(post.closest(POST.classic), 'data-urn'));
  if (fromAttr) return fromAttr;
  const slot = post.closest(selectors.slot) ?? post.querySelector(selectors.slot);
  const fromSlot = activityIdFromSlotKey(attr(slot, 'componentkey'));
  if (fromSlot) return fromSlot;
  return (
    activityIdIn(attr(ownFirstMatch(post, [selectors.link], BOUNDARY), 'href')) ?? postIdFromToolsKey(toolsKeyOf(post))
  );
}

/**
 * The total a reactions element shows: "1,234" or "1,234 reactions" (number first) is the number;
 * a sentence that names people first counts the others, so the total is one or two more.
 */
function reactionTotal(text: string, ctx: ReadContext): Count | null {
  const numbers = findCounts(text, ctx.locale);
  if (numbers.length === 0) return null;
  if (NUMBER_FIRST.test(text)) return numbers[0]!;
  const others = numbers[numbers.length - 1]!;
  return hasValue(others) ? countPlus(others, 1, 2, text) : others;
}

function readCount(post: Element, metric: Read, sources: readonly Source[], ctx: ReadContext): Count | undefined {
  let failed: { sel: string; raw: string } | undefined;
  for (const source of sources) {
    const el = ownFirstMatch(post, [source.sel], BOUNDARY);
    if (!el) continue;
    const exact = source.attr ? attr(el, source.attr) : null;
    if (exact && /^\d+$/.test(exact)) return parseCount(exact, 'en');
    // The label the element names (2026: "16 reactions" beside a visible "16"), else its visible
    // text (what the user sees), else its own accessible label.
    let text = labelOf(post, el) ?? textOf(el);
    if (!hasDigit(text)) text = attr(el, 'aria-label') ?? text;
    const unit = otherUnit(text, metric);
    if (unit) {
      failed ??= { sel: `${source.sel} (counts "${unit}")`, raw: text };
      continue;
    }
    const count = !hasDigit(text)
      ? null
      : metric === 'likes'
        ? reactionTotal(text, ctx)
        : (findCounts(text, ctx.locale)[0] ?? null);
    if (count && count.precision !== 'unknown') return count;
    failed ??= { sel: source.sel, raw: text };
  }
  // An element was there but held no readable number, and no fallback did better.
  if (failed) ctx.problem({ field: metric, selector: failed.sel, raw: failed.raw });
  return undefined;
}

function textOfPost(post: Element, layout: Layout): string | undefined {
  const box = ownFirstMatch(post, selectors.layouts[layout].text, BOUNDARY);
  let text = textOf(box);
  // SDUI puts its "…more" button inside the text box.
  const more = textOf(box?.querySelector(selectors.moreButton));
  if (more && text.endsWith(more)) text = text.slice(0, -more.length);
  return textSnippet(text);
}

function authorOf(post: Element, layout: Layout, base: URL): string | undefined {
  const spec = selectors.layouts[layout];
  if (layout === 'bare') return actorOf(post, ownFirstMatch(post, spec.text, BOUNDARY), base);
  return handleFromHref(attr(ownFirstMatch(post, spec.author, BOUNDARY), 'href'), base);
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null {
  const layout = layoutOf(post);
  const spec = selectors.layouts[layout];
  const author = authorOf(post, layout, ctx.url);
  const text = textOfPost(post, layout);
  const id = activityOf(post, layout);
  // The 2026 card before its comment box is rendered: keyed by its author and text (linkedin-2026.ts).
  const fallback = layout === 'bare' ? fallbackKey(author, textStart(text)) : null;
  if (!id && !fallback) {
    ctx.problem({ field: 'id', selector: `${POST[layout]} (data-urn | componentkey | ${selectors.link})` });
    return null;
  }
  const draft: PostDraft = id
    ? { platform: 'linkedin', postId: id, url: activityUrl(id), counts: {} }
    : { platform: 'linkedin', postId: fallback!, url: profileUrl(author!), counts: {} };
  if (id && fallback) draft.aliases = [fallback];
  if (author) draft.author = author;
  else if (spec.author.length) ctx.problem({ field: 'author', selector: spec.author.join(' | ') });
  const postedAt =
    (layout === 'guest' ? idTime(attr(post, 'data-attributed-urn')) : undefined) ?? (id ? idTime(id) : undefined);
  if (postedAt !== undefined) draft.postedAt = postedAt;
  if (text) draft.text = text;

  const read: Counts = {};
  const sources: Record<Read, readonly Source[]> = { ...spec, views: selectors.views };
  for (const metric of ['likes', 'replies', 'reposts', 'views'] as const satisfies readonly Metric[]) {
    const count = readCount(post, metric, sources[metric], ctx);
    if (count) read[metric] = count;
  }
  draft.counts = read;
  if (post.closest(selectors.sponsored)) draft.promoted = true;
  return draft;
}

const sep = 'span[aria-hidden="true"]';
/** A feed slot of the 2026 variant, where the bar's counts sit by position. */
const SLOT = 'div[role="listitem"][componentkey*="FeedType_"]';
export const linkedin = defineAdapter({
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: ['linkedin.com'],
  matches: ['https://linkedin.com/*', 'https://*.linkedin.com/*'],
  testUrls: [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/feed/update/urn:li:activity:7264932986881358253/',
    'https://uk.linkedin.com/company/audiense',
  ],
  postSelector: selectors.post,
  // After the post's text, in each of LinkedIn's layouts.
  overlayAnchor: [
    '.update-components-text',
    '.feed-shared-update-v2__description',
    '[data-test-id="main-feed-activity-card__commentary"]',
    '[data-view-name="feed-commentary"]',
    '[data-testid="expandable-text-box"]',
  ],
  watchAttributes: ['aria-label', 'data-num-reactions', 'data-num-comments', 'data-urn', 'componentkey', 'href'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts). The 2026 feed has no permalink or URN in its markup:
  // each post is a feed slot `role="listitem"` whose `componentkey` names the feed
  // ("…FeedType_MAIN_FEED_RELEVANCE"), headed by a visually hidden h2 ("Feed post"). Inside every
  // post of the other layouts sits one actor block (its hook per layout). Links to posts are not
  // counted: profile pages' activity carousels (not read) are made of them.
  recognize: [
    {
      name: 'feed slots [role=listitem][componentkey]',
      selector: '[role="listitem"][componentkey*="FeedType_"], [role="listitem"][componentkey]:has(h2)',
    },
    {
      name: 'post actors',
      selector:
        '[data-view-name="feed-actor-image"], .update-components-actor__container, [data-test-id="main-feed-activity-card__entity-lockup"]',
    },
    {
      name: 'activity URNs [data-urn], [data-activity-urn]',
      selector: '[data-urn*="urn:li:activity:"], [data-activity-urn*="urn:li:activity:"]',
    },
  ],
  readPost,
  // Every count here sits in (or is) a control that opens the reactors or comments list, so all
  // are hidden with `visibility`: boxes keep their size and place, and the reaction icons stay.
  // The "·" between comments and reposts belongs to the reposts count, as LinkedIn's guest markup
  // has it (there it is the comments link's own ::before, and goes with it).
  hide: {
    likes: [
      `${counts}__reactions-count`,
      `${counts}__social-proof-fallback-number`,
      `${counts}__social-proof-text`,
      '[data-test-id="social-actions__reaction-count"]',
      '[data-view-name="feed-reaction-count"] p',
      '[data-reaction-details] > span:not(:has(img, svg))',
      `${SLOT} ${barCountAndLabel(BAR_GROUPS.likes)}`,
    ],
    replies: [
      `${counts}__comments`,
      '[data-test-id="social-actions__comments"]',
      '[data-view-name="feed-comment-count"]',
      `${SLOT} ${barCountAndLabel(BAR_GROUPS.replies)}`,
    ],
    reposts: [
      `${counts}__item:not(${counts}__reactions, ${counts}__comments)`,
      '[data-view-name="feed-repost-count"]',
      `${sep}:has(+ [data-view-name="feed-repost-count"])`,
      `${SLOT} ${barCountAndLabel(BAR_GROUPS.reposts)}`,
    ],
    views: ['a[href*="/analytics/post-summary/"] span'],
    // A company actor's line under its name is its follower count ("5,750 followers").
    followers: [
      '.update-components-actor__container:has(a[href*="/company/"]) .update-components-actor__description',
      '[data-test-id="main-feed-activity-card__entity-lockup"]:has(a[href*="/company/"]) p',
    ],
    // The counts on the global navigation's Notifications and Messaging items (the visually
    // hidden "4 new notifications" beside each is for screen readers and is never painted).
    notifications: ['#global-nav .notification-badge__count'],
  },
});
