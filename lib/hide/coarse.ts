/**
 * Coarse counts: instead of its number, a count shows "0", "1" or "1+" — the scale Mastodon's web
 * UI uses for replies by design, so that a number does not invite a "subconscious value judgement"
 * (mastodon/mastodon#8280), and the one asked of its iOS app (mastodon/mastodon-ios#406).
 *
 * How it is drawn, so the exact number is never painted and nothing moves:
 * - The number's element is hidden exactly as for "hidden" (both CSS layers, from the first frame).
 * - The content script labels that element with the coarse value (`LABEL_ATTR`) and the metric
 *   (`LABEL_OF_ATTR`); a `::before` pseudo-element shows the label. It is absolutely positioned
 *   with no offsets, so it sits where the number starts and takes no room: the button keeps its
 *   box and its click, and no ancestor's positioning is touched.
 * - Labels are shown only while the metric is coarse (a token list on `<html>`; in shadow roots, a
 *   custom property), so switching modes takes effect in the same frame as the CSS.
 */
import { boundsOf, type Count, type Counts } from '../model';
import type { HideMetric, PlatformAdapter } from '../platforms/types';

export const LABEL_ATTR = 'data-feedlens-label';
/** On a post whose count elements may carry labels: only such a post needs unlabelling. */
export const LABELLED_ATTR = 'data-feedlens-labelled';
export const LABEL_OF_ATTR = 'data-feedlens-label-of';
/** On `<html>`: the metrics shown coarse now, space separated. */
export const COARSE_ATTR = 'data-feedlens-coarse';

export type CoarseLabel = '0' | '1' | '1+';

/**
 * The coarse value of a count, or null when it cannot be told without guessing (an unknown count
 * is never shown as "0"). Rounded counts ("1K") hold [min, max): "1+" as soon as the smallest
 * value they can be is 2 or more, "1" only when nothing but 1 is possible.
 */
export function coarseLabel(count: Count | undefined): CoarseLabel | null {
  const bounds = boundsOf(count);
  if (!bounds) return null;
  const most = count!.precision === 'exact' ? bounds.max : Math.max(bounds.min, bounds.max - 1);
  if (most <= 0) return '0';
  if (bounds.min >= 2) return '1+';
  if (bounds.min === 1) return most === 1 ? '1' : '1+';
  return null; // Could be 0 or more.
}

/** The count a hide metric's element shows, from a post's reading (reposts include quotes on some sites). */
function countFor(metric: HideMetric, counts: Counts): Count | undefined {
  // Not post counts: coarse hides them.
  if (metric === 'followers' || metric === 'notifications') return undefined;
  return counts[metric];
}

/** The outermost elements in `scope` matching `selectors` (a count's nested spans get one label). */
function outermost(scope: Element | ShadowRoot, selectors: readonly string[]): Element[] {
  const found: Element[] = [];
  for (const selector of selectors) {
    try {
      found.push(...scope.querySelectorAll(selector));
    } catch {
      // A selector this browser cannot parse labels nothing; its hide rule is dropped the same way.
    }
  }
  const set = new Set(found);
  return [...set].filter((el) => {
    for (let up = el.parentElement; up && up !== scope; up = up.parentElement) if (set.has(up)) return false;
    return true;
  });
}

type LabelSource = Pick<PlatformAdapter, 'hide' | 'shadowHide'>;

/**
 * Labels (or unlabels) one post's count elements for the coarse metrics, from its reading.
 * Attributes are written only when they change, so a re-read post costs no style work.
 */
export function labelPost(post: Element, adapter: LabelSource, counts: Counts, coarse: readonly HideMetric[]): void {
  // No coarse metric (the default) and none labelled here before: nothing to write or take away.
  // Without this, every post read ran the hide selectors of every metric (a quarter of the
  // reader's own JS in a CPU profile of a scrolled X feed).
  if (coarse.length === 0 && !post.hasAttribute(LABELLED_ATTR)) return;
  if (coarse.length === 0) post.removeAttribute(LABELLED_ATTR);
  else if (!post.hasAttribute(LABELLED_ATTR)) post.setAttribute(LABELLED_ATTR, '');
  const scopes: { scope: Element | ShadowRoot; hide: LabelSource['hide'] }[] = [{ scope: post, hide: adapter.hide }];
  const shadow = adapter.shadowHide;
  if (shadow) {
    const hosts = post.matches(shadow.hosts) ? [post] : [...post.querySelectorAll(shadow.hosts)];
    for (const host of hosts) if (host.shadowRoot) scopes.push({ scope: host.shadowRoot, hide: shadow.hide });
  }
  for (const { scope, hide } of scopes) {
    for (const [metric, selectors] of Object.entries(hide) as [HideMetric, readonly string[]][]) {
      const label = coarse.includes(metric) ? coarseLabel(countFor(metric, counts)) : null;
      for (const element of outermost(scope, selectors)) {
        if (label === null) {
          if (element.hasAttribute(LABEL_ATTR)) {
            element.removeAttribute(LABEL_ATTR);
            element.removeAttribute(LABEL_OF_ATTR);
          }
        } else if (element.getAttribute(LABEL_ATTR) !== label || element.getAttribute(LABEL_OF_ATTR) !== metric) {
          element.setAttribute(LABEL_ATTR, label);
          element.setAttribute(LABEL_OF_ATTR, metric);
        }
      }
    }
  }
}

/** The declarations that draw a label where its hidden number starts, taking no room. */
export function labelDeclarations(visibility = 'visible'): string {
  return `content: attr(${LABEL_ATTR}) !important; position: absolute !important; visibility: ${visibility} !important; white-space: nowrap !important; pointer-events: none !important;`;
}

/** The custom property that shows a metric's labels inside shadow roots. */
export function coarseVar(metric: HideMetric): string {
  return `--feedlens-coarse-${metric}`;
}
