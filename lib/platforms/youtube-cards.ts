/**
 * YouTube list cards (home, search, related, subscriptions): `ytd-rich-item-renderer`,
 * `ytd-video-renderer`, `ytd-compact-video-renderer`, `ytd-grid-video-renderer` and the 2024+
 * `yt-lockup-view-model`. The id comes from the card's `/watch?v=` or `/shorts/` link; views from the
 * first item of the metadata row ("1.2M views", compact, so a range), made exact by the title's
 * accessible label (2019–24 cards: "<title> by <channel> 5 months ago 25 minutes 1,113,926 views").
 * Cards show no likes: those stay absent, never 0.
 *
 * Never the wrong field: on live cards the metadata row counts people watching now ("1613 aktive
 * Zuschauer"), on upcoming ones people waiting ("39 warten"), neither of them views. Such cards are
 * recognized by their badges (language-independent markup); the live card's title label still
 * holds the total views ("… 1.444.431 Aufrufe"), which are read from there. And wherever the label
 * holds counts, the visible one is views only if the label has a count printed with the same word
 * after it: a count whose unit word is not the label's is something else, and is not stored.
 */
import { boundsOf, textSnippet, type Count, type Counts } from '../model';
import { findCounts } from '../numbers/parse-count';
import { normalizeText } from '../numbers/normalize';
import { attr, firstMatch, hasDigit, textOf } from './dom';
import { authorOf, countOptions, permalink, videoOf } from './youtube-common';
import { SKIP, type PostDraft, type ReadContext } from './types';

export const CARD =
  'ytd-rich-item-renderer, ytd-video-renderer, ytd-compact-video-renderer, ytd-grid-video-renderer, yt-lockup-view-model';

const selectors = {
  link: ['a[href*="/watch?v="]', 'a[href*="/shorts/"]'],
  title: ['#video-title', 'h3'],
  /** The title link whose label ends with the exact views (2019–24 cards; lockups have none). */
  titleLabel: ['#video-title-link[aria-label]', '#video-title[aria-label]'],
  related: 'ytd-watch-next-secondary-results-renderer, #related',
  owner: ['a[href^="/@"]', 'a[href^="/channel/"]', 'a[href^="/c/"]', 'a[href^="/user/"]'],
  /** The views item: ytd-video-meta-block (2019–24), then the lockup metadata rows (2024+, any class scheme). */
  views: [
    '#metadata-line > span:first-of-type',
    'yt-content-metadata-view-model > div:last-of-type > span:first-of-type',
  ],
  ad: 'ytd-ad-slot-renderer, ytd-in-feed-ad-layout-renderer, ytd-promoted-video-renderer, ytd-display-ad-renderer',
  /**
   * Scheduled streams and premieres: the thumbnail's status overlay (2019–24, an attribute), the
   * lockup's badge shape (2024+: "-wiz", "yt-" and camelCase class schemes all contain the word).
   * Matching too much only withholds a card's views; matching too little would store waiters.
   */
  upcoming: '[overlay-style="UPCOMING"], badge-shape[class*="upcoming" i]',
  /** Live now: the "LIVE" badge of 2019–24 cards, the status overlay, the lockup's badge shape. */
  live: '.badge-style-type-live-now, [overlay-style="LIVE"], badge-shape[class*="live" i]',
} as const;

/** Hide selectors for the views item of every card kind (see the adapter's `collapse.views`). */
export const CARD_VIEWS = [
  ':is(ytd-rich-item-renderer, ytd-video-renderer, ytd-compact-video-renderer, ytd-grid-video-renderer) #metadata-line > span:first-of-type',
  'yt-lockup-view-model yt-content-metadata-view-model > div:last-of-type > span:first-of-type:not(:has(a))',
];

/** Watch pages: `/watch?v=`, and `/live/<id>` for streams. */
const WATCH_PATH = /^\/(?:watch$|live\/)/;

/** A count and the word printed right after it ("1613 aktive Zuschauer" → "aktive"). */
interface Worded {
  count: Count;
  word: string;
}

const WORD_AFTER = /^\s*([\p{L}\p{M}]+)/u;

function wordedCounts(text: string, ctx: ReadContext): Worded[] {
  const normalized = normalizeText(text);
  let at = 0;
  return findCounts(text, ctx.locale, countOptions(ctx)).map((count) => {
    const raw = count.raw ?? '';
    const found = raw ? normalized.indexOf(raw, at) : -1;
    if (found < 0) return { count, word: '' };
    at = found + raw.length;
    return { count, word: (WORD_AFTER.exec(normalized.slice(at))?.[1] ?? '').toLocaleLowerCase() };
  });
}

/**
 * The same unit word, allowing for plural forms ("просмотров" after "тыс.", "просмотра" after
 * 1 234; "view"/"views"): equal in their first four letters, or wholly where shorter.
 */
