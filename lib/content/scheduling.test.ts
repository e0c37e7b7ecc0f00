import { describe, expect, it } from 'vitest';
import { busyMeter, frameBatcher } from './scheduling';

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
    const meter = busyMeter();
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
});
