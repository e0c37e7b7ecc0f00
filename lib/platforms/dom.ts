/**
 * Small DOM helpers shared by the adapters. All take the element to search, never `document`,
 * so adapters stay pure and testable on a parsed fixture.
 */

/** The first element matching any of `selectors`, tried in order (stable hooks first). */
export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}

/**
 * The first element matching `selector` that belongs to `post` itself rather than to a post
 * embedded in it (a quoted post carries its own author, time and text). `boundary` matches both
 * the post element and the embed containers.
 */
export function ownMatch(post: Element, selector: string, boundary: string): Element | null {
  // The first match is almost always the post's own: try it before listing every match (hot path).
  const first = post.querySelector(selector);
  if (!first || first.parentElement?.closest(boundary) === post) return first;
  for (const found of post.querySelectorAll(selector)) {
    if (found.parentElement?.closest(boundary) === post) return found;
  }
  return null;
}

/** Like {@link ownMatch} with ordered fallbacks. */
export function ownFirstMatch(post: Element, selectors: readonly string[], boundary: string): Element | null {
  for (const selector of selectors) {
    const found = ownMatch(post, selector, boundary);
    if (found) return found;
  }
  return null;
}

/** Visible text of an element with whitespace folded; "" when absent. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** An attribute's value, trimmed; null when absent or empty. */
export function attr(element: Element | null | undefined, name: string): string | null {
  const value = element?.getAttribute(name)?.trim();
  return value ? value : null;
}

/** Resolves a link against the page address; null for anything that is not http(s). */
export function absoluteUrl(href: string | null | undefined, base: URL): URL | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The path of a link, resolved against the page; null for an unparsable one. Root-relative links
 * (most sites') skip the URL parse: this runs for every post.
 */
export function pathOf(href: string | null | undefined, base: URL): string | null {
  if (!href) return null;
  if (href.startsWith('/') && !href.startsWith('//')) {
    const end = href.search(/[?#]/);
    return end < 0 ? href : href.slice(0, end);
  }
  try {
    return new URL(href, base).pathname;
  } catch {
    return null;
  }
}

/** Epoch ms from a machine-readable time (`<time datetime>`); undefined when unreadable. */
export function parseTime(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * "Has a number": a digit of any script, from the number grammar itself (lib/numbers), so that a
 * text this says has a number is one the parser can read, and the other way round.
 */
export { hasBrokenNumber, hasDigit } from '../numbers/normalize';
