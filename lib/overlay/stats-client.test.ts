import { describe, expect, it } from 'vitest';
import type { OverlayRequest } from '../messages/overlay';
import { createStatsClient } from './stats-client';

/** A clock and timers the test advances by hand. */
function fakeTime() {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => void timers.push({ at: now + ms, run }),
    advanceTo(target: number) {
      for (;;) {
        const due = timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.run();
      }
      now = target;
    },
  };
}

describe('the overlay stats client', () => {
  it('asks about a feed read a few posts per frame in a few messages, never before the delay', () => {
    const time = fakeTime();
    const sent: { at: number; keys: string[] }[] = [];
    const readAt = new Map<string, number>();
    const client = createStatsClient({
      request: (message: OverlayRequest) => {
        if (message.type === 'post-stats') sent.push({ at: time.now(), keys: message.keys });
        return Promise.resolve(undefined);
      },
      now: time.now,
      setTimer: time.setTimer,
      delayMs: 400,
      onStats: () => undefined,
    });
    // Five new posts every 16 ms frame for two seconds: 625 posts.
    for (let frame = 0; frame * 16 < 2000; frame++) {
      time.advanceTo(frame * 16);
      for (let i = 0; i < 5; i++) {
        const key = `x:${frame * 5 + i}`;
        readAt.set(key, time.now());
        client.want(key, 'likes=1');
      }
    }
    time.advanceTo(5000);

    const asked = sent.flatMap((m) => m.keys);
    expect(asked).toHaveLength(readAt.size);
    expect(new Set(asked).size).toBe(readAt.size);
    for (const message of sent)
      for (const key of message.keys) expect(message.at - readAt.get(key)!).toBeGreaterThanOrEqual(400);
    // One message per ~200 ms pause, not one per frame (there are 125 frames).
    expect(sent.length).toBeLessThanOrEqual(13);
  });

  it('asks again only when the counts changed', () => {
    const time = fakeTime();
    const keys: string[][] = [];
    const client = createStatsClient({
      request: (message: OverlayRequest) => {
        if (message.type === 'post-stats') keys.push(message.keys);
        return Promise.resolve(undefined);
      },
      now: time.now,
      setTimer: time.setTimer,
      delayMs: 400,
      onStats: () => undefined,
    });
    client.want('x:1', 'likes=1');
    time.advanceTo(500);
    client.want('x:1', 'likes=1');
    time.advanceTo(1000);
    client.want('x:1', 'likes=2');
    time.advanceTo(1500);
    expect(keys).toEqual([['x:1'], ['x:1']]);
  });
});
