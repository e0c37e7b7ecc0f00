import { describe, expect, it } from 'vitest';
import { exact } from '../model';
import { baselineOf, median, overperformance, percentileRank, quantile, trimmedMean } from './baseline';

describe('baselines and percentiles', () => {
  it('takes the mean of the middle 50%, so one viral post does not move the usual', () => {
    expect(trimmedMean([1, 2, 3, 4, 5, 6, 7, 1000])).toBe(4.5); // drops 1, 2 and 7, 1000
    expect(trimmedMean([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
  });

  it('needs a minimum of posts, and uses only the newest 100', () => {
    expect(baselineOf([1, 2, 3])).toBeNull();
    const values = [...Array.from({ length: 100 }, () => 10), ...Array.from({ length: 50 }, () => 1000)];
    expect(baselineOf(values)).toEqual({ expected: 10, posts: 100 });
  });

  it('scores a post against the baseline, as an interval when its count was rounded', () => {
    const baseline = { expected: 100, posts: 40 };
    expect(overperformance(exact(180), baseline)).toMatchObject({ score: 1.8, min: 1.8, max: 1.8 });
    expect(overperformance({ precision: 'rounded', value: 1200, min: 1150, max: 1250 }, baseline)).toMatchObject({
      score: 12,
      min: 11.5,
      max: 12.5,
    });
    expect(overperformance({ precision: 'hidden' }, baseline)).toBeNull();
    expect(overperformance(exact(5), null)).toBeNull();
    // A near-zero usual is clamped, so a post with 3 likes is not "300× usual".
    expect(overperformance(exact(3), { expected: 0.01, posts: 40 })?.score).toBe(3);
  });

  it('ranks a post among peers, ties counting half, and flags small peer sets', () => {
    expect(percentileRank(5, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ percentile: 45, posts: 10, lowSample: true });
    const many = Array.from({ length: 40 }, (_, i) => i);
    expect(percentileRank(30, many)).toMatchObject({ percentile: 76.25, lowSample: false });
    expect(percentileRank(3, [])).toBeNull();
  });

  it('interpolates a quantile between the two values around it, ignoring values that are not numbers', () => {
    expect(quantile([40, 10, 20], 0.75)).toBe(30); // halfway between 20 and 40
    expect(quantile([], 0.5)).toBeNull();
    expect(median([1, Number.NaN, 3, Infinity])).toBe(2);
  });

  it('counts exactly the minimum of posts as enough, and only posts with a value', () => {
    const ten = Array.from({ length: 10 }, () => 10);
    expect(baselineOf(ten)).toEqual({ expected: 10, posts: 10 });
    expect(baselineOf([...ten.slice(1), Number.NaN])).toBeNull();
  });

  it('flags a percentile as a low sample only below 20 peer posts', () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i);
    expect(percentileRank(5, twenty)?.lowSample).toBe(false);
    expect(percentileRank(5, twenty.slice(1))?.lowSample).toBe(true);
  });
});