function sameWord(a: string, b: string): boolean {
  const n = Math.min(4, a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

/**
 * Two readings of one count agree when the whole numbers they allow overlap. A rounded count's
 * maximum is not among them ("1.2K" is 1,150 up to but not including 1,250), an exact one's value is.
 */
function agrees(a: Count, b: Count): boolean {
  const x = halfOpen(a);
  const y = halfOpen(b);
  return !!x && !!y && x.min < y.end && y.min < x.end;
}

function halfOpen(count: Count): { min: number; end: number } | null {
  const bounds = boundsOf(count);
  if (!bounds) return null;
  return { min: bounds.min, end: count.precision === 'exact' ? bounds.max + 1 : bounds.max };
}

/** The counts of the title's label after the title itself (which may hold numbers: "4K"). */
function labelCounts(titleEl: Element | null, ctx: ReadContext): Worded[] {
  const label = attr(titleEl, 'aria-label');
  if (!label || !hasDigit(label)) return [];
  const title = attr(titleEl, 'title') ?? textOf(titleEl);
  const rest = title && label.startsWith(title) ? label.slice(title.length) : label;
  return wordedCounts(rest, ctx).filter((c) => c.count.precision === 'exact');
}

/**
 * The label's number for the visible count: the one exact value printed with the same word (and,
 * for a compact "1.1M", within its range). Undefined when the label has no such word; null when
 * it has the word but no single value that fits.
 */
function labelled(visible: Worded, label: Worded[]): Count | null | undefined {
  const sameUnit = label.filter((c) => sameWord(c.word, visible.word));
  if (sameUnit.length === 0) return undefined;
  const fits = sameUnit.filter((c) => visible.count.precision === 'exact' || agrees(c.count, visible.count));
  const values = new Set(fits.map((c) => ('value' in c.count ? c.count.value : NaN)));
  return values.size === 1 ? fits[0]!.count : null;
}

function readViews(card: Element, ctx: ReadContext): Count | null {
  const viewsEl = firstMatch(card, selectors.views);
  const viewsText = viewsEl && !viewsEl.querySelector('a') ? textOf(viewsEl) : '';
  const label = labelCounts(firstMatch(card, selectors.titleLabel), ctx);
  const [visible] = hasDigit(viewsText) ? wordedCounts(viewsText, ctx) : [];
  // People waiting for a stream that has not started: there are no views yet.
  if (card.querySelector(selectors.upcoming)) return null;
  if (card.querySelector(selectors.live)) {
    // People watching now; the total views, if anywhere, end the title label.
    const total = label.filter((c) => !visible || !sameWord(c.word, visible.word)).at(-1);
    return total?.count ?? null;
  }
  // "No views", "Scheduled for…" and badges carry no number: views stay absent.
  if (!visible) return null;
  const source = selectors.views.join(' | ');
  if (visible.count.precision === 'unknown') {
    ctx.problem({ field: 'views', selector: source, raw: viewsText });
    return null;
  }
  if (label.length === 0) return visible.count;
  const exact = labelled(visible, label);
  if (exact === undefined) {
    // The label counts views under another word: this number counts something else.
    ctx.problem({ field: 'views', selector: source, raw: viewsText });
    return null;
  }
  return exact ?? visible.count;
}

export function readCard(card: Element, ctx: ReadContext): PostDraft | null | typeof SKIP {
  // A rich item wrapping a lockup: the lockup (the innermost card) is read instead. A watch page's
  // related list seen elsewhere is left over from a watch page visited before (a page that leaves it
  // out of its hidden `ytd-watch-flexy`, as Chromium parses the saved 2022 search page, still hides it).
  if (card.querySelector(CARD) || (card.closest(selectors.related) && !WATCH_PATH.test(ctx.url.pathname))) return SKIP;
  // An item still without links is a placeholder YouTube fills in later.
  if (!card.querySelector('a[href]')) return SKIP;
  const ad = !!card.querySelector(selectors.ad);
  const link = firstMatch(card, selectors.link);
  const video = videoOf(attr(link, 'href'), ctx.url);
  // A Mix or playlist (`list=`) is not a video, nor is an ad that links to no video.
  if (video?.list || (!video && ad)) return SKIP;
  if (!video) {
    ctx.problem({ field: 'id', selector: selectors.link.join(' | ') });
    return null;
  }
  const counts: Counts = {};
  const views = readViews(card, ctx);
  if (views) counts.views = views;
  const draft: PostDraft = { platform: 'youtube', postId: video.id, url: permalink(video), counts };
  const author = authorOf(firstMatch(card, selectors.owner), ctx.url);
  if (author) draft.author = author;
  const text = textSnippet(textOf(firstMatch(card, selectors.title)));
  if (text) draft.text = text;
  // A promoted video: read, and flagged so comparisons can leave it out.
  if (ad) draft.promoted = true;
  return draft;
}
