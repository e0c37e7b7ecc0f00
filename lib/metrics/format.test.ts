import { describe, expect, it } from 'vitest';
import { AGE_IDS } from './ages';
import { ageLabel, formatPercentile, formatScore, formatUsual, formatUsualBasis, formatVelocity } from './format';

const HOUR = 3600_000;
const score = (value: number, min = value, max = value) => ({ score: value, min, max });
const perHour = (value: number, min = value, max = value) => ({ value, min, max, spanMs: HOUR });

describe('a score against the usual', () => {
  it('uses whole numbers from 10×, one decimal from 0.1×, two below', () => {
    expect(formatScore(score(10))).toBe('10×');
    expect(formatScore(score(9.94))).toBe('9.9×');
    expect(formatScore(score(0.095))).toBe('0.1×');
    expect(formatScore(score(0.094))).toBe('0.09×');
  });

  it('shows one figure when the interval is narrow (under 5% of the score) or reads the same at both ends', () => {
    // 99–101.4 would print as two figures, but the spread is 2.4% of the score.
    expect(formatScore(score(100, 99, 101.4))).toBe('100×');
    // Both ends print as 0.04 although the spread is over 20%: one figure, not "0.04–0.04×".
    expect(formatScore(score(0.04, 0.035, 0.044))).toBe('0.04×');
  });

  it('shows the interval once it reaches 5% of the score', () => {
    expect(formatScore(score(20, 19.5, 20.5))).toBe('20–21×');
    expect(formatUsual(score(20, 19.5, 20.5))).toBe('20–21× usual');
  });
});

describe('ages and the basis of a comparison', () => {
  it('names every fixed age', () => {
    expect(AGE_IDS.map(ageLabel)).toEqual(['1 h', '6 h', '24 h', '7 d']);
  });

  it('says at which age and against how many posts', () => {
    expect(formatUsualBasis('24h', 34)).toBe('at 24 h, vs 34 of their posts');
    expect(formatUsualBasis('1h', 1)).toBe('at 1 h, vs 1 of their posts');
  });

  it('rounds a percentile to a whole percent', () => {
    expect(formatPercentile({ percentile: 87.6, posts: 25, lowSample: false })).toBe(
      'higher than 88% of 25 peer posts',
    );
    expect(formatPercentile({ percentile: 50, posts: 1, lowSample: true })).toBe('higher than 50% of 1 peer post');
  });
});

describe('growth per hour', () => {
  it('signs gains, leaves losses and no change unsigned, and drops the decimal from 10 up', () => {
    expect(formatVelocity(perHour(10))).toBe('+10/h');
    expect(formatVelocity(perHour(3.54))).toBe('+3.5/h');
    expect(formatVelocity(perHour(0))).toBe('0.0/h');
    expect(formatVelocity(perHour(-5))).toBe('-5.0/h');
    expect(formatVelocity(perHour(-12))).toBe('-12/h');
  });

  it('shows a range only when it is wider than 5% of the rate', () => {
    expect(formatVelocity(perHour(20, 19.5, 20.5))).toBe('+20/h');
    expect(formatVelocity(perHour(20, 19.4, 20.5))).toBe('+19 to +21/h');
    // For a loss too: the width is measured against the rate's size.
    expect(formatVelocity(perHour(-20, -20.5, -19.5))).toBe('-20/h');
    expect(formatVelocity(perHour(-20, -21, -19.9))).toBe('-21 to -20/h');
    expect(formatVelocity(null)).toBe('—');
  });
});
