/**
 * Puts the platform's shadow stylesheet (see `shadowHideCss`) inside every shadow root its counts
 * live in, before that root is first painted. Hosts arrive through the page reader's observer
 * (synchronously, in the mutation callback); a declarative shadow root may be attached a moment
 * after its host, so hosts without one yet are retried at every mutation and animation frame —
 * both run before the next paint.
 */
import type { PlatformAdapter } from '../platforms/types';
import { shadowHideCss } from './css';

export interface ShadowHider {
  /** Elements just added to the page (the reader's mutation callback passes them on). */
  added(elements: readonly Element[]): void;
}

const MARK = 'feedlens-shadow-hide';

export function installShadowHiding(
  doc: Document,
  adapter: Pick<PlatformAdapter, 'shadowHide'>,
  requestFrame: (callback: () => void) => void = (cb) => requestAnimationFrame(() => cb()),
): ShadowHider | null {
  const spec = adapter.shadowHide;
  if (!spec) return null;
  const css = shadowHideCss(adapter);
  const waiting = new Set<Element>();
  let frameScheduled = false;

  /** True once the host's root has the stylesheet (or the host can never get one). */
  const inject = (host: Element): boolean => {
    const root = host.shadowRoot;
    if (!root) return !host.isConnected;
    if (!root.querySelector(`style.${MARK}`)) {
      const style = doc.createElement('style');
      style.className = MARK;
      style.textContent = css;
      root.append(style);
    }
    return true;
  };

  const retry = () => {
    for (const host of waiting) if (inject(host)) waiting.delete(host);
    if (waiting.size && !frameScheduled) {
      frameScheduled = true;
      requestFrame(() => {
        frameScheduled = false;
        retry();
      });
    }
  };

  const consider = (host: Element) => {
    if (!inject(host)) waiting.add(host);
  };

  // Hosts already in the page when the content script starts.
  for (const host of doc.querySelectorAll(spec.hosts)) consider(host);
  retry();

  return {
    added(elements) {
      for (const element of elements) {
        if (element.matches(spec.hosts)) consider(element);
        else if (element.firstElementChild) for (const host of element.querySelectorAll(spec.hosts)) consider(host);
      }
      retry();
    },
  };
}
