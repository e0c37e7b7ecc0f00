/**
 * Runs snapshot retention in the background: shortly after the service worker starts, and some
 * seconds after readings arrive (at most once per `minIntervalMs`), without any extra permission:
 * the worker is awake then anyway, and that is exactly when new snapshots need thinning. Each run
 * thins the posts flagged at ingest in small batched transactions (lib/storage/prune.ts).
 */
import { browser } from 'wxt/browser';
import type { FeedlensDatabase } from '../storage/db';
import { pruneAll, type PruneResult } from '../storage/prune';

export interface RetentionJobOptions {
  /** Delay after start-up or after readings before a run (lets a burst of readings land first). */
  delayMs?: number;
  /** Runs are at least this far apart. */
  minIntervalMs?: number;
  setTimer?(callback: () => void, ms: number): void;
  now?(): number;
  onRun?(result: PruneResult): void;
}

export interface RetentionJob {
  /** Asks for a run soon (after `delayMs`, or when the minimum interval allows). */
  schedule(): void;
  /** Runs now (unless a run is in progress); resolves with what it did. */
  run(): Promise<PruneResult>;
}

export function createRetentionJob(
  getDb: () => Promise<FeedlensDatabase>,
  options: RetentionJobOptions = {},
): RetentionJob {
  const delayMs = options.delayMs ?? 10_000;
  const minIntervalMs = options.minIntervalMs ?? 5 * 60_000;
  const setTimer = options.setTimer ?? ((cb, ms) => void setTimeout(cb, ms));
  const now = options.now ?? Date.now;
  let scheduled = false;
  let running: Promise<PruneResult> | null = null;
  let lastRun = -Infinity;

  const run = () => {
    if (running) return running;
    lastRun = now();
    running = getDb()
      .then((db) => pruneAll(db))
      .then((result) => {
        options.onRun?.(result);
        return result;
      })
      .catch((error: unknown) => {
        console.error('Feedlens: snapshot retention failed; it will be tried again later', error);
        return { posts: 0, deleted: 0 };
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  return {
    schedule() {
      if (scheduled) return;
      scheduled = true;
      const wait = Math.max(delayMs, lastRun + minIntervalMs - now());
      setTimer(() => {
        scheduled = false;
        void run();
      }, wait);
    },
    run,
  };
}

/** Wires the job to the worker: a run after start-up, and after readings arrive. */
export function startRetentionJob(
  getDb: () => Promise<FeedlensDatabase>,
  options: RetentionJobOptions = {},
): RetentionJob {
  const job = createRetentionJob(getDb, options);
  job.schedule();
  browser.runtime.onMessage.addListener((message: unknown) => {
    if ((message as { type?: unknown } | null)?.type === 'readings') job.schedule();
  });
  return job;
}
