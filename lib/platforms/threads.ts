/**
 * Threads (www.threads.com, formerly www.threads.net). Confidence LOW: no real capture exists;
 * this adapter follows the research notes (platforms.md §11) and the Instagram-family markup they
 * describe, and every structural detail below is an assumption until a capture confirms it.
 *
 * Post unit: `div[data-pressable-container="true"]` (there is no `article`). Assumed: a post that
 * quotes another shows the quoted post as a pressable container nested inside its own; a nested
 * container is therefore an embed, never read as a post, and the outer post's reads skip it.
 *
 * Id: the shortcode of the post's own permalink `/@<user>/post/<shortcode>` (the first one outside
 * embeds, the link around its `<time datetime>`); the permalink is rebuilt on www.threads.com so
 * the same post read on threads.net and threads.com is one record. Time: `time[datetime]`.
 *
 * Counts: the action bar under the post, four icon buttons in a fixed order: like, reply, repost,
 * share. Their `svg[aria-label]` names ("Like", "Gefällt mir") are localized, so buttons are told
 * apart by position only: the bar is the last run of four icon buttons with one common container
 * (the "More" button in the header is outside it). The number beside each icon is visible text,
 * compact and rounded half-up like `Intl` ("1.2K" is 1,150–1,249; assumed, Meta's rounding is not
 * documented); German "Tsd." comes from the language's alias table. Share counts have no metric and are not
 * stored. A button without a number is zero OR a count the author hid ("Hide like and share
 * counts"): the two cannot be told apart, so the count is left out (unknown), never 0.
 * Test URLs: https://www.threads.com/, https://www.threads.net/@zuck, https://threads.com/@zuck/post/C8abcdefghi
 */
import { textSnippet, type Count, type Metric } from '../model';
import { parseCount } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { attr, hasBrokenNumber, hasDigit, ownMatch, parseTime, textOf, pathOf } from './dom';
import { SKIP, type PostDraft, type ReadContext } from './types';

const POST = 'div[data-pressable-container="true"]';

const selectors = {
  post: POST,
  /** The post itself, or a post embedded in it (assumed: quoted posts are pressable containers too). */
  ownBoundary: POST,
  permalinkTime: 'a[href*="/post/"] time[datetime]',
  permalink: 'a[href*="/post/"]',
  /** Text runs; the post's text is the first after the permalink that is not a link or a button label. */
  text: '[dir="auto"]',
  notText: 'a, [role="button"], time',
  iconButton: '[role="button"]:has(svg[aria-label])',
  /** The number beside an icon: a span that is not (part of) the icon. */
  count: 'span:not(:has(svg))',
} as const;

/** The action bar's buttons, in order. */
const BAR_ORDER = ['likes', 'replies', 'reposts', 'share'] as const;

const POST_PATH = /^\/@([\w.]+)\/post\/([A-Za-z0-9_-]+)\/?$/;

function postPath(href: string | null, base: URL): { user: string; code: string } | null {
  const path = pathOf(href, base);
  if (!path) return null;
  const match = POST_PATH.exec(path);
  return match ? { user: match[1]!, code: match[2]! } : null;
}

function isOwn(post: Element, element: Element): boolean {
  return element.parentElement?.closest(selectors.ownBoundary) === post;
}

/**
 * The action bar: the last four icon buttons, if they share a container of their own (no earlier
 * icon button inside it) and each sits in a different child of it, as buttons in a row do.
 */
function actionBar(post: Element): Element[] | null {
  const buttons = Array.from(post.querySelectorAll(selectors.iconButton)).filter(
    (button) => isOwn(post, button) && !button.parentElement?.closest('[role="button"]'),
  );
  if (buttons.length < BAR_ORDER.length) return null;
  const bar = buttons.slice(-BAR_ORDER.length);
  const before = buttons[buttons.length - BAR_ORDER.length - 1];
  let container = bar[0]!.parentElement;
  while (container && !container.contains(bar[bar.length - 1]!)) container = container.parentElement;
  if (!container || container === post || (before && container.contains(before))) return null;
  const slots = new Set(
    bar.map((button) => {
      let slot: Element = button;
      while (slot.parentElement !== container) slot = slot.parentElement!;
      return slot;
    }),
  );
  return slots.size === bar.length ? bar : null;
}

