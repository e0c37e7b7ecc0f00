/**
 * Test helpers: site changes an adapter's selectors miss, applied to any fixture.
 *
 * `alterCounts`: a change the hide selectors miss. Every element an
 * adapter's hide selectors target loses its class, `id` and `data-*` values (`data-testid`,
 * `data-e2e`, …) and, unless it is a button, a link or a group, its tag name (it becomes `<x-count>`); one still matched by position
 * gets a new element before it; until no hide selector matches anything. Before that, the action areas the counts sit in are marked `data-probe-action`, so a
 * test can check them on the altered page: the nearest `button`, `[role=button]`, `[role=group]`
 * or `[role=toolbar]` around the count, else the nearest ancestor (three levels at most) with a
 * button among its children (Reddit's score between its vote arrows).
 *
 * `breakPosts`: a change the post selector misses: every post element gets a new tag name and new
 * classes and `data-*` values (and a new id, if it is still found), its content (links, counts)
 * left as it was.
 *
 * Both work on any DOM (happy-dom in unit tests, in Node for the browser tests); shadow roots may be
 * declarative (`<template shadowrootmode>` children, as a parser without shadow DOM leaves them)
 * or attached.
 */
import type { PlatformAdapter } from '../lib/platforms/types';

export const ACTION_ATTR = 'data-probe-action';

const CONTROL = 'button, [role="button"], [role="group"], [role="toolbar"]';
const BUTTON = 'button, [role="button"]';
const SCRAMBLED = ['class', 'id'];

type Root = Document | DocumentFragment | ShadowRoot;

function safeAll(root: Root, selector: string): Element[] {
  try {
    return [...root.querySelectorAll(selector)];
  } catch {
    return []; // a selector this DOM cannot parse (pseudo-elements); Chromium checks them elsewhere
  }
}

/** The roots to look in, with the selectors that apply there. */
function rootsOf(doc: Document, adapter: PlatformAdapter): [Root, string[]][] {
  // Notification badges sit in the site's navigation, outside every post: the safe rule works in
  // posts' action areas, so a redesign of the navigation is not what these helpers simulate.
  const { notifications: _navigation, ...postCounts } = adapter.hide;
  const light = [...Object.values(postCounts), ...Object.values(adapter.collapse ?? {})].flat();
  const roots: [Root, string[]][] = [[doc, light]];
  const spec = adapter.shadowHide;
  if (spec) {
    const selectors = Object.values(spec.hide).flat();
    for (const host of safeAll(doc, spec.hosts)) {
      const root =
        host.shadowRoot ?? host.querySelector<HTMLTemplateElement>(':scope > template[shadowrootmode]')?.content;
      if (root) roots.push([root, selectors]);
    }
  }
  return roots;
}

export function actionAreaOf(count: Element): Element | null {
  const control = count.closest(CONTROL);
  if (control) return control;
  let node: Element | null = count;
  for (let up = 0; up < 3 && node; up++, node = node.parentElement) {
    if ([...node.children].some((child) => child.matches(BUTTON))) return node;
  }
  return null;
}

/**
 * One step of a redesign: new attributes; then a new tag name; then, for a selector that still
 * matches by position ("the element after the toolbar"), a new element before it.
 */
function scramble(element: Element, serial: number): void {
  const doc = element.ownerDocument;
  if (element.getAttribute('data-altered') !== null) {
    // Still matched through where it sits: by position, by its parent's id (Reddit's vote arrows),
    // by a relation attribute (LinkedIn's aria-labelledby): a redesign changes those too.
    element.before(doc.createElement('x-spacer'));
    element.removeAttribute('aria-labelledby');
    // Only the parent's id: its classes may carry the page's own layout (Shorts' action column
    // sits above the player overlay by its class), which a real redesign would restyle, not drop.
    const parent = element.parentElement;
    if (parent?.id) parent.id = `zz${serial}`;
    return;
  }
  renameAttributes(element, serial);
  if (element.matches(CONTROL) || element.matches('a')) {
    element.setAttribute('data-altered', '');
    return;
  }
  const renamed = doc.createElement('x-count');
  for (const attribute of element.attributes) renamed.setAttribute(attribute.name, attribute.value);
  renamed.setAttribute('data-altered', '');
  renamed.append(...element.childNodes);
  element.replaceWith(renamed);
}

function renameAttributes(element: Element, serial: number): void {
  for (const { name } of Array.from(element.attributes))
    if (SCRAMBLED.includes(name) || (name.startsWith('data-') && name !== ACTION_ATTR && name !== 'data-altered'))
      element.setAttribute(name, `zz${serial}`);
}

/** Alters the counts' markup in place; returns how many action areas hold counts. */
export function alterCounts(doc: Document, adapter: PlatformAdapter): number {
  const areas = new Set<Element>();
  for (const [root, selectors] of rootsOf(doc, adapter)) {
    for (const selector of selectors)
      for (const count of safeAll(root, selector)) {
        const area = /\d/.test(count.textContent ?? '') ? actionAreaOf(count) : null;
        if (area) areas.add(area);
      }
  }
  for (const area of areas) area.setAttribute(ACTION_ATTR, '');
  let serial = 0;
  for (let pass = 0; pass < 20; pass++) {
    let matched = 0;
    for (const [root, selectors] of rootsOf(doc, adapter))
      for (const selector of selectors)
        for (const element of safeAll(root, selector)) {
          matched++;
          scramble(element, serial++);
        }
    if (matched === 0) break;
  }
  return areas.size;
}

/** Hide selectors that still match a count (the alteration must leave none). */
export function stillTargeted(doc: Document, adapter: PlatformAdapter): string[] {
  return rootsOf(doc, adapter).flatMap(([root, selectors]) =>
    selectors.filter((s) => safeAll(root, s).some((el) => /\d/.test(el.textContent ?? ''))),
  );
}

/** The post an action area belongs to on the altered page (through a shadow root's host). */
export function postOf(area: Element, adapter: PlatformAdapter): Element | null {
  const root = area.getRootNode() as Document | ShadowRoot;
  const from = root.nodeType === 11 ? (root as ShadowRoot).host : area;
  return from?.closest(adapter.postSelector) ?? null;
}

/** Turns declarative shadow roots into attached ones, for DOMs whose parser leaves them as templates. */
export function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/** Breaks the post selector; returns how many post elements there were. */
export function breakPosts(doc: Document, adapter: PlatformAdapter): number {
  const posts = safeAll(doc, adapter.postSelector).length;
  for (let pass = 0, serial = 0; pass < 10; pass++) {
    const found = safeAll(doc, adapter.postSelector);
    if (found.length === 0) break;
    for (const post of found) {
      // Ids go only when nothing else did (TikTok's video page is found by its id).
      const scrambled = post.tagName === 'X-POST' ? ['id'] : ['class'];
      for (const { name } of post.attributes)
        if (scrambled.includes(name) || (name.startsWith('data-') && post.tagName !== 'X-POST'))
          post.setAttribute(name, `zz${serial++}`);
      const renamed = doc.createElement('x-post');
      for (const attribute of post.attributes) renamed.setAttribute(attribute.name, attribute.value);
      renamed.append(...post.childNodes);
      post.replaceWith(renamed);
    }
  }
  return posts;
}
