/**
 * A badge's host: our own element (`<feedlens-badge>`, prefixed so no other extension's UI collides
 * with it), placed in the page with an open shadow root holding the badge. The host has no
 * light-DOM content, so the page's text (`document.body.textContent`) is unchanged by it.
 *
 * No custom element is defined (content scripts have no `customElements` registry in Chrome): a
 * valid custom-element name is all `attachShadow` needs. The stylesheet is one constructed sheet
 * shared by every badge where the browser allows it, else a `<style>` per root.
 */
import { HOST_STYLES, SHADOW_CSS, hostModeFor, type HostMode } from './styles';

export const OVERLAY_TAG = 'feedlens-badge';

/**
 * Events that must not reach the page: a click on the badge is not a click on the post (X and
 * Bluesky open the post on any click in it), and keys typed in the card are not the site's keyboard
 * shortcuts (X's "l" likes the focused post).
 */
const CONTAINED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'pointerdown',
  'pointerup',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
] as const;

const stop = (event: Event) => event.stopPropagation();

/** The shared stylesheet for a document, or null where constructed sheets cannot be made. */
export function sharedSheet(doc: Document): CSSStyleSheet | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view?.CSSStyleSheet) return null;
  try {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(SHADOW_CSS);
    return sheet;
  } catch {
    return null;
  }
}

/** How a host must sit in `anchor`: one computed-style read (the overlay makes one per selector and page). */
export function hostModeOf(anchor: Element): HostMode {
  return hostModeFor(anchor.ownerDocument.defaultView?.getComputedStyle(anchor).display ?? '');
}

const templates = new WeakMap<Document, Partial<Record<HostMode, HTMLElement>>>();

/**
 * An unattached host with its inline style, per document and mode. Hosts are cloned from it: a
 * clone copies the parsed style, where setting the attribute parses its declarations again (about
 * 25 µs a badge in Chromium). Styled before any host is in the page, so the style never shows up
 * as a mutation of the page.
 */
function hostTemplate(doc: Document, mode: HostMode): HTMLElement {
  let perMode = templates.get(doc);
  if (!perMode) templates.set(doc, (perMode = {}));
  let template = perMode[mode];
  if (!template) {
    template = doc.createElement(OVERLAY_TAG);
    template.setAttribute('style', HOST_STYLES[mode]);
    perMode[mode] = template;
  }
  return template;
}

/** A host element with its shadow root, styled, keeping its events to itself; not yet in the page. */
export function createHost(
  doc: Document,
  sheet: CSSStyleSheet | null,
  mode: HostMode,
): { host: HTMLElement; root: ShadowRoot } {
  const host = hostTemplate(doc, mode).cloneNode(false) as HTMLElement;
  const root = host.attachShadow({ mode: 'open' });
  let adopted = false;
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      adopted = true;
    } catch {
      // Firefox content scripts may refuse a sheet built in their own compartment.
    }
  }
  if (!adopted) {
    const style = doc.createElement('style');
    style.textContent = SHADOW_CSS;
    root.append(style);
  }
  for (const type of CONTAINED_EVENTS) root.addEventListener(type, stop);
  return { host, root };
}

/** Where the badge goes in a post: the adapter's anchor (and which selector found it), else the post. */
export function anchorOf(
  post: Element,
  selectors: readonly string[] | undefined,
): { anchor: Element; selector?: string } {
  for (const selector of selectors ?? []) {
    const anchor = post.querySelector(selector);
    if (anchor) return { anchor, selector };
  }
  return { anchor: post };
}
