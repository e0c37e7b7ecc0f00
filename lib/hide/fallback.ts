/**
 * Fail-closed hiding: the safe rule for counts the hide selectors do not cover. Sites change their
 * markup without notice (the commonest complaint about every metric-hiding extension), and a
 * selector that stops matching would paint the very number the user asked not to see. So while
 * hiding is on, any count-like text in a post's action area that no hide selector covers is marked
 * (`data-feedlens-count`) and hidden by the same two stylesheet layers (css.ts), before it is
 * painted: marks are set from the page observer's mutation callback, which runs before the next
 * frame.
 *
 * "Action area" is found by role and position, never by class names or test ids:
 * - inside a control of the post: `button`, `[role=button]`, `[role=group]`, `[role=toolbar]`
 *   (a link in X's `role=group` action bar counts), if the control is short (a label and a number)
 *   and, for a button, holds no link (one that does is a clickable content block, like TikTok's
 *   video card with its caption);
 * - or beside one: a text whose parent or grandparent (up to three levels) holds a button as a
 *   child, as Reddit's score sits between its vote arrows.
 * "Count-like": short (up to 40 characters, six words), with a digit, not inside `<time>`, not a
 * clock time, date, fraction or percentage ("12:34", "11-25", "1/5", "42%"), without sentence
 * punctuation, hashtags or mentions ("Morning stretch, 5 minutes", "#2024"). Post text and times
 * are therefore left alone; a count with words around it ("View 41 more comments", LinkedIn's
 * "Carla Mendes and 676 others") is hidden whole, as the adapters' own selectors hide it. Counts outside any action area (YouTube cards' "1.2M views", Instagram's likes
 * line, links) are beyond this rule: they rely on the adapter's selectors.
 */
import type { HideSelectors, PlatformAdapter } from '../platforms/types';

/**
 * On an element the safe rule hides: "" hides the element (`visibility: hidden`, its box kept);
 * "text" hides only the text directly inside a control that also holds icons, so it stays
 * clickable.
 */
export const COUNT_ATTR = 'data-feedlens-count';

const CONTROL = 'button, [role="button"], [role="group"], [role="toolbar"]';
const BUTTON = 'button, [role="button"]';
const MAX_TEXT = 40;
const MAX_WORDS = 6;
const MAX_AREA_TEXT = 64;
/** Clock times, dates, fractions, percentages; sentence punctuation, hashtags and mentions (text, not counts). */
const NOT_A_COUNT = /\d\s?[:/\-–]\s?\d|%|[;!?#@]|,(?!\d)|(?<!\d),|\.\s+\p{L}/u;
const DIGIT = /\p{Nd}/u;

export function looksLikeCount(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_TEXT || !DIGIT.test(trimmed)) return false;
  return !NOT_A_COUNT.test(trimmed) && trimmed.split(/\s+/).length <= MAX_WORDS;
}

export interface FallbackReport {
  /** Counts the safe rule hid on this page (marks placed while hiding was on). */
  hidden: number;
  /** Up to three of them: where ("button > x-count") and the raw count text; no post text or names. */
  examples: string[];
}

export interface FallbackHider {
  /** Whether hiding is on (or not yet known): off, nothing is looked at. */
  setActive(active: boolean): void;
  added(elements: readonly Element[]): void;
  changed(nodes: readonly Node[]): void;
  /** Looks at every post on the page (hiding just turned on). */
  scanAll(): void;
  report(): FallbackReport;
}

type Scope = Element | ShadowRoot;

/** One selector list for `closest`, without the ones this browser cannot parse (one bad one would void it). */
function coverage(doc: Document, lists: (HideSelectors | undefined)[]): string {
  const selectors = lists.flatMap((list) => Object.values(list ?? {}).flat() as string[]);
  return selectors
    .filter((selector) => {
      try {
        doc.createDocumentFragment().querySelector(selector);
        return true;
      } catch {
        return false;
      }
    })
    .join(', ');
}

const short = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim().length <= MAX_AREA_TEXT;
const describe = (element: Element) =>
  element.tagName.toLowerCase() + (element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : '');

