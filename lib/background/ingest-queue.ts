/**
 * Gathers readings from all tabs and writes them in batched transactions: many small messages
 * become one write every `delayMs`. A failed write (a full disk) is reported, not retried in a
 * loop, and never touches what is already stored.
 */
import type { PostReading } from '../model';
import type { FeedlensDatabase } from '../storage/db';
import { createPostCache, ingestReadings, type IngestResult } from '../storage/ingest';

export interface IngestQueueOptions {
  getDb(): Promise<FeedlensDatabase>;
  delayMs?: number;
  /** A batch this large is written at once rather than waiting. */
  maxBatch?: number;
  onWritten?(result: IngestResult): void;
  onError?(error: unknown, lost: number): void;
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
  const setTimer = options.setTimer ?? ((cb, ms) => void setTimeout(cb, ms));
  let queue: PostReading[] = [];
  let timerSet = false;
  let writing: Promise<void> = Promise.resolve();
  const cache = createPostCache();

  function flush(): Promise<void> {
    timerSet = false;
    if (queue.length === 0) return writing;
    const batch = queue;
    queue = [];
    // Writes are chained so that two batches never race for the same post record.
    writing = writing.then(async () => {
      try {
        const db = await options.getDb();
        // Not `onWritten?.(await …)`: an optional call would skip the write when nobody listens.
        const result = await ingestReadings(db, batch, undefined, cache);
        options.onWritten?.(result);
      } catch (error) {
        options.onError?.(error, batch.length);
      }
    });
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
    flush,
    invalidate: () => cache.clear(),
  };
}
