/**
 * In-page probes for the overlay tests (each runs inside the page, serialised by Playwright, so it
 * only uses what it is given). Like hide-probe.ts's `controls`, but over every element and every
 * control of the page, its open shadow roots included, and never our own badges.
 */
import type { Page } from 'playwright-core';

/**
 * Makes the window as tall as the page, so that every post is near the viewport and keeps its
 * badge (badges are only on posts within half a screen of it): for the tests that compare the
 * whole page with and without badges. Runs in Node, unlike the probes below.
 */
export async function showWholePage(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: page.viewportSize()?.width ?? 1100, height: Math.max(900, height) });
}

export interface Layout {
  /** Every page element's box in page coordinates, in document order ("TAG x,y,w,h"). */
  boxes: string[];
  /** Every control, and whether a click on its middle (and on each of its icons) reaches it. */
  controls: { label: string; hit: boolean }[];
  text: string;
}

/** The page's layout and controls, leaving out Feedlens's badges (`tag`). */
export function pageLayout(tag: string): Layout {
  const ours = (el: Element) => el.localName === tag || !!el.closest(tag);
  const elements: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (ours(el)) continue;
      elements.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const round = (v: number) => Math.round(v * 100) / 100;
  const boxes = elements.map((el) => {
    const r = el.getBoundingClientRect();
    return `${el.localName} ${round(r.x + scrollX)},${round(r.y + scrollY)},${round(r.width)},${round(r.height)}`;
  });
  const isControl = (el: Element) =>
    el.matches('button, a[href], input, select, textarea, [role="button"], [role="link"], [role="switch"]');
  const controls = elements.filter(isControl).map((control) => {
    const root = control.getRootNode() as Document | ShadowRoot;
    const box = () => control.getBoundingClientRect();
    if (box().width === 0 || box().height === 0) return { label: control.localName, hit: true };
    control.scrollIntoView({ block: 'center', inline: 'center' });
    const points = [box(), ...[...control.querySelectorAll('svg, img')].map((i) => i.getBoundingClientRect())]
      .filter((b) => b.width > 0 && b.height > 0)
      .map((b) => [b.x + b.width / 2, b.y + b.height / 2] as const);
    // Reached: the element there is the control or inside it, and not one of our badges.
    const hit = points.every(([x, y]) => {
      const target = root.elementFromPoint(x, y);
      return !!target && control.contains(target) && !ours(target);
    });
    const name = control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 30) ?? '';
    const label = `${control.localName} ${name}`;
    return { label, hit };
  });
  scrollTo(0, 0);
  return { boxes, controls, text: document.body.textContent ?? '' };
}

/** What each badge shows, and where it sits. */
export function badges(tag: string): { text: string; anchor: string; background: string; lightChildren: number }[] {
  return [...document.querySelectorAll(tag)].map((host) => {
    const button = host.shadowRoot?.querySelector('button.badge');
    return {
      text: button?.textContent ?? '',
      anchor: host.parentElement?.getAttribute('data-testid') ?? host.parentElement?.localName ?? '',
      background: button ? getComputedStyle(button).backgroundColor : '',
      lightChildren: host.childNodes.length,
    };
  });
}
