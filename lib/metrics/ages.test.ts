import { describe, expect, it } from 'vitest';
import { exact, type Count } from '../model';
import {
  interpolateCount,
  isAgeId,
  latestSampledAge,
  mergeSamples,
  sampleAtAge,
  sampleBetween,
  samplesFromPoints,
  updateSamples,
  type CountPoint,
} from './ages';

const MIN = 60_000;
const HOUR = 60 * MIN;
const T0 = Date.parse('2026-11-01T12:00:00Z');
const rounded = (value: number, min: number, max: number): Count => ({ precision: 'rounded', value, min, max });
const hidden: Count = { precision: 'hidden' };
const at = (ms: number, likes: number | Count, extra: CountPoint['counts'] = {}): CountPoint => ({
  at: T0 + ms,
  counts: { likes: typeof likes === 'number' ? exact(likes) : likes, ...extra },
});

describe('counts at a fixed age', () => {
  it('interpolates between observations on either side of the age', () => {
    const sample = sampleAtAge([at(40 * MIN, 100), at(80 * MIN, 200)], T0, '1h');
    expect(sample).toEqual({
      counts: { likes: { precision: 'estimated', value: 150, min: 150, max: 150 } },
      off: 20 * MIN,
    });
  });

  it('gives an interval when an observation was rounded', () => {
    const sample = sampleAtAge(
      [at(5 * HOUR, rounded(1000, 950, 1050)), at(7 * HOUR, rounded(2000, 1950, 2050))],
      T0,
      '6h',
    );
    expect(sample?.counts.likes).toEqual({ precision: 'estimated', value: 1500, min: 1450, max: 1550 });
  });

  it('keeps an exact count exact when it did not move', () => {
    expect(sampleAtAge([at(50 * MIN, 7), at(70 * MIN, 7)], T0, '1h')?.counts.likes).toEqual(exact(7));
  });

  it('never extrapolates: no value for a post not seen around that age', () => {
    // First seen at 3 days: nothing at 1 h, 6 h or 24 h.
    const late = [at(72 * HOUR, 500), at(80 * HOUR, 600)];
    expect(samplesFromPoints(late, T0)).toEqual({});
    // Seen only long before and long after the hour: interpolating over it would be a guess.
    expect(sampleAtAge([at(5 * MIN, 1), at(5 * HOUR, 90)], T0, '1h')).toBeNull();
    // Seen before the age only, and not close to it.
    expect(sampleAtAge([at(20 * MIN, 1), at(30 * MIN, 2)], T0, '1h')).toBeNull();
  });

  it('lets one observation close to the age stand for it, marked by how far off it was', () => {
    expect(sampleAtAge([at(55 * MIN, 40)], T0, '1h')).toEqual({ counts: { likes: exact(40) }, off: 5 * MIN });
    // A fifth of the age is the limit: 12 minutes around 1 h.
    expect(sampleAtAge([at(47 * MIN, 40)], T0, '1h')).toBeNull();
    expect(sampleAtAge([at(24 * HOUR + 4 * HOUR, 40)], T0, '24h')?.off).toBe(4 * HOUR);
  });

  it('prefers an observation right at the age over an interpolation around it', () => {
    const sample = sampleAtAge([at(30 * MIN, 10), at(61 * MIN, 50), at(90 * MIN, 90)], T0, '1h');
    expect(sample).toEqual({ counts: { likes: exact(50) }, off: MIN });
  });

  it('has no value for a metric that is hidden or missing on either side', () => {
    const sample = sampleAtAge(
      [
        at(50 * MIN, 10, { views: exact(100), replies: { precision: 'hidden' } }),
        at(70 * MIN, 20, { replies: { precision: 'hidden' } }),
      ],
      T0,
      '1h',
    );
    expect(sample?.counts).toEqual({ likes: { precision: 'estimated', value: 15, min: 15, max: 15 } });
    expect(interpolateCount({ precision: 'hidden' }, exact(3), 0.5)).toBeUndefined();
    expect(interpolateCount(undefined, exact(3), 0.5)).toBeUndefined();
  });

  it('takes the observations at the edges of the tolerance, and not one step beyond', () => {
    expect(sampleAtAge([at(30 * MIN, 0), at(90 * MIN, 60)], T0, '1h')?.counts.likes).toMatchObject({ value: 30 });
    expect(sampleAtAge([at(30 * MIN - 1, 0), at(90 * MIN, 60)], T0, '1h')).toBeNull();
  });
});

