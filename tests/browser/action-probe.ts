/**
 * In-page probes for the fail-closed hiding test: the digits inside the action areas a test marked
 * (`data-probe-action`, see tests/site-change.ts), as painted in the first frame they could be,
 * and the buttons there. Each function runs inside the page (serialised by Playwright), so it only
 * uses what it is given.
 */

export interface DigitSeen {
  text: string;
  visible: boolean;
  /** Inside an element the post selector matches (through a shadow root's host). */
  inPost: boolean;
}

/**
 * Installed with addInitScript: for every marked action area, in the first animation frame after
 * it enters the page (its callbacks run before that frame is painted), whether each of its digits
 * is painted. Areas inside shadow roots are found once their host's root exists.
 */
export function recordActionAreas({ hosts, post }: { hosts: string | null; post: string }): void {
  const seen: DigitSeen[] = [];
  (window as unknown as { __actionDigits: DigitSeen[] }).__actionDigits = seen;
  const done = new WeakSet<Element>();
  const doneRoots = new WeakSet<ShadowRoot>();
  let pending: Element[] = [];
  let waitingHosts: Element[] = [];
  const painted = (el: Element) => {
    const style = getComputedStyle(el);
    return (
      style.visibility !== 'hidden' &&
      style.webkitTextFillColor !== 'rgba(0, 0, 0, 0)' &&
      el.checkVisibility({ visibilityProperty: true })
    );
  };
  const check = (root: ParentNode) => {
    const areas = [...root.querySelectorAll('[data-probe-action]')];
    if (root instanceof Element && root.matches('[data-probe-action]')) areas.unshift(root);
    for (const area of areas) {
      if (done.has(area)) continue;
      done.add(area);
      const tree = area.getRootNode();
      const inPost = !!(tree instanceof ShadowRoot ? tree.host : area).closest(post);
      const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const text = (t.nodeValue ?? '').trim();
        if (!/\d/.test(text) || t.parentElement!.closest('time')) continue;
        seen.push({ text, visible: painted(t.parentElement!), inPost });
      }
    }
  };
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) pending.push(node);
  }).observe(document, { childList: true, subtree: true });
  const onFrame = () => {
    const roots = pending;
    pending = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      check(root);
      if (hosts) waitingHosts.push(...(root.matches(hosts) ? [root] : []), ...root.querySelectorAll(hosts));
    }
    waitingHosts = waitingHosts.filter((host) => {
      const shadow = host.shadowRoot;
      if (!shadow) return host.isConnected;
      if (!doneRoots.has(shadow)) {
        doneRoots.add(shadow);
        check(shadow);
      }
      return false;
    });
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

export interface ActionButton {
  label: string;
  /** Width and height: hiding must not change them. */
  box: number[];
  /** The button itself is hidden: it was nothing but a count (Instagram's "4" beside its icon). */
  selfHidden: boolean;
}

/**
 * The buttons of every marked action area (the area itself when it is one, else those inside it),
 * remembered for {@link buttonPoint} and listened to for clicks.
 */
export function actionButtons(hosts: string | null): ActionButton[] {
  const roots: ParentNode[] = [document];
  if (hosts) for (const host of document.querySelectorAll(hosts)) if (host.shadowRoot) roots.push(host.shadowRoot);
  const buttons = new Set<Element>();
  for (const root of roots)
    for (const area of root.querySelectorAll('[data-probe-action]')) {
      const inside = area.matches('button, [role="button"]')
        ? [area]
        : area.querySelectorAll('button, [role="button"]');
      for (const button of inside) buttons.add(button);
    }
  const w = window as unknown as { __clicked: Set<Element>; __buttons: Element[] };
  w.__clicked = new Set();
  w.__buttons = [...buttons];
  return w.__buttons.map((button) => {
    button.addEventListener('click', (event) => {
      event.preventDefault();
      w.__clicked.add(button);
    });
    const r = button.getBoundingClientRect();
    return {
      label: `${button.tagName.toLowerCase()} ${button.getAttribute('aria-label') ?? button.textContent?.trim().slice(0, 30)}`,
      box: [Math.round(r.width), Math.round(r.height)],
      selfHidden: getComputedStyle(button).visibility === 'hidden',
    };
  });
}

/** Scrolls button `index` into view and returns where to click it now. */
export function buttonPoint(index: number): number[] | null {
  const button = (window as unknown as { __buttons: Element[] }).__buttons[index]!;
  button.scrollIntoView({ block: 'center' });
  const icon = button.querySelector('svg, img, [role="img"], yt-icon, span:empty');
  const box =
    icon && icon.getBoundingClientRect().width > 0 ? icon.getBoundingClientRect() : button.getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? [box.x + box.width / 2, box.y + box.height / 2] : null;
}

export function wasClicked(index: number): boolean {
  const w = window as unknown as { __clicked: Set<Element>; __buttons: Element[] };
  return w.__clicked.has(w.__buttons[index]!);
}
