/**
 * How Feedlens's work in a page is scheduled and accounted for; shared by the page reader and the
 * in-feed overlay, which both run on every scroll of someone's feed.
 */

/**
 * Runs `callback` once per frame, in a task of its own just after it (a zero timeout from the
 * frame's callback), not inside it: a feed's frame already near the 50 ms long-task limit is never
 * pushed over it by our scripts. Reads of attributes and text force no layout wherever they run.
 */
export function afterNextFrame(callback: () => void): void {
  requestAnimationFrame(() => setTimeout(callback, 0));
}

/** `flush` at the next frame however often this is asked for meanwhile: call the returned function. */
export function frameBatcher(requestFrame: (callback: () => void) => void, flush: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) return;
    scheduled = true;
    requestFrame(() => {
      scheduled = false;
      flush();
    });
  };
}

export interface BusyMeter {
  /** Runs `work`, adding its main-thread time to {@link BusyMeter.ms}. */
  time<T>(work: () => T): T;
  /** Milliseconds spent in `time` so far (reported to the popup's diagnostics and the benchmarks). */
  readonly ms: number;
}

export function busyMeter(): BusyMeter {
  const clock = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();
  let ms = 0;
  return {
    time(work) {
      const started = clock();
      try {
        return work();
      } finally {
        ms += clock() - started;
      }
    },
    get ms() {
      return ms;
    },
  };
}