function countIn(button: Element, ctx: ReadContext): Count | null {
  for (const span of button.querySelectorAll(selectors.count)) {
    const text = textOf(span);
    // "NaN" is a number the page failed to print: unreadable, never a zero.
    if (hasDigit(text) || hasBrokenNumber(text)) return parseCount(text, ctx.locale);
  }
  return null;
}

function readCounts(post: Element, ctx: ReadContext, draft: PostDraft): void {
  const bar = actionBar(post);
  if (!bar) {
    ctx.problem({ field: 'likes', selector: `${selectors.iconButton} ×${BAR_ORDER.length}` });
    return;
  }
  BAR_ORDER.forEach((metric, i) => {
    if (metric === 'share') return;
    const count = countIn(bar[i]!, ctx);
    if (!count) return; // no number: zero, or hidden by the author
    if (count.precision === 'unknown')
      ctx.problem({ field: metric as Metric, selector: selectors.count, raw: count.raw });
    else draft.counts[metric] = count;
  });
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** The post's text: the first own text run after its permalink (a repost header comes before it). */
function ownText(post: Element, permalink: Element): string | undefined {
  for (const run of post.querySelectorAll(selectors.text)) {
    if (!(permalink.compareDocumentPosition(run) & FOLLOWING)) continue;
    if (!isOwn(post, run) || run.closest(selectors.notText)) continue;
    const text = textSnippet(textOf(run));
    if (text) return text;
  }
  return undefined;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  // A post inside another is a quoted/embedded post: part of the outer one, not a post here (and
  // not a candidate that could not be read).
  if (post.parentElement?.closest(selectors.post)) return SKIP;
  const time = ownMatch(post, selectors.permalinkTime, selectors.ownBoundary);
  const link = time?.closest(selectors.permalink) ?? ownMatch(post, selectors.permalink, selectors.ownBoundary);
  const path = postPath(attr(link, 'href'), ctx.url);
  if (!path) {
    ctx.problem({ field: 'id', selector: selectors.permalink });
    return null;
  }
  const draft: PostDraft = {
    platform: 'threads',
    postId: path.code,
    url: `https://www.threads.com/@${path.user}/post/${path.code}`,
    author: path.user,
    counts: {},
  };
  const postedAt = parseTime(attr(time, 'datetime'));
  if (postedAt !== undefined) draft.postedAt = postedAt;
  else ctx.problem({ field: 'time', selector: selectors.permalinkTime });
  const text = ownText(post, link!);
  if (text) draft.text = text;
  readCounts(post, ctx, draft);
  return draft;
}

/**
 * Hide selectors. Icon names are localized, so the buttons are found by position in a row of
 * exactly four icon buttons (the assumed action bar). Where that row is not recognised, the
 * English names (the only ones the research saw) are the fallback; they skip buttons the row
 * rule already covers, so no number is targeted twice.
 */
const slot = (n: number) => `:has(> :nth-child(${n}) [role="button"] svg[aria-label])`;
const row = `div${slot(1)}${slot(2)}${slot(3)}${slot(4)}:not(:has(> :nth-child(5)))`;
const number = `[role="button"] ${selectors.count}`;
const byLabel = (...labels: string[]) =>
  labels.map(
    (label) =>
      `${POST} [role="button"]:has(svg[aria-label="${label}"]):not(${row} > * [role="button"]) ${selectors.count}`,
  );

export const threads = defineAdapter({
  id: 'threads',
  name: 'Threads',
  hosts: ['threads.com', 'threads.net'],
  matches: ['https://www.threads.com/*', 'https://threads.com/*', 'https://www.threads.net/*', 'https://threads.net/*'],
  testUrls: ['https://www.threads.com/', 'https://www.threads.net/@zuck', 'https://threads.com/@zuck/post/C8abcdefghi'],
  postSelector: selectors.post,
  // After the post's text: the first text run that is not a link or a button.
  overlayAnchor: ['span[dir="auto"]:not(a *, [role="button"] *)'],
  watchAttributes: ['href'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts): a post's permalink wraps its time.
  recognize: [
    { name: 'permalinks /post/<code> around a time', selector: 'a[href*="/post/"]:has(time)', id: /\/post\/([\w-]+)/ },
  ],
  readPost,
  hide: {
    likes: [`${POST} ${row} > :nth-child(1) ${number}`, ...byLabel('Like', 'Unlike')],
    replies: [`${POST} ${row} > :nth-child(2) ${number}`, ...byLabel('Reply', 'Comment')],
    reposts: [`${POST} ${row} > :nth-child(3) ${number}`, ...byLabel('Repost')],
  },
});
