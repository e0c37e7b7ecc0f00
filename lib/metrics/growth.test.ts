import { describe, expect, it } from 'vitest';
import { exact } from '../model';
import { growthSeries, velocity, velocityBetweenAges, velocitySincePosting } from './growth';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('growth velocity', () => {
  it('is the change per hour between snapshots, skipping spans too short to mean anything', () => {
    const series = growthSeries([
      { at: 0, counts: { likes: exact(10) } },
      { at: MIN, counts: { likes: exact(11) } }, // one minute later: merged into the next span
      { at: 30 * MIN, counts: { likes: exact(40) } },
      { at: 90 * MIN, counts: { views: exact(5) } }, // no likes: skipped
      { at: 150 * MIN, counts: { likes: exact(100) } },
    ]);
    expect(series.map((p) => [p.at, p.value])).toEqual([
      [30 * MIN, 60],
      [150 * MIN, 30],
    ]);
  });

  it('gives an interval from rounded counts and nothing from unknown ones', () => {
    const v = velocity({ precision: 'rounded', value: 1000, min: 950, max: 1050 }, exact(1100), HOUR);
    expect(v).toEqual({ value: 100, min: 50, max: 150, spanMs: HOUR });
    expect(velocity({ precision: 'hidden' }, exact(3), HOUR)).toBeNull();
    expect(velocity(exact(1), exact(3), 0)).toBeNull();
  });

  it('works between fixed ages from stored samples', () => {
    const samples = {
      '1h': { counts: { likes: exact(50) }, off: 0 },
      '6h': { counts: { likes: exact(300) }, off: 0 },
    };
    expect(velocityBetweenAges(samples, '1h', '6h')?.value).toBe(50);
    expect(velocityBetweenAges(samples, '6h', '24h')).toBeNull();
    expect(velocitySincePosting(samples, '6h')?.value).toBe(50);
  });

  it('is per hour over spans of any length', () => {
    const v = velocity({ precision: 'rounded', value: 1000, min: 950, max: 1050 }, exact(1100), 2 * HOUR);
    expect(v).toEqual({ value: 50, min: 25, max: 75, spanMs: 2 * HOUR });
  });

  it('counts a span of exactly five minutes', () => {
    const series = growthSeries([
      { at: 0, counts: { likes: exact(10) } },
      { at: 5 * MIN, counts: { likes: exact(20) } },
    ]);
    expect(series).toEqual([{ value: 120, min: 120, max: 120, spanMs: 5 * MIN, at: 5 * MIN }]);
  });

  it('has nothing between or since ages the post has no samples for', () => {
    expect(velocityBetweenAges(undefined, '1h', '6h')).toBeNull();
    expect(velocitySincePosting(undefined, '6h')).toBeNull();
    expect(velocitySincePosting({ '1h': { counts: { likes: exact(5) }, off: 0 } }, '6h')).toBeNull();
    // Since posting, the start is an exact 0: the interval is the sample's own.
    expect(velocitySincePosting({ '1h': { counts: { likes: exact(30) }, off: 0 } }, '1h')).toEqual({
      value: 30,
      min: 30,
      max: 30,
      spanMs: HOUR,
    });
  });
});
