/**
 * Getting readings to the store with none lost. Chrome stops an idle MV3 service worker whenever
 * it likes, and a message sent while it stops is gone; so the content script keeps every reading
 * until the background answers that its transaction committed, and sends again what was not
 * answered:
 *
 * - one message at a time, the oldest readings first, up to {@link MAX_READINGS_PER_MESSAGE}; what
 *   the reader hands over meanwhile waits and goes in the next message (readings of one post thus
 *   reach the store in the order they were taken);
 * - a message that fails (the worker stopped: `sendMessage` rejects) is sent again shortly, at once
 *   when new readings come (the message wakes the worker), otherwise with a growing pause;
 * - one unanswered for {@link DeliveryOptions.timeoutMs} is sent again (its late answer still counts);
 * - a write the background reports failed (a full disk) is retried after a longer pause.
 *
 * Sending a reading twice is harmless: the store applies a reading it already has as a no-op
 * (lib/storage/ingest.ts). The readings waiting are bounded ({@link DEFAULT_MAX_PENDING}); past the
 * bound the oldest are dropped and counted, and the reader sends a post again when it next changes.
 *
 * Pure but for the injected transport and timer, so it is unit-tested without a browser.
 */
import { MAX_READINGS_PER_MESSAGE, isReadingsReply, type ReadingsReply } from '../messages/page-store';
import type { DeliveryStats } from '../messages/page-queries';
import type { PostReading } from '../model';

/** About 1 KB each at most (a 280-character text, a permalink, six counts): a few MB per tab. */
export const DEFAULT_MAX_PENDING = 5000;

export interface DeliveryOptions {
  /** Sends one message; resolves with the background's answer, rejects if it was not delivered. */
  send(message: { type: 'readings'; readings: PostReading[] }): Promise<unknown>;
  setTimer(callback: () => void, ms: number): void;
  maxPending?: number;
  /** How long an answer may take before the message is sent again. */
  timeoutMs?: number;
  /** The first pause after an undelivered message; it doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  /** The first pause after a failed write; it doubles up to `maxRetryMs`. */
  storageRetryMs?: number;
}

export interface Delivery {
  /** Takes readings to deliver (the reader's `send`). */
  add(readings: readonly PostReading[]): void;
  stats(): DeliveryStats;
  /** The content script is going away: no more sending. */
  stop(): void;
}

type Outcome = ReadingsReply | 'undelivered' | 'timeout';

export function createDelivery(options: DeliveryOptions): Delivery {
  const maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const retryMs = options.retryMs ?? 250;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const storageRetryMs = options.storageRetryMs ?? 5_000;

  /** Readings not yet answered, oldest first; `firstSeq` numbers the first of them. */
  let pending: PostReading[] = [];
  let firstSeq = 0;
  /** The highest number ever sent: readings at or below it that are sent again are resends. */
  let sentUpTo = -1;
  let inFlight: number | null = null;
  let attempts = 0;
  /** A pause before the next message: after an undelivered one (new readings end it) or a failed write. */
  let pause: { kind: 'undelivered' | 'storage'; token: number } | null = null;
  let failuresInARow = 0;
  let stopped = false;
  const stats: DeliveryStats = { taken: 0, pending: 0, stored: 0, rejected: 0, resent: 0, dropped: 0, failures: 0 };

  /** Everything numbered up to `lastSeq` is answered for good. */
  function acknowledge(lastSeq: number): void {
    const count = lastSeq - firstSeq + 1;
    if (count <= 0) return;
    pending = pending.slice(count);
    firstSeq += count;
  }

  function waitThenSend(kind: 'undelivered' | 'storage'): void {
    const base = kind === 'storage' ? storageRetryMs : retryMs;
    const ms = Math.min(maxRetryMs, base * 2 ** Math.min(failuresInARow - 1, 16));
    const token = ++attempts;
    pause = { kind, token };
    options.setTimer(() => {
      if (pause?.token !== token) return;
      pause = null;
      sendNext();
    }, ms);
  }

  function settle(attempt: number, lastSeq: number, outcome: Outcome): void {
    // A late answer still acknowledges its readings, even after they were sent again.
    if (typeof outcome === 'object' && outcome.stored && lastSeq >= firstSeq) {
      stats.stored += outcome.accepted;
      stats.rejected += outcome.rejected;
      acknowledge(lastSeq);
    }
    if (inFlight !== attempt) return;
    inFlight = null;
    if (stopped) return;
    if (typeof outcome === 'object' && outcome.stored) {
      failuresInARow = 0;
      sendNext();
      return;
    }
    stats.failures++;
    failuresInARow++;
    waitThenSend(typeof outcome === 'object' ? 'storage' : 'undelivered');
  }

  function sendNext(): void {
    if (stopped || inFlight !== null || pause || pending.length === 0) return;
    const readings = pending.slice(0, MAX_READINGS_PER_MESSAGE);
    const lastSeq = firstSeq + readings.length - 1;
    if (sentUpTo >= firstSeq) stats.resent += Math.min(sentUpTo, lastSeq) - firstSeq + 1;
    sentUpTo = Math.max(sentUpTo, lastSeq);
    const attempt = ++attempts;
    inFlight = attempt;
    let answered = false;
    const answer = (outcome: Outcome) => {
      if (answered && outcome === 'timeout') return;
      answered = true;
      settle(attempt, lastSeq, outcome);
    };
    options.setTimer(() => answer('timeout'), timeoutMs);
    let sent: Promise<unknown>;
    try {
      sent = options.send({ type: 'readings', readings });
    } catch {
      // The extension was reloaded under this page: sendMessage throws at once.
      sent = Promise.reject(new Error('not sent'));
    }
    sent.then(
      (reply) => answer(isReadingsReply(reply) ? reply : 'undelivered'),
      () => answer('undelivered'),
    );
  }

  return {
    add(readings) {
      if (stopped || readings.length === 0) return;
      stats.taken += readings.length;
      pending.push(...readings);
      const over = pending.length - maxPending;
      if (over > 0) {
        pending = pending.slice(over);
        firstSeq += over;
        stats.dropped += over;
      }
      // A message that could not be delivered goes again with the next batch, without waiting.
      if (pause?.kind === 'undelivered') pause = null;
      sendNext();
    },
    stats: () => ({ ...stats, pending: pending.length }),
    stop() {
      stopped = true;
    },
  };
}
