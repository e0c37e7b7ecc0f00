/**
 * Which posts are within reach of the viewport. A feed keeps hundreds of posts loaded after a long
 * scroll (Reddit, Bluesky, YouTube's grid never drop them): a badge, its shadow root and its stats
 * question are only worth making for posts the user is about to see.
 */

export interface NearViewport {
  /** Reports `element` through the watcher's callback once it comes within reach (maybe at once). */
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

export type NearViewportFactory = (onNear: (elements: Element[]) => void) => NearViewport;

/**
 * Two screens above and below the viewport: a badge is ready well before its post scrolls in, even
 * on a fast fling. Elements are reported once, then no longer watched (their badges stay).
 */
export function nearViewportWatcher(view: (Window & typeof globalThis) | null): NearViewportFactory {
  return (onNear) => {
    if (!view?.IntersectionObserver) return everythingNear(onNear);
    const observer = new view.IntersectionObserver(
      (entries) => {
        const near: Element[] = [];
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          near.push(entry.target);
        }
        if (near.length) onNear(near);
      },
      { rootMargin: '200% 0px' },
    );
    return {
      observe: (element) => observer.observe(element),
      unobserve: (element) => observer.unobserve(element),
      disconnect: () => observer.disconnect(),
    };
  };
}

/** Every element is near at once (no IntersectionObserver, and unit tests that are not about it). */
export function everythingNear(onNear: (elements: Element[]) => void): NearViewport {
  return { observe: (element) => onNear([element]), unobserve: () => undefined, disconnect: () => undefined };
}