describe('keeping samples current reading by reading', () => {
  it('fills an age when a reading crosses it, and only improves it afterwards', () => {
    let samples = updateSamples(undefined, undefined, at(20 * MIN, 5), T0);
    expect(samples).toBeUndefined();
    samples = updateSamples(samples, at(35 * MIN, 0), at(85 * MIN, 60), T0);
    expect(samples?.['1h']).toMatchObject({ counts: { likes: { value: 30 } }, off: 25 * MIN });
    // A later reading farther away changes nothing; one (even out of order) at the hour replaces the estimate.
    expect(updateSamples(samples, at(85 * MIN, 60), at(110 * MIN, 90), T0)).toBe(samples);
    const better = updateSamples(samples, at(85 * MIN, 60), at(60 * MIN, 50), T0);
    expect(better?.['1h']).toEqual({ counts: { likes: exact(50) }, off: 0 });
  });

  it('gives the same samples as the full history when readings come in order', () => {
    const points = [
      at(10 * MIN, 1),
      at(50 * MIN, 30),
      at(65 * MIN, 40),
      at(5 * HOUR, 200),
      at(7 * HOUR, 260),
      at(23 * HOUR, 900),
    ];
    let samples;
    for (let i = 0; i < points.length; i++) samples = updateSamples(samples, points[i - 1], points[i]!, T0);
    expect(samples).toEqual(samplesFromPoints(points, T0));
  });

  it('merges samples from several sources, the closer one winning per age', () => {
    const a = { '1h': { counts: { likes: exact(1) }, off: 10 } };
    const b = { '1h': { counts: { likes: exact(2) }, off: 5 }, '6h': { counts: { likes: exact(9) }, off: 0 } };
    expect(mergeSamples(a, undefined, b)).toEqual(b);
    expect(mergeSamples(undefined)).toBeUndefined();
  });

  it('picks the oldest age a post has reached and was sampled at', () => {
    const samples = { '1h': { counts: {}, off: 0 }, '6h': { counts: {}, off: 0 } };
    expect(latestSampledAge(samples, 30 * HOUR)).toBe('6h');
    expect(latestSampledAge(samples, 2 * HOUR)).toBe('1h');
    expect(latestSampledAge(samples, 20 * MIN)).toBeNull();
    expect(latestSampledAge(undefined, 30 * HOUR)).toBeNull();
  });
});

// The edges of the fixed-age rules: where an observation stops counting, and which one wins.
const ONE_HOUR = T0 + HOUR;

describe('the age ids stored on records', () => {
  it('accepts only the four fixed ages', () => {
    expect(['1h', '6h', '24h', '7d'].every(isAgeId)).toBe(true);
    expect(isAgeId('2h')).toBe(false);
    expect(isAgeId(3600_000)).toBe(false);
    expect(isAgeId(undefined)).toBe(false);
  });
});

describe('a count between two observations', () => {
  it('is the observation itself at either end', () => {
    expect(interpolateCount(exact(3), exact(5), 0)).toEqual(exact(3));
    expect(interpolateCount(exact(3), exact(5), 1)).toEqual(exact(5));
  });

  it('is an estimate in between unless both are the same exact count', () => {
    expect(interpolateCount(exact(1000), rounded(2000, 1950, 2050), 0.5)).toEqual({
      precision: 'estimated',
      value: 1500,
      min: 1475,
      max: 1525,
    });
    // Same value, but one side rounded: the true count may have moved within the rounding.
    expect(interpolateCount(exact(1000), rounded(1000, 950, 1050), 0.5)).toEqual({
      precision: 'estimated',
      value: 1000,
      min: 975,
      max: 1025,
    });
    expect(interpolateCount(rounded(1000, 950, 1050), exact(1000), 0.5)).toMatchObject({ precision: 'estimated' });
  });
});

