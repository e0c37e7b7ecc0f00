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
  /** Runs `work`, adding its main-thread time to {@link BusyMeter.ms} (timed one call in `sampleEvery`). */
  time<T>(work: () => T): T;
  /** Estimated milliseconds spent in `time` so far (reported to the popup's diagnostics and the benchmarks). */
  readonly ms: number;
}

export interface BusyMeterOptions {
  /**
   * Times one call in this many, and scales: reading the clock around every observer callback and
   * frame was a measurable part of the work it measured (two `performance.now()` calls each).
   */
  sampleEvery?: number;
  clock?(): number;
}

export function busyMeter(options: BusyMeterOptions = {}): BusyMeter {
  const clock = options.clock ?? (typeof performance !== 'undefined' ? () => performance.now() : () => Date.now());
  const every = Math.max(1, options.sampleEvery ?? 4);
  let sampledMs = 0;
  let calls = 0;
  let sampled = 0;
  return {
    time(work) {
      // The first call is always timed: a meter that ran at all never reads 0.
      if (calls++ % every !== 0) return work();
      sampled++;
      const started = clock();
      try {
        return work();
      } finally {
        sampledMs += clock() - started;
      }
    },
    get ms() {
      return sampled === 0 ? 0 : (sampledMs * calls) / sampled;
    },
  };
}

/**
 * A timer that does nothing once the content script is invalidated (the extension reloaded or
 * updated). Not `ctx.setTimeout`: WXT's adds an `abort` listener to the context's signal for every
 * timer and never removes it, so a feed's timers (a send every 250 ms, a stats question, a frame
 * batch) piled up thousands of closures an hour, and each new listener is checked against all of
 * them (seen as 6 ms of a 500-post scroll's 330 ms in a CPU profile, and growing).
 */
export function timerFor(ctx: { readonly isValid: boolean }): (callback: () => void, ms: number) => number {
  return (callback, ms) =>
    globalThis.setTimeout(() => {
      if (ctx.isValid) callback();
    }, ms) as unknown as number;
}