export function createFallbackHider(
  doc: Document,
  adapter: Pick<PlatformAdapter, 'postSelector' | 'hide' | 'collapse' | 'shadowHide'>,
  onFirstHidden?: () => void,
): FallbackHider {
  const covered = coverage(doc, [adapter.hide, adapter.collapse]);
  const coveredInShadow = coverage(doc, [adapter.shadowHide?.hide]);
  const hosts = adapter.shadowHide?.hosts;
  const scannedRoots = new WeakSet<ShadowRoot>();
  const pendingHosts = new Set<Element>();
  let active = true;
  let hidden = 0;
  const examples: string[] = [];

  /** The post a node belongs to, and the tree to look for its controls in (a shadow root of the post). */
  function scopeOf(holder: Element): { post: Element; scope: Scope } | null {
    const root = holder.getRootNode() as Document | ShadowRoot;
    if (root.nodeType === 11) {
      const post = (root as ShadowRoot).host?.closest(adapter.postSelector);
      return post ? { post, scope: root as ShadowRoot } : null;
    }
    const post = holder.closest(adapter.postSelector);
    return post ? { post, scope: post } : null;
  }

  function actionArea(holder: Element, post: Element, scope: Scope): Element | null {
    const control = holder.closest(CONTROL);
    // A "button" holding links or much text is a clickable content block (TikTok's video card).
    const content = control?.matches(BUTTON) && control.querySelector('a[href]');
    if (control && control !== post && scope.contains(control) && short(control) && !content) return control;
    if (holder.closest('a[href]')) return null;
    let node: Element | null = holder;
    for (let up = 0; up < 3 && node && node !== post; up++, node = node.parentElement) {
      for (const child of node.children) if (child.matches(BUTTON)) return short(node) ? node : null;
    }
    return null;
  }

  /**
   * Whether a hide selector covers the holder: tried on the holder and its ancestors up to the post
   * (`closest` would try every ancestor up to `<html>`, against every selector). Covered counts,
   * the common case, match at once.
   */
  function isCovered(holder: Element, post: Element, cover: string): boolean {
    if (!cover) return false;
    for (let node: Element | null = holder; node; node = node.parentElement) {
      if (node.matches(cover)) return true;
      if (node === post) return false;
    }
    return false;
  }

  /** A time's text (a `<time>` between the text and its action area) is never a count. */
  function inTime(holder: Element, area: Element): boolean {
    for (let node: Element | null = holder; node && node !== area; node = node.parentElement) {
      if (node.tagName === 'TIME') return true;
    }
    return area.tagName === 'TIME';
  }

  function consider(text: Node): void {
    const holder = text.parentElement;
    if (!holder) return;
    const isCount = looksLikeCount(text.nodeValue ?? '');
    if (holder.hasAttribute(COUNT_ATTR)) {
      if (!isCount && !looksLikeCount(holder.textContent ?? '')) holder.removeAttribute(COUNT_ATTR);
      return;
    }
    if (!isCount) return;
    // Cheapest checks first: this runs for every count-like text the page adds while hiding is on.
    const where = scopeOf(holder);
    if (!where) return;
    const area = actionArea(holder, where.post, where.scope);
    if (!area || inTime(holder, area)) return;
    const inShadow = where.scope !== where.post;
    if (isCovered(holder, where.post, inShadow ? coveredInShadow : covered)) return;
    // Text right inside a control with icons: hide the text, keep the control (and its click).
    const textOnly = !inShadow && holder.matches(BUTTON) && holder.firstElementChild !== null;
    holder.setAttribute(COUNT_ATTR, textOnly ? 'text' : '');
    if (examples.length < 3) {
      const path = area === holder ? describe(area) : `${describe(area)} > ${describe(holder)}`;
      examples.push(`${path}: "${(text.nodeValue ?? '').trim()}"`);
    }
    if (hidden++ === 0) onFirstHidden?.();
  }

  function walk(root: Node): void {
    const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (DIGIT.test(text.nodeValue ?? '')) consider(text);
    }
  }

  function scanHost(host: Element): void {
    const root = host.shadowRoot;
    if (!root) {
      if (host.isConnected) pendingHosts.add(host);
      return;
    }
    pendingHosts.delete(host);
    if (scannedRoots.has(root) || root.childNodes.length === 0) return;
    scannedRoots.add(root);
    walk(root);
  }

  function hostsAround(element: Element): void {
    if (!hosts) return;
    const outer = element.closest(hosts);
    if (outer) scanHost(outer);
    if (element.firstElementChild) for (const inner of element.querySelectorAll(hosts)) scanHost(inner);
    for (const host of pendingHosts) scanHost(host);
  }

  return {
    setActive(next) {
      active = next;
    },
    added(elements) {
      if (!active) return;
      const batch = new Set(elements);
      for (const element of elements) {
        // A subtree whose parent came in the same batch is walked with it.
        if (element.firstChild && !(element.parentElement && batch.has(element.parentElement))) walk(element);
        hostsAround(element);
      }
    },
    changed(nodes) {
      if (!active) return;
      for (const node of new Set(nodes)) {
        if (node.nodeType === 3) consider(node);
        else if ((node as Element).hasAttribute?.(COUNT_ATTR) && !looksLikeCount(node.textContent ?? ''))
          (node as Element).removeAttribute(COUNT_ATTR);
        // Not the list a virtualized feed removes cells from on every scroll (X's timeline): it is in
        // no post, so none of its own text is a post's count, and it holds every mounted cell.
        else if (node.nodeType === 1 && scopeOf(node as Element))
          for (const child of node.childNodes)
            if (child.nodeType === 3 && DIGIT.test(child.nodeValue ?? '')) consider(child);
      }
    },
    scanAll() {
      if (!active) return;
      for (const post of doc.querySelectorAll(adapter.postSelector)) {
        walk(post);
        if (hosts) hostsAround(post);
      }
    },
    report: () => ({ hidden, examples: [...examples] }),
  };
}
