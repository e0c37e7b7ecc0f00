/**
 * Puts the platform's shadow stylesheet (see `shadowHideCss`) inside every shadow root its counts
 * live in, before that root is first painted. Hosts arrive through the page reader's observer
 * (synchronously, in the mutation callback); a declarative shadow root may be attached a moment
 * after its host, so hosts without one yet are retried at every mutation and, for a few frames
 * after they arrive, at every animation frame — both run before the next paint. A host still
 * without a root then (a custom element upgraded seconds later, or one that never gets a root:
 * Reddit builds that render counts in the light DOM) is checked twice a second, no longer every
 * frame: a frame callback forever kept such pages from ever being idle.
 */
import type { PlatformAdapter } from '../platforms/types';
import { shadowHideCss } from './css';

export interface ShadowHider {
  /** Elements just added to the page (the reader's mutation callback passes them on). */
  added(elements: readonly Element[]): void;
}

const MARK = 'feedlens-shadow-hide';

/** Frames at which new hosts without a root are retried, before the slower retries. */
export const FAST_RETRY_FRAMES = 30;
export const SLOW_RETRY_MS = 500;

export function installShadowHiding(
  doc: Document,
  adapter: Pick<PlatformAdapter, 'shadowHide'>,
  requestFrame: (callback: () => void) => void = (cb) => requestAnimationFrame(() => cb()),
  setTimer: (callback: () => void, ms: number) => void = (cb, ms) => void setTimeout(cb, ms),
): ShadowHider | null {
  const spec = adapter.shadowHide;
  if (!spec) return null;
  const css = shadowHideCss(adapter);
  const waiting = new Set<Element>();
  let fastFramesLeft = 0;

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

  // At most one frame and one timer pending: a host arriving during the slow retries gets its fast
  // frames at once, without waiting for the timer.
  let frameScheduled = false;
  let timerScheduled = false;
  const retry = () => {
    for (const host of waiting) if (inject(host)) waiting.delete(host);
    if (!waiting.size) return;
    if (fastFramesLeft > 0) {
      if (frameScheduled) return;
      frameScheduled = true;
      fastFramesLeft--;
      requestFrame(() => {
        frameScheduled = false;
        retry();
      });
    } else if (!frameScheduled && !timerScheduled) {
      timerScheduled = true;
      setTimer(() => {
        timerScheduled = false;
        retry();
      }, SLOW_RETRY_MS);
    }
  };

  const consider = (host: Element) => {
    if (inject(host)) return;
    waiting.add(host);
    fastFramesLeft = FAST_RETRY_FRAMES;
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
