/**
 * Gathers readings from all tabs and writes them in batched transactions: many small messages
 * become one write every `delayMs`. A failed write (a full disk) is reported, not retried in a
 * loop, and never touches what is already stored.
 *
 * Writes run one at a time, and each takes everything that gathered while the previous one ran
 * (up to `maxTransaction` readings). Under load (many tabs, a long scroll) batches therefore grow,
 * and a post read several times in one batch costs one post-record write instead of several.
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
  push(readings: readonly PostReading[]): void;
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

  async function writeGathered(): Promise<void> {
    gathering = false;
    const batch = queue.splice(0, maxTransaction);
    // What did not fit is written next, after this one.
    if (queue.length) flush();
    const write = async () => {
      const db = await options.getDb();
      // Not `onWritten?.(await …)`: an optional call would skip the write when nobody listens.
      const result = await ingestReadings(db, batch, undefined, cache);
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
      queue.push(...readings);
      if (queue.length >= maxBatch) void flush();
      else if (!timerSet) {
        timerSet = true;
        setTimer(() => void flush(), delayMs);
      }
    },
    // Resolves once the write that takes the current queue (and any it left over) is done.
    async flush() {
      while (queue.length || gathering) await flush();
      await writing;
    },
    invalidate: () => cache.clear(),
  };
}
