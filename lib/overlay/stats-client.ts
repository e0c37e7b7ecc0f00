/**
 * The overlay's side of the `post-stats` protocol: posts whose counts changed are asked about in
 * one message per batch (never one per post or per frame), a little after they were read, so the
 * reader's own message with their readings reaches the background first; the answers are kept for
 * the page's lifetime and re-asked only when a post's counts change.
 */
import type { CountPoint } from '../metrics/ages';
import {
  MAX_STATS_KEYS,
  type OverlayRequest,
  type PostHistoryReply,
  type PostStats,
  type PostStatsReply,
} from '../messages/overlay';

export interface StatsClientOptions {
  request(message: OverlayRequest): Promise<unknown>;
  now(): number;
  setTimer(callback: () => void, ms: number): void;
  /** How long after a post is read to ask (longer than the reader's 250 ms send delay). */
  delayMs: number;
  /** Answers arrived for these posts. */
  onStats(stats: readonly PostStats[]): void;
}

export interface StatsClient {
  /** A post was read with counts `print`: ask about it unless already asked about these counts. */
  want(key: string, print: string): void;
  get(key: string): PostStats | undefined;
  /** A post's snapshots, oldest first (for its card's sparkline); null when there is no answer. */
  history(key: string): Promise<CountPoint[] | null>;
  /** Forgets what was asked (not the answers): after the overlay was off, counts may have moved. */
  reset(): void;
  /** Messages sent so far. */
  requests(): number;
}

export function createStatsClient(options: StatsClientOptions): StatsClient {
  const stored = new Map<string, PostStats>();
  /** The counts each post was last asked about, and those waiting to be asked about. */
  const asked = new Map<string, string>();
  const waiting = new Map<string, { print: string; due: number }>();
  let timerDue: number | null = null;
  let sent = 0;

  function schedule(due: number): void {
    if (timerDue !== null && timerDue <= due) return;
    timerDue = due;
    options.setTimer(send, Math.max(0, due - options.now()));
  }

  function send(): void {
    timerDue = null;
    const at = options.now();
    const keys: string[] = [];
    let next = Infinity;
    for (const [key, { print, due }] of waiting) {
      if (due > at) {
        next = Math.min(next, due);
        continue;
      }
      keys.push(key);
      asked.set(key, print);
      waiting.delete(key);
    }
    // Not at the next post's own due time (a feed reads a few posts every frame: that would be a
    // message per frame), but after a pause, with everything that fell due meanwhile.
    if (next !== Infinity) schedule(Math.max(next, at + options.delayMs / 2));
    for (let i = 0; i < keys.length; i += MAX_STATS_KEYS) {
      sent++;
      options.request({ type: 'post-stats', keys: keys.slice(i, i + MAX_STATS_KEYS) }).then(received, () => undefined);
    }
  }

  function received(reply: unknown): void {
    const r = reply as Partial<PostStatsReply> | undefined;
    if (r?.type !== 'post-stats' || !Array.isArray(r.stats)) return;
    for (const stat of r.stats) stored.set(stat.key, stat);
    options.onStats(r.stats);
  }

  return {
    want(key, print) {
      if (asked.get(key) === print || waiting.get(key)?.print === print) return;
      const due = options.now() + options.delayMs;
      waiting.set(key, { print, due });
      schedule(due);
    },
    get: (key) => stored.get(key),
    history(key) {
      return options.request({ type: 'post-history', key }).then((reply) => {
        const r = reply as Partial<PostHistoryReply> | undefined;
        return r?.type === 'post-history' && r.key === key && Array.isArray(r.points) ? r.points : null;
      });
    },
    reset() {
      waiting.clear();
      asked.clear();
    },
    requests: () => sent,
  };
}
