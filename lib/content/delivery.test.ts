import { describe, expect, it } from 'vitest';
import type { ReadingsReply } from '../messages/page-store';
import { exact, type PostReading } from '../model';
import { createDelivery, type DeliveryOptions } from './delivery';

const T0 = Date.parse('2026-11-01T12:00:00Z');
const reading = (id: number): PostReading => ({
  platform: 'x',
  postId: String(id),
  url: `https://x.com/ada/status/${id}`,
  counts: { likes: exact(id) },
  readAt: T0 + id,
});
const ids = (readings: readonly PostReading[]) => readings.map((r) => Number(r.postId));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => reading(from + i));

/** A background whose every answer the test gives by hand, and timers the test fires by hand. */
function harness(options: Partial<DeliveryOptions> = {}) {
  const sent: { readings: PostReading[]; resolve(reply: unknown): void; reject(error: Error): void }[] = [];
  const timers: { ms: number; fire(): void }[] = [];
  const delivery = createDelivery({
    send: (message) => new Promise((resolve, reject) => sent.push({ readings: message.readings, resolve, reject })),
    setTimer: (fire, ms) => timers.push({ ms, fire }),
    ...options,
  });
  const stored = (count: number): ReadingsReply => ({ stored: true, accepted: count, rejected: 0 });
  /** Lets the answers' promise callbacks run. */
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const fireTimers = (ms: number) => {
    for (const timer of timers.splice(0).filter((t) => t.ms === ms)) timer.fire();
  };
  return { delivery, sent, timers, stored, tick, fireTimers };
}

describe('delivering readings', () => {
  it('keeps readings until the background says they are stored, one message at a time', async () => {
    const { delivery, sent, stored, tick } = harness();
    delivery.add(range(0, 3));
    delivery.add(range(3, 5)); // waits for the first message's answer
    expect(sent.map((m) => ids(m.readings))).toEqual([[0, 1, 2]]);
    expect(delivery.stats().pending).toBe(5);
    sent[0]!.resolve(stored(3));
    await tick();
    expect(sent.map((m) => ids(m.readings))).toEqual([
      [0, 1, 2],
      [3, 4],
    ]);
    sent[1]!.resolve(stored(2));
    await tick();
    expect(delivery.stats()).toMatchObject({ pending: 0, stored: 5, resent: 0, failures: 0 });
  });

  it('sends again what a stopped worker never answered: with the next batch, oldest first', async () => {
    const { delivery, sent, stored, tick, timers } = harness();
    delivery.add(range(0, 2));
    sent[0]!.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await tick();
    expect(sent).toHaveLength(1);
    delivery.add(range(2, 3));
    expect(ids(sent[1]!.readings)).toEqual([0, 1, 2]);
    sent[1]!.resolve(stored(3));
    await tick();
    expect(delivery.stats()).toMatchObject({ pending: 0, resent: 2, failures: 1 });
    expect(timers.length).toBeGreaterThan(0); // the stale pause and timeouts fire harmlessly
    for (const timer of timers.splice(0)) timer.fire();
    await tick();
    expect(sent).toHaveLength(2);
  });

  it('sends again after a pause that grows while nothing answers, and after no new readings', async () => {
    const { delivery, sent, tick, timers } = harness({ retryMs: 100, maxRetryMs: 400 });
    delivery.add(range(0, 1));
    const pauses: number[] = [];
    for (let i = 0; i < 4; i++) {
      sent.at(-1)!.reject(new Error('The message port closed before a response was received.'));
      await tick();
      const pause = timers.find((t) => t.ms !== 20_000)!;
      pauses.push(pause.ms);
      timers.splice(0).forEach((t) => t.ms === pause.ms && t.fire());
    }
    expect(pauses).toEqual([100, 200, 400, 400]);
    expect(sent).toHaveLength(5);
    expect(sent.every((m) => ids(m.readings).join() === '0')).toBe(true);
  });

  it('treats a message nobody answers properly as undelivered', async () => {
    const { delivery, sent, tick } = harness();
    delivery.add(range(0, 1));
    sent[0]!.resolve(undefined); // an old background that does not answer readings
    await tick();
    delivery.add(range(1, 2));
    expect(ids(sent[1]!.readings)).toEqual([0, 1]);
  });

  it('sends again after a timeout, and still counts the late answer', async () => {
    const { delivery, sent, stored, tick, fireTimers } = harness({ timeoutMs: 1000 });
    delivery.add(range(0, 2));
    fireTimers(1000);
    await tick();
    fireTimers(250); // the pause after the timeout
    expect(sent.map((m) => ids(m.readings))).toEqual([
      [0, 1],
      [0, 1],
    ]);
    sent[0]!.resolve(stored(2)); // the first message was written after all
    await tick();
    expect(delivery.stats().pending).toBe(0);
    sent[1]!.resolve(stored(2));
    await tick();
    expect(delivery.stats()).toMatchObject({ pending: 0, stored: 2, resent: 2 });
  });

  it('waits longer after a failed write (a full disk), even when new readings come', async () => {
    const { delivery, sent, tick, timers, fireTimers } = harness({ storageRetryMs: 5000 });
    delivery.add(range(0, 1));
    sent[0]!.resolve({ stored: false } satisfies ReadingsReply);
    await tick();
    delivery.add(range(1, 2));
    expect(sent).toHaveLength(1);
    expect(timers.map((t) => t.ms)).toContain(5000);
    fireTimers(5000);
    expect(ids(sent[1]!.readings)).toEqual([0, 1]);
  });

  it('splits a backlog into messages of at most 500 readings', async () => {
    const { delivery, sent, stored, tick } = harness();
    delivery.add(range(0, 1));
    delivery.add(range(1, 1201));
    sent[0]!.resolve(stored(1));
    await tick();
    expect(sent[1]!.readings).toHaveLength(500);
    sent[1]!.resolve(stored(500));
    await tick();
    sent[2]!.resolve(stored(500));
    await tick();
    expect(sent[3]!.readings).toHaveLength(200);
    expect(ids(sent[3]!.readings)[0]).toBe(1001);
  });

  it('keeps at most maxPending readings, dropping the oldest and counting them', async () => {
    const { delivery, sent, stored, tick } = harness({ maxPending: 10 });
    delivery.add(range(0, 4));
    delivery.add(range(4, 16));
    expect(delivery.stats()).toMatchObject({ pending: 10, dropped: 6 });
    sent[0]!.resolve(stored(4)); // answers readings already dropped: nothing else goes with them
    await tick();
    expect(ids(sent[1]!.readings)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
  });

  it('counts what the background refused as answered for good', async () => {
    const { delivery, sent, tick } = harness();
    delivery.add(range(0, 3));
    sent[0]!.resolve({ stored: true, accepted: 2, rejected: 1 } satisfies ReadingsReply);
    await tick();
    expect(delivery.stats()).toMatchObject({ pending: 0, stored: 2, rejected: 1 });
  });

  it('sends nothing once stopped, and survives a transport that throws', async () => {
    const { delivery, sent } = harness();
    delivery.stop();
    delivery.add(range(0, 1));
    expect(sent).toHaveLength(0);
    const throwing = createDelivery({
      send: () => {
        throw new Error('Extension context invalidated.');
      },
      setTimer: () => undefined,
    });
    expect(() => throwing.add(range(0, 1))).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(throwing.stats()).toMatchObject({ pending: 1, failures: 1 });
  });
});
