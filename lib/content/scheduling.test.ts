import { describe, expect, it, vi } from 'vitest';
import { busyMeter, frameBatcher, timerFor } from './scheduling';

describe('frameBatcher', () => {
  it('flushes once per frame however often it is asked, and again after the frame', () => {
    const frames: (() => void)[] = [];
    let flushes = 0;
    const schedule = frameBatcher(
      (callback) => frames.push(callback),
      () => flushes++,
    );
    schedule();
    schedule();
    schedule();
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(flushes).toBe(1);
    schedule();
    expect(frames).toHaveLength(1);
  });
});

describe('busyMeter', () => {
  it('adds up the time of the work it runs, also when the work throws', () => {
    const meter = busyMeter({ sampleEvery: 1 });
    const spin = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    expect(meter.time(() => (spin(5), 42))).toBe(42);
    expect(() =>
      meter.time(() => {
        spin(5);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(meter.ms).toBeGreaterThanOrEqual(10);
  });

  it('reads the clock around one call in `sampleEvery` only, and scales the time it saw to all calls', () => {
    let now = 0;
    let reads = 0;
    const meter = busyMeter({
      sampleEvery: 4,
      clock: () => {
        reads++;
        return now;
      },
    });
    const results = Array.from({ length: 8 }, (_, i) => meter.time(() => ((now += 3), i)));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(reads).toBe(4); // calls 0 and 4, two reads each
    expect(meter.ms).toBe(24);
  });
});

describe('timerFor', () => {
  it('runs a timer while the content script is valid, and does nothing once it is invalidated', () => {
    vi.useFakeTimers();
    try {
      const ctx = { isValid: true };
      const later = timerFor(ctx);
      const ran: string[] = [];
      later(() => ran.push('first'), 100);
      later(() => ran.push('second'), 200);
      vi.advanceTimersByTime(150);
      ctx.isValid = false;
      vi.advanceTimersByTime(100);
      expect(ran).toEqual(['first']);
    } finally {
      vi.useRealTimers();
    }
  });
});