describe('a sample between two observations', () => {
  it('needs the age between them', () => {
    expect(sampleBetween(at(70 * MIN, 1), at(80 * MIN, 2), ONE_HOUR, HOUR)).toBeNull();
    expect(sampleBetween(at(40 * MIN, 1), at(50 * MIN, 2), ONE_HOUR, HOUR)).toBeNull();
  });

  it('is no farther than half the age from either observation', () => {
    expect(sampleBetween(at(50 * MIN, 0), at(90 * MIN, 40), ONE_HOUR, HOUR)?.off).toBe(30 * MIN);
    expect(sampleBetween(at(50 * MIN, 0), at(91 * MIN, 41), ONE_HOUR, HOUR)).toBeNull();
  });

  it('is an observation, off by nothing, when one side is exactly at the age', () => {
    expect(sampleBetween(at(HOUR, 7), at(80 * MIN, 9), ONE_HOUR, HOUR)).toEqual({
      counts: { likes: exact(7) },
      off: 0,
    });
    expect(sampleBetween(at(40 * MIN, 3), at(HOUR, 7), ONE_HOUR, HOUR)).toEqual({
      counts: { likes: exact(7) },
      off: 0,
    });
    // The same reading twice, right at the age.
    expect(sampleBetween(at(HOUR, 7), at(HOUR, 7), ONE_HOUR, HOUR)).toEqual({ counts: { likes: exact(7) }, off: 0 });
  });

  it('is off by the farther of the two observations', () => {
    expect(sampleBetween(at(50 * MIN, 10), at(75 * MIN, 35), ONE_HOUR, HOUR)?.off).toBe(15 * MIN);
  });

  it('is nothing when no metric is known on both sides', () => {
    const sample = sampleBetween(at(50 * MIN, hidden), at(70 * MIN, 5), ONE_HOUR, HOUR);
    expect(sample).toBeNull();
  });
});

describe('a single observation near the age', () => {
  it('stands for it up to exactly a fifth of the age', () => {
    expect(sampleAtAge([at(48 * MIN, 40)], T0, '1h')).toEqual({ counts: { likes: exact(40) }, off: 12 * MIN });
  });

  it('carries only the counts that have a number', () => {
    expect(sampleAtAge([at(HOUR, 5, { replies: hidden })], T0, '1h')).toStrictEqual({
      counts: { likes: exact(5) },
      off: 0,
    });
    expect(sampleAtAge([at(HOUR, hidden)], T0, '1h')).toBeNull();
  });
});

describe('samples from a whole history', () => {
  it('do not depend on the order the observations come in', () => {
    const points = [at(7 * HOUR, 260), at(50 * MIN, 30), at(5 * HOUR, 200), at(70 * MIN, 50)];
    const ordered = [...points].sort((a, b) => a.at - b.at);
    expect(samplesFromPoints(points, T0)).toEqual(samplesFromPoints(ordered, T0));
    expect(samplesFromPoints(points, T0)['1h']?.counts.likes).toMatchObject({ value: 40 });
  });
});

describe('samples kept reading by reading', () => {
  it('interpolates from a reading that arrives before an older one', () => {
    const samples = updateSamples(undefined, at(85 * MIN, 60), at(35 * MIN, 10), T0);
    expect(samples?.['1h']).toMatchObject({ counts: { likes: { value: 35 } }, off: 25 * MIN });
  });

  it('never replaces a closer sample by a farther one', () => {
    const stored = updateSamples(undefined, undefined, at(55 * MIN, 20), T0);
    expect(stored?.['1h']?.off).toBe(5 * MIN);
    expect(updateSamples(stored, at(50 * MIN, 10), at(75 * MIN, 35), T0)).toBe(stored);
  });

  it('keeps a sample from both sides over one observation at the same distance', () => {
    const stored = updateSamples(undefined, at(50 * MIN, 10), at(70 * MIN, 30), T0);
    expect(stored?.['1h']).toMatchObject({ counts: { likes: { value: 20 } }, off: 10 * MIN });
    expect(updateSamples(stored, undefined, at(50 * MIN, 12), T0)).toBe(stored);
  });
});

describe('the age a post is compared at', () => {
  it('is reached a fifth of the age early, when a sample can already stand for it', () => {
    const samples = { '1h': { counts: {}, off: 0 } };
    expect(latestSampledAge(samples, 48 * MIN)).toBe('1h');
    expect(latestSampledAge(samples, 48 * MIN - 1)).toBeNull();
  });
});
