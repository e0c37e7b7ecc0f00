/**
 * Gathers readings from all tabs and writes them in batched transactions: many small messages
 * become one write every `delayMs`. A failed write (a full disk) is reported, not retried in a
 * loop, and never touches what is already stored.
 *
 * Writes run one at a time, and each takes everything that gathered while the previous one ran
 * (up to `maxTransaction` readings). Under load (many tabs, a long scroll) batches therefore grow,
 * and a post read several times in one batch costs one post-record write instead of several.
 *
 * `push` says when its readings are committed (their transaction completed), which is what the
 * background acknowledges to the content script that sent them (lib/content/delivery.ts).
 */
import type { PostReading } from '../model';
import type { FeedlensDatabase } from '../storage/db';
import { createPostCache, ingestReadings, type IngestResult } from '../storage/ingest';
import { isQuotaError } from '../storage/quota';

export interface IngestQueueOptions {
  getDb(): Promise<FeedlensDatabase>;
  delayMs?: number;
  /** This many readings waiting are written at once rather than after `delayMs`. */
  maxBatch?: number;
  /** The most readings one transaction takes (it holds the store while it runs). */
  maxTransaction?: number;
  onWritten?(result: IngestResult): void;
  onError?(error: unknown, lost: number): void;
  /** A write refused for lack of space (QuotaExceededError): make room, then the batch is retried once. */
  makeRoom?(error: unknown): Promise<unknown>;
  setTimer?(callback: () => void, ms: number): void;
}

export interface IngestQueue {
  /**
   * Queues readings for the next write. Resolves true once every one of them is committed, false
   * if a write that held some of them failed (never rejects: callers may ignore it).
   */
  push(readings: readonly PostReading[]): Promise<boolean>;
  /** Writes everything queued now; resolves when written (or failed). */
  flush(): Promise<void>;
  /** Someone else wrote post records (retention, an import): forget the cached ones. */
  invalidate(): void;
}

export function createIngestQueue(options: IngestQueueOptions): IngestQueue {
  const delayMs = options.delayMs ?? 200;
  const maxBatch = options.maxBatch ?? 2000;
  const maxTransaction = Math.max(maxBatch, options.maxTransaction ?? 10_000);
  const setTimer = options.setTimer ?? ((cb, ms) => void setTimeout(cb, ms));
  const queue: PostReading[] = [];
  let timerSet = false;
  /** The chain of writes: two batches never race for the same post record. */
  let writing: Promise<void> = Promise.resolve();
  /** A write is chained and has not taken its readings yet: more pushes join it. */
  let gathering = false;

  const cache = createPostCache();
  /**
   * Who waits for which readings: the readings ever pushed are numbered in order, writes take them
   * from the front, so a push is settled once the write holding its last reading is done.
   */
  let pushed = 0;
  let taken = 0;
  let waiters: { begin: number; end: number; ok: boolean; settle(ok: boolean): void }[] = [];

  function settle(start: number, end: number, ok: boolean): void {
    const remaining: typeof waiters = [];
    for (const waiter of waiters) {
      // A push whose readings overlap a failed write failed, wherever its other readings went.
      if (!ok && waiter.begin < end && waiter.end > start) waiter.ok = false;
      if (waiter.end <= end) waiter.settle(waiter.ok);
      else remaining.push(waiter);
    }
    waiters = remaining;
  }

  async function writeGathered(): Promise<void> {
    gathering = false;
    const batch = queue.splice(0, maxTransaction);
    const start = taken;
    const end = (taken += batch.length);
    // What did not fit is written next, after this one.
    if (queue.length) flush();
    let ok = false;
    const write = async () => {
      const db = await options.getDb();
      // Not `onWritten?.(await …)`: an optional call would skip the write when nobody listens.
      const result = await ingestReadings(db, batch, undefined, cache);
      ok = true;
      options.onWritten?.(result);
    };
    try {
      await write().catch(async (error: unknown) => {
        if (!options.makeRoom || !isQuotaError(error)) throw error;
        await options.makeRoom(error);
        await write();
      });
    } catch (error) {
      options.onError?.(error, batch.length);
    } finally {
      settle(start, end, ok);
    }
  }

  function flush(): Promise<void> {
    timerSet = false;
    if (queue.length === 0 || gathering) return writing;
    gathering = true;
    writing = writing.then(writeGathered);
    return writing;
  }

  return {
    push(readings) {
      if (readings.length === 0) return Promise.resolve(true);
      const begin = pushed;
      pushed += readings.length;
      const written = new Promise<boolean>((resolve) =>
        waiters.push({ begin, end: pushed, ok: true, settle: resolve }),
      );
      queue.push(...readings);
      if (queue.length >= maxBatch) void flush();
      else if (!timerSet) {
        timerSet = true;
        setTimer(() => void flush(), delayMs);
      }
      return written;
    },
    // Resolves once the write that takes the current queue (and any it left over) is done.
    async flush() {
      while (queue.length || gathering) await flush();
      await writing;
    },
    invalidate: () => cache.clear(),
  };
}
