/**
 * X (x.com, formerly twitter.com).
 *
 * Post unit: `article[data-testid="tweet"]`. X virtualises its timeline and recycles article
 * elements for other posts as you scroll, so every reading is keyed by the status id read from the
 * article at read time, never by the element.
 *
 * Counts come from the action bar's accessible label ("48 replies, 152 reposts, 553 likes,
 * 9 bookmarks, 30142 views"), which is exact but localized and leaves out metrics that are zero.
 * So numbers are taken from the label without reading its words, and matched to metrics by the
 * bar's fixed order checked against which buttons carry a number of their own.
 * Test URLs: https://x.com/home, https://x.com/jack/status/20, https://twitter.com/search?q=x
 */
import { boundsOf, exact, textSnippet, type Count, type Counts, type Metric } from '../model';
import { findCounts, parseCount } from '../numbers/parse-count';
import { defineAdapter } from './define';
import { attr, hasBrokenNumber, hasDigit, ownFirstMatch, ownMatch, parseTime, textOf, pathOf } from './dom';
import type { PostDraft, ReadContext } from './types';

const selectors = {
  post: 'article[data-testid="tweet"]',
  /** The post itself, or a quoted post's card inside it (which has its own author, time and text). */
  ownBoundary: 'article[data-testid="tweet"], div[role="link"]',
  /** The permalink wraps the post time; promoted posts show "Ad" instead and have no time. */
  permalinkTime: ['a[href*="/status/"] > time[datetime]', 'a[href*="/status/"] time[datetime]'],
  statusLink: 'a[href*="/status/"]',
  text: ['[data-testid="tweetText"]'],
  actionBar: ['[role="group"][aria-label]', '[role="group"]'],
  /** `$=` so liked/reposted/bookmarked posts (`unlike`, `unretweet`, `removeBookmark`) match too. */
  controls: {
    replies: '[data-testid="reply"]',
    reposts: '[data-testid$="retweet"]',
    likes: '[data-testid$="like"]',
    bookmarks: '[data-testid$="ookmark"]',
    views: 'a[href$="/analytics"]',
  },
  /** Every control above in one selector. */
  anyControl: '[data-testid]:not([data-testid="app-text-transition-container"]), a[href$="/analytics"]',
  visibleCount: '[data-testid="app-text-transition-container"]',
} as const;

/** The order of metrics in the action bar and its label. */
const BAR_ORDER = ['replies', 'reposts', 'likes', 'bookmarks', 'views'] as const satisfies readonly Metric[];
type BarMetric = (typeof BAR_ORDER)[number];

