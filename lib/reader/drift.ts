/**
 * Drift detection: noticing that a site changed its markup so that the adapter's post selector
 * finds nothing. Without it such a page just stays silent (nothing read, nothing said), which is
 * how most extensions of this kind die unnoticed: Control Panel for Twitter shipped about twenty
 * fixes for X markup changes in four years, and Twitter Demetricator has been broken since the
 * x.com move of 2024.
 *
 * Each adapter declares how its posts can be recognized without its selectors (permalinks, stable
 * attributes, roles: `PostRecognizer`). Posts recognized that way but outside every element the
 * post selector matches are posts the adapter does not see. Elements the selector does match are
 * the adapter's to judge (read, skipped by design, or unreadable: see health.ts).
 */
import type { AdapterDefinition, PostRecognizer } from '../platforms/types';

/** Recognized posts, outside the adapter's own post elements, before a page counts as unrecognized. */
export const MIN_UNSEEN_POSTS = 3;
/** How often a page that has read nothing is looked at again. */
export const DRIFT_CHECK_MS = 1000;
/** How long the unseen posts must stay (and nothing be read) before reading pauses. */
export const DRIFT_GRACE_MS = 2000;
/** Marks examined per recognizer and check: enough to decide, bounded on huge pages. */
const MAX_MARKS = 400;
/** Navigation and sidebars hold links to posts that are not the page's own feed. */
const NOT_THE_FEED = 'nav, aside, [role="navigation"], [role="complementary"]';

export interface RecognizedPosts {
  /** The recognizer's name. */
  name: string;
  /** Distinct posts it saw on screen that the post selector does not find. */
  posts: number;
}

export interface DriftReport {
  recognized: RecognizedPosts[];
  /** The most posts any one recognizer saw unseen (recognizers overlap, so they are not added up). */
  unseen: number;
}

/**
 * Whether an element is rendered: not inside `display: none`, `[hidden]` or a `visibility: hidden`
 * subtree (YouTube keeps earlier pages in the DOM, hidden). Any rendered post counts, in view or
 * not: TikTok's feed shows one post at a time.
 */
function rendered(element: Element): boolean {
  if (element.closest('[hidden]')) return false;
  const check = (element as Element & { checkVisibility?(options?: object): boolean }).checkVisibility;
  return check ? check.call(element, { visibilityProperty: true }) : true;
}

function identity(element: Element, recognizer: PostRecognizer): string | Element | null {
  if (!recognizer.id) return element;
  const value = element.getAttribute(recognizer.attribute ?? 'href');
  return (value !== null && recognizer.id.exec(value)?.[1]) || null;
}

function unseenPosts(doc: Document, recognizer: PostRecognizer, postSelector: string, ignore?: string): number {
  const seen = new Set<string | Element>();
  let examined = 0;
  for (const mark of doc.querySelectorAll(recognizer.selector)) {
    if (++examined > MAX_MARKS) break;
    // Inside a post element the adapter finds, or wrapping one (TikTok nests its data-e2e item hook).
    if (mark.closest(postSelector) || mark.querySelector(postSelector)) continue;
    if (mark.closest(NOT_THE_FEED)) continue;
    if (recognizer.ignoreInside && mark.closest(recognizer.ignoreInside)) continue;
    if (ignore && mark.closest(ignore)) continue;
    const id = identity(mark, recognizer);
    if (id === null || seen.has(id) || !rendered(mark)) continue;
    seen.add(id);
  }
  return seen.size;
}

/**
 * Posts on the page that the adapter's recognizers see and its post selector does not. Runs over
 * the whole document, so the reader calls it on a timer while a page has read nothing, never per
 * frame (drift-watch.ts). `ignore` excludes elements of our own (the overlay).
 */
export function recognizeUnseenPosts(
  doc: Document,
  adapter: Pick<AdapterDefinition, 'recognize' | 'postSelector'>,
  ignore?: string,
): DriftReport {
  const recognized = (adapter.recognize ?? []).map((recognizer) => ({
    name: recognizer.name,
    posts: unseenPosts(doc, recognizer, adapter.postSelector, ignore),
  }));
  return { recognized, unseen: Math.max(0, ...recognized.map((r) => r.posts)) };
}
