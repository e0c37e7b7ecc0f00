/**
 * In-page probes for the hiding tests: which elements the hide selectors target and how they are
 * styled at the moments that matter. Each function here runs inside the page (serialised by
 * Playwright), so it only uses what it is given.
 */
import type { Page } from 'playwright-core';
import type { HideMetric, PlatformAdapter } from '../../lib/platforms/types';
import { HIDE_METRICS } from '../../lib/platforms/types';

export interface Target {
  selector: string;
  mode: 'visibility' | 'display';
  metric: HideMetric;
  /** Set for counts inside the shadow roots of these hosts. */
  host?: string;
}

export function targetsOf(adapter: PlatformAdapter): Target[] {
  return HIDE_METRICS.flatMap((metric) => [
    ...(adapter.hide[metric] ?? []).map((selector) => ({ selector, mode: 'visibility' as const, metric })),
    ...(adapter.collapse?.[metric] ?? []).map((selector) => ({ selector, mode: 'display' as const, metric })),
    ...(adapter.shadowHide?.hide[metric] ?? []).map((selector) => ({
      selector,
      mode: 'visibility' as const,
      metric,
      host: adapter.shadowHide!.hosts,
    })),
  ]);
}

export type Styles = { metric: HideMetric; hidden: boolean[] }[];

/**
 * Installed with addInitScript: records each targeted element's style in the first frame it could
 * be painted in. A MutationObserver notes elements as the parser (or the page) inserts them; the
 * next animation frame — whose callbacks run before that frame is painted — reads their computed
 * style. Shadow hosts are checked every frame until their root exists.
 */
export function recordFirstFrames(list: Target[]): void {
  const results = list.map((t) => ({ metric: t.metric, hidden: [] as boolean[] }));
  const seen = new WeakSet<Element>();
  const hostsDone = new WeakSet<Element>();
  let pending: Element[] = [];
  let waitingHosts: Element[] = [];
  (window as unknown as { __firstFrames: typeof results }).__firstFrames = results;
  const isHidden = (el: Element, mode: string) =>
    mode === 'display' ? getComputedStyle(el).display === 'none' : getComputedStyle(el).visibility === 'hidden';
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) pending.push(node);
  }).observe(document, { childList: true, subtree: true });
  const onFrame = () => {
    const roots = pending;
    pending = [];
    list.forEach(({ selector, mode, host }, i) => {
      for (const root of roots) {
        if (!root.isConnected) continue;
        if (host) {
          const hosts = root.matches(host) ? [root] : [...root.querySelectorAll(host)];
          waitingHosts.push(...hosts);
          continue;
        }
        const found = root.matches(selector)
          ? [root, ...root.querySelectorAll(selector)]
          : [...root.querySelectorAll(selector)];
        for (const el of found) {
          if (seen.has(el)) continue;
          seen.add(el);
          results[i]!.hidden.push(isHidden(el, mode));
        }
      }
    });
    const stillWaiting: Element[] = [];
    for (const hostElement of waitingHosts) {
      if (hostsDone.has(hostElement)) continue;
      const shadow = hostElement.shadowRoot;
      if (!shadow) {
        if (hostElement.isConnected) stillWaiting.push(hostElement);
        continue;
      }
      hostsDone.add(hostElement);
      list.forEach(({ selector, mode, host }, i) => {
        if (host && hostElement.matches(host))
          for (const el of shadow.querySelectorAll(selector)) results[i]!.hidden.push(isHidden(el, mode));
      });
    }
    waitingHosts = stillWaiting;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

/** Every targeted element's state now (light DOM and shadow roots). */
export function currentStyles(list: Target[]): Styles {
  return list.map(({ selector, mode, metric, host }) => {
    const elements = host
      ? [...document.querySelectorAll(host)].flatMap((h) => [...(h.shadowRoot?.querySelectorAll(selector) ?? [])])
      : [...document.querySelectorAll(selector)];
    return {
      metric,
      hidden: elements.map((el) =>
        mode === 'display' ? getComputedStyle(el).display === 'none' : getComputedStyle(el).visibility === 'hidden',
      ),
    };
  });
}

/**
 * Installed in a page: when the live layer's token list on <html> changes (the content script
 * sets it the moment the settings message arrives), reads the targets' styles in the very next
 * animation frame.
 */
export function watchFirstFrameAfterChange(list: Target[]): void {
  const w = window as unknown as { __afterChange: Styles[]; __currentStyles: typeof currentStyles };
  w.__afterChange = [];
  new MutationObserver(() => {
    requestAnimationFrame(() => w.__afterChange.push(w.__currentStyles(list)));
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-feedlens-hide'] });
}

/**
 * Action controls (buttons, links) holding counts that are hidden in place (`visibility`): their
 * boxes, and whether a click lands on them. A control that is wholly the count (LinkedIn's
 * "4 comments" summary, whose number and word are one text; a link holding only "You and 18 others")
 * hides with it; collapsed texts leave the flow by design.
 */
export function controls(list: Target[]): { box: number[]; hit: boolean; label: string }[] {
  const found = new Set<Element>();
  for (const { selector, host, mode } of list) {
    if (mode !== 'visibility') continue;
    const elements = host
      ? [...document.querySelectorAll(host)].flatMap((h) => [...(h.shadowRoot?.querySelectorAll(selector) ?? [])])
      : [...document.querySelectorAll(selector)];
    for (const el of elements) {
      const control = el.closest('button, a, [role="button"]');
      // A control with nothing but the count in it (no icon, no other words) is the count itself.
      const whollyCount =
        control && control.textContent?.trim() === el.textContent?.trim() && !control.querySelector('img, svg');
      if (control && !el.contains(control) && !whollyCount) found.add(control);
    }
  }
  return [...found].map((control) => {
    const r = control.getBoundingClientRect();
    const root = control.getRootNode() as Document | ShadowRoot;
    // Clickable if a click on its middle, or on one of its visible icons, lands on it.
    const points = [r, ...[...control.querySelectorAll('img, svg')].map((el) => el.getBoundingClientRect())]
      .filter((b) => b.width > 0 && b.height > 0)
      .map((b) => [b.x + b.width / 2, b.y + b.height / 2] as const);
    const inView = points.filter(([x, y]) => y >= 0 && y < innerHeight && x >= 0 && x < innerWidth);
    const hit =
      inView.length === 0 ||
      inView.some(([x, y]) => {
        const target = root.elementFromPoint(x, y);
        return !!target && control.contains(target);
      });
    const label = `${control.tagName.toLowerCase()} ${control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 40) ?? ''}`;
    return { box: [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)], hit, label };
  });
}

/** What a reader of the page sees, and what it holds. */
export function pageText(): { rendered: string; all: string; times: boolean[] } {
  return {
    rendered: document.body.innerText,
    all: document.body.textContent ?? '',
    times: [...document.querySelectorAll('time')].map(
      (t) => getComputedStyle(t).visibility !== 'hidden' && getComputedStyle(t).display !== 'none',
    ),
  };
}

/** Whether the like count of the n-th post on an X page is hidden (from the test runner). */
export const xLikeHidden = (page: Page, n = 0) =>
  page.evaluate((i) => {
    const span = document.querySelectorAll('article')[i]!.querySelector('[data-testid$="like"] span')!;
    return getComputedStyle(span).visibility === 'hidden';
  }, n);