const STATUS_PATH = /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,20})(?:[/?#]|$)/;

/** Twitter snowflake ids carry their creation time (ms since 2010-11-04) in the top 42 bits. */
export function snowflakeTime(id: string): number | undefined {
  if (id.length < 15) return undefined; // pre-2010 ids were sequential
  return Number(BigInt(id) >> 22n) + 1288834974657;
}

function statusOf(href: string | null, base: URL): { handle: string; id: string } | null {
  const path = pathOf(href, base);
  if (!path) return null;
  const match = STATUS_PATH.exec(path);
  return match ? { handle: match[1]!, id: match[2]! } : null;
}

interface BarControl {
  /** Whether the control shows a number at all (in its label, or as visible text). */
  showsNumber: boolean;
  label: string | null;
  visible: string;
}

/** Which metric a control in the bar is for, from the same hooks as `selectors.controls`. */
function metricOfControl(control: Element): BarMetric | null {
  const testid = control.getAttribute('data-testid');
  // Of `selectors.anyControl`, only the analytics link has no test id.
  if (testid === null) return 'views';
  if (testid === 'reply') return 'replies';
  if (testid.endsWith('retweet')) return 'reposts';
  if (testid.endsWith('like')) return 'likes';
  if (testid.endsWith('ookmark')) return 'bookmarks';
  return null;
}

/** The bar's controls, found in one query (this runs for every post of every feed). */
function controlsOf(bar: Element): Partial<Record<BarMetric, BarControl>> {
  const controls: Partial<Record<BarMetric, BarControl>> = {};
  for (const element of bar.querySelectorAll(selectors.anyControl)) {
    const metric = metricOfControl(element);
    if (metric && !controls[metric]) controls[metric] = controlOf(element);
  }
  return controls;
}

/** A number, or what a broken formatter prints instead of one ("NaN"): either way not a zero. */
const showsNumber = (text: string | null) => hasDigit(text) || hasBrokenNumber(text);

function controlOf(control: Element): BarControl {
  const label = attr(control, 'aria-label');
  if (showsNumber(label)) return { showsNumber: true, label, visible: '' };
  // No label number: the visible text is the fallback (compact above 10,000).
  const visible = textOf(control.querySelector(selectors.visibleCount));
  return { showsNumber: showsNumber(visible), label: null, visible };
}

/**
 * The number a control shows of its own; parsed only when needed (this runs on every post). A
 * label ("567 Likes. Like") holds exactly one number; anything else is unreadable.
 */
function ownCount(control: BarControl | undefined, ctx: ReadContext): Count | null {
  if (!control?.showsNumber) return null;
  if (!control.label) return parseCount(control.visible, ctx.locale);
  const numbers = findCounts(control.label, ctx.locale);
  return numbers.length === 1 ? numbers[0]! : { precision: 'unknown', raw: control.label };
}

/** Two readings of one count agree when their ranges overlap (a label may be exact, a button compact). */
function agrees(a: Count, b: Count): boolean {
  const x = boundsOf(a);
  const y = boundsOf(b);
  return !!x && !!y && x.min <= y.max && y.min <= x.max;
}

/**
 * Matches the label's numbers to metrics. The label lists present metrics in bar order and drops
 * zeros. A control that shows a number must be in the label with an agreeing value. One that shows
 * none is at zero (X never prints 0) and must not be — except bookmarks, whose timeline button
 * never shows its count. A metric without a control (views beside a status page's time) may or may
 * not be. Only a unique match is trusted. Metrics left out are 0 when their control is there, and
 * unknown when it is not.
 */
function assignLabel(
  numbers: Count[],
  controls: Partial<Record<BarMetric, BarControl>>,
  own: (metric: BarMetric) => Count | null,
): Counts | null {
  const solutions: BarMetric[][] = [];
  const choose = (index: number, chosen: BarMetric[]): void => {
    if (solutions.length > 1) return;
    if (index === BAR_ORDER.length) {
      if (chosen.length === numbers.length) solutions.push(chosen);
      return;
    }
    const metric = BAR_ORDER[index]!;
    const control = controls[metric];
    const number = numbers[chosen.length];
    const mayBeListed = !control || control.showsNumber || metric === 'bookmarks';
    const shown = number && mayBeListed ? own(metric) : null;
    if (number && mayBeListed && (!shown || agrees(shown, number))) choose(index + 1, [...chosen, metric]);
    if (!control?.showsNumber) choose(index + 1, chosen);
  };
  choose(0, []);
  if (solutions.length !== 1) return null;
  const present = solutions[0]!;
  const counts: Counts = {};
  for (const metric of BAR_ORDER) {
    const at = present.indexOf(metric);
    if (at >= 0) counts[metric] = numbers[at]!;
    else if (controls[metric]) counts[metric] = exact(0);
  }
  return counts;
}

function readCounts(post: Element, ctx: ReadContext): Counts {
  const bar = ownFirstMatch(post, selectors.actionBar, selectors.ownBoundary);
  if (!bar) {
    ctx.problem({ field: 'likes', selector: selectors.actionBar.join(' | ') });
    return {};
  }
  const controls = controlsOf(bar);
  const owns = new Map<BarMetric, Count | null>();
  const own = (metric: BarMetric) => {
    if (!owns.has(metric)) owns.set(metric, ownCount(controls[metric], ctx));
    return owns.get(metric)!;
  };
  const label = bar.getAttribute('aria-label');
  // "NaN replies, 5 likes": the label lost a number, so its order no longer tells which is which.
  const numbers = hasDigit(label) && !hasBrokenNumber(label) ? findCounts(label!, ctx.locale) : [];
  if (numbers.length > 0 && numbers.every((n) => n.precision !== 'unknown')) {
    // Which controls show a number usually settles the match; the controls' own numbers are
    // parsed only when it does not.
    const fromLabel = assignLabel(numbers, controls, () => null) ?? assignLabel(numbers, controls, own);
    if (fromLabel) return fromLabel;
  }

  // An empty label means every count is zero (X leaves zeros out of it). A label with words but
  // no number we could match ("NaN likes", "1 000 000 views", a negative) is a problem: nothing
  // from it is stored, and only the controls' own readable numbers are kept.
  const allZero = label !== null && label.trim() === '' && !Object.values(controls).some((c) => c.showsNumber);
  if (!allZero && label !== null) ctx.problem({ field: 'likes', selector: selectors.actionBar[0], raw: label });
  const counts: Counts = {};
  for (const metric of BAR_ORDER) {
    const control = controls[metric];
    if (!control) continue;
    const shown = own(metric);
    if (shown?.precision === 'unknown') {
      ctx.problem({ field: metric, selector: selectors.controls[metric], ...(shown.raw ? { raw: shown.raw } : {}) });
    } else if (shown) {
      counts[metric] = shown;
    } else if (allZero) {
      counts[metric] = exact(0);
    }
  }
  return counts;
}

function readPost(post: Element, ctx: ReadContext): PostDraft | null {
  const time = ownFirstMatch(post, selectors.permalinkTime, selectors.ownBoundary);
  const permalink = time?.closest(selectors.statusLink) ?? ownMatch(post, selectors.statusLink, selectors.ownBoundary);
  const status = statusOf(attr(permalink, 'href'), ctx.url);
  if (!status) {
    ctx.problem({ field: 'id', selector: selectors.statusLink });
    return null;
  }
  const draft: PostDraft = {
    platform: 'x',
    postId: status.id,
    url: `https://x.com/${status.handle}/status/${status.id}`,
    author: status.handle,
    postedAt: parseTime(attr(time, 'datetime')) ?? snowflakeTime(status.id),
    counts: readCounts(post, ctx),
  };
  // textSnippet folds whitespace itself: no need to fold it twice.
  const text = textSnippet(ownFirstMatch(post, selectors.text, selectors.ownBoundary)?.textContent);
  if (text) draft.text = text;
  // Ads show a localized "Ad" label where other posts show their time.
  if (!time) draft.promoted = true;
  return draft;
}

const bar = '[data-testid="tweet"] [role="group"]';
/**
 * The inline "29.9K Views" beside the time of the post a status page is about, and the "·" before
 * it. `:has()` only with child/sibling steps: a descendant `:has()` on every div cost seconds of
 * style recalculation per thousand posts.
 */
const focusedViews =
  '[data-testid="tweet"][tabindex="-1"] div[dir="ltr"]:has(> span > div > [data-testid="app-text-transition-container"])';
const focusedViewsDot =
  '[data-testid="tweet"][tabindex="-1"] div[dir="ltr"][aria-hidden="true"]:has(+ div[dir="ltr"] > span > div > [data-testid="app-text-transition-container"])';

export const x = defineAdapter({
  id: 'x',
  name: 'X',
  hosts: ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com'],
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  testUrls: ['https://x.com/home', 'https://x.com/jack/status/20', 'https://twitter.com/search?q=feedlens'],
  postSelector: selectors.post,
  // After the post's text (X's action bar fills its whole row: no free room there).
  overlayAnchor: ['[data-testid="tweetText"]'],
  watchAttributes: ['aria-label', 'href'],
  rounding: 'halfExpand',
  // Drift detection (lib/reader/drift.ts): a post's permalink wraps its time; trends and profile
  // links carry none.
  recognize: [
    { name: 'permalinks /status/<id> around a time', selector: 'a[href*="/status/"]:has(time)', id: /\/status\/(\d+)/ },
  ],
  readPost,
  // The permalink (around the post's own time, which comes before a quoted post's) and the action
  // bar's label, which X rewrites whenever a count changes ("4 replies, 12 reposts, 567 likes, …").
  quickPrint(post) {
    const link = post.querySelector('a[href*="/status/"] > time')?.parentElement?.getAttribute('href');
    const label = post.querySelector('[role="group"][aria-label]')?.getAttribute('aria-label');
    return link && label ? `${link}|${label}` : null;
  },
  // Hiding every span inside a control also hides X's count-change animation (CPFT #179).
  hide: {
    replies: [`${bar} [data-testid="reply"] span`],
    reposts: [`${bar} [data-testid$="retweet"] span`],
    likes: [`${bar} [data-testid$="like"] span`],
    bookmarks: [`${bar} [data-testid$="ookmark"] span`],
    // On a status page, the views beside the time and the "·" before them: hidden in place, so
    // the row neither reflows nor keeps a dangling separator.
    views: [`${bar} a[href$="/analytics"] span`, focusedViews, focusedViewsDot],
    // The unread badge on the side navigation's Notifications and Messages links (the selectors
    // Twitter Demetricator and Control Panel for Twitter hide); the links and icons stay.
    notifications: [
      'a[data-testid="AppTabBar_Notifications_Link"] [aria-live="polite"]',
      'a[data-testid="AppTabBar_DirectMessage_Link"] [aria-live="polite"]',
    ],
  },
  // A liked or reposted post's buttons turn into "unlike" / "unretweet".
  acted: [`${bar} [data-testid="unlike"]`, `${bar} [data-testid="unretweet"]`],
  collapse: {
    followers: [
      'a[href$="/following"] > span:first-child',
      'a[href$="/followers"] > span:first-child',
      'a[href$="/verified_followers"] > span:first-child',
    ],
  },
});
