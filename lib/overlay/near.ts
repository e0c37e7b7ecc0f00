/**
 * Which posts are within reach of the viewport. A feed keeps dozens to hundreds of posts loaded
 * (Reddit, Bluesky, YouTube's grid never drop them; X keeps about forty cells): a badge costs its
 * style, layout and paint on every frame the page changes while it is in the page, so badges are
 * only worth having on posts the user is about to see or is seeing.
 */

export interface NearViewport {
  /** Watches `element`: reported through the watcher's callback as it comes within reach (maybe at once) and leaves. */
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

/** `near`: elements that came within reach; `far`: elements that left it (or the page). */
export type NearViewportFactory = (onChange: (near: Element[], far: Element[]) => void) => NearViewport;

/**
 * Half a screen above and below the viewport: a badge is placed before its post scrolls in, and
 * taken off (back to the pool) once its post is that far out, so a page holds about two screens'
 * worth of badges however long the feed.
 */
export const NEAR_MARGIN = '50% 0px';

export function nearViewportWatcher(view: (Window & typeof globalThis) | null): NearViewportFactory {
  return (onChange) => {
    if (!view?.IntersectionObserver) return everythingNear(onChange);
    const observer = new view.IntersectionObserver(
      (entries) => {
        const near: Element[] = [];
        const far: Element[] = [];
        for (const entry of entries) (entry.isIntersecting ? near : far).push(entry.target);
        if (near.length || far.length) onChange(near, far);
      },
      { rootMargin: NEAR_MARGIN },
    );
    return {
      observe: (element) => observer.observe(element),
      unobserve: (element) => observer.unobserve(element),
      disconnect: () => observer.disconnect(),
    };
  };
}

/** Every element is near at once and stays so (no IntersectionObserver, and unit tests that are not about it). */
export function everythingNear(onChange: (near: Element[], far: Element[]) => void): NearViewport {
  return { observe: (element) => onChange([element], []), unobserve: () => undefined, disconnect: () => undefined };
}
