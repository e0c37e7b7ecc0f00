import { describe, expect, it } from 'vitest';
import { exact, type Count, type Counts } from '../model';
import { pooledRatio, ratio, sumCounts, totals } from './ratios';

const rounded = (value: number, min: number, max: number): Count => ({ precision: 'rounded', value, min, max });
const hidden: Count = { precision: 'hidden' };
const unknown: Count = { precision: 'unknown', raw: '—' };

describe('a ratio between two counts', () => {
  it('is exact only when both counts are exact', () => {
    expect(ratio(exact(30), exact(120))).toEqual({ value: 0.25, min: 0.25, max: 0.25, exact: true });
    expect(ratio(rounded(1200, 1150, 1250), exact(4000))).toMatchObject({ value: 0.3, exact: false });
    expect(ratio(exact(300), rounded(1200, 1150, 1250))).toMatchObject({ value: 0.25, exact: false });
  });

  it('spans the interval the rounded counts allow: smallest numerator over largest denominator and back', () => {
    const r = ratio(rounded(1200, 1150, 1250), rounded(12000, 11500, 12500))!;
    expect(r.min).toBeCloseTo(1150 / 12500);
    expect(r.max).toBeCloseTo(1250 / 11500);
  });

  it('has no upper bound when the denominator may be as low as 0', () => {
    const lowDenominator: Count = { precision: 'estimated', value: 4, min: 0, max: 9 };
    expect(ratio(exact(0), lowDenominator)).toEqual({ value: 0, min: 0, max: Infinity, exact: false });
    expect(ratio(exact(3), lowDenominator)).toMatchObject({ min: 3 / 9, max: Infinity });
  });

  it('is null when either count is missing, hidden or unknown, or the denominator is zero', () => {
    expect(ratio(undefined, exact(10))).toBeNull();
    expect(ratio(exact(10), undefined)).toBeNull();
    expect(ratio(hidden, exact(10))).toBeNull();
    expect(ratio(exact(10), unknown)).toBeNull();
    expect(ratio(exact(10), exact(0))).toBeNull();
  });
});

describe('the sum of one metric over several posts', () => {
  it('stays exact while every part is exact', () => {
    expect(sumCounts([exact(1), exact(2), exact(3)])).toEqual({ precision: 'exact', value: 6 });
  });

  it('adds the bounds of rounded parts, and becomes rounded if any part is', () => {
    expect(sumCounts([exact(100), rounded(1200, 1150, 1250), rounded(2000, 1950, 2050)])).toEqual({
      precision: 'rounded',
      value: 3300,
      min: 3200,
      max: 3400,
    });
    expect(sumCounts([rounded(1200, 1150, 1250), exact(100)])).toMatchObject({ precision: 'rounded' });
  });

  it('is unknown as soon as one part is unknown or hidden, and for no parts at all', () => {
    expect(sumCounts([exact(5), hidden])).toBeUndefined();
    expect(sumCounts([exact(5), undefined])).toBeUndefined();
    expect(sumCounts([])).toBeUndefined();
  });
});

describe('totals over a set of posts', () => {
  const posts: Counts[] = [
    { likes: exact(10), views: exact(100) },
    { likes: exact(20), views: hidden },
    { likes: rounded(1000, 950, 1050) },
    { views: exact(400) },
  ];

  it('sums each metric over the posts where it is known, and says over how many', () => {
    expect(totals(posts, ['likes', 'views', 'replies'])).toEqual({
      counts: { likes: { precision: 'rounded', value: 1030, min: 980, max: 1080 }, views: exact(500) },
      posts: { likes: 3, views: 2 },
    });
  });

  it('pools a ratio only over posts where both counts are known', () => {
    // Likes per view: only the first post has both (10 / 100); the others would skew it.
    expect(pooledRatio(posts, 'likes', 'views')).toEqual({
      ratio: { value: 0.1, min: 0.1, max: 0.1, exact: true },
      posts: 1,
    });
    expect(pooledRatio(posts, 'replies', 'likes')).toEqual({ ratio: null, posts: 0 });
  });
});
