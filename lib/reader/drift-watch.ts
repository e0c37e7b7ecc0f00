/**
 * When drift detection looks at a page. The reader runs on every scroll; looking over the whole
 * document for recognizable posts does not, so it happens on a timer, only while the page has read
 * nothing since it loaded, navigated or resumed (once a post is read, the adapter understands the
 * layout and the watch ends), and only when the page changed since the last look or a suspicion
 * is being confirmed. Reading pauses once unseen posts stay for DRIFT_GRACE_MS: a page that renders
 * its posts a moment after their links is not judged in between.
 *
 *   reset ──▶ tick every DRIFT_CHECK_MS ──▶ page read something, or paused: stop
 *                 │ changed since last look (or suspecting)?
 *                 ▼
 *             recognizeUnseenPosts ── fewer than MIN_UNSEEN_POSTS: not suspecting
 *                 │ enough, and for DRIFT_GRACE_MS
 *                 ▼
 *             onDrift(report)
 */
import { DRIFT_CHECK_MS, DRIFT_GRACE_MS, MIN_UNSEEN_POSTS, type DriftReport } from './drift';

export interface DriftWatchOptions {
  /** Looks at the page (recognizeUnseenPosts). */
  check(): DriftReport;
  /** Nothing to watch: the page has read posts since the last reset, or reading is paused. */
  settled(): boolean;
  onDrift(report: DriftReport): void;
  setTimer(callback: () => void, ms: number): void;
  now(): number;
}

export interface DriftWatch {
  /** Starts watching afresh: a page that has read nothing yet (start, in-app navigation). */
  reset(): void;
  /** The page added elements: worth looking at again. */
  changed(): void;
  stop(): void;
}

export function createDriftWatch(options: DriftWatchOptions): DriftWatch {
  /** Bumped to cancel the pending tick (timers here cannot be cleared). */
  let generation = 0;
  let changedSinceLook = true;
  let suspectSince: number | null = null;

  const schedule = (own: number) => options.setTimer(() => tick(own), DRIFT_CHECK_MS);

  function tick(own: number): void {
    if (own !== generation || options.settled()) return;
    if (changedSinceLook || suspectSince !== null) {
      changedSinceLook = false;
      const report = options.check();
      const at = options.now();
      if (report.unseen < MIN_UNSEEN_POSTS) suspectSince = null;
      else if (suspectSince === null) suspectSince = at;
      else if (at - suspectSince >= DRIFT_GRACE_MS) {
        suspectSince = null;
        options.onDrift(report);
        return;
      }
    }
    schedule(own);
  }

  return {
    reset() {
      generation++;
      changedSinceLook = true;
      suspectSince = null;
      schedule(generation);
    },
    changed() {
      changedSinceLook = true;
    },
    stop() {
      generation++;
    },
  };
}
