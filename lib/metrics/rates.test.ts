import { describe, expect, it } from 'vitest';
import { exact, type Count } from '../model';
import { MIN_SAMPLE, engagements, postRates, rate, rateFormula } from './rates';

const rounded = (value: number, min: number, max: number): Count => ({ precision: 'rounded', value, min, max });

describe('per-post rates', () => {
  it('computes engagement rate by views, likes/views, amplification and the ratio from exact counts', () => {
    const rates = postRates(
      { likes: exact(80), reposts: exact(20), replies: exact(30), bookmarks: exact(10), views: exact(1000) },
      'x',
    );
    expect(rates.engagementRate).toEqual({ value: 0.14, min: 0.14, max: 0.14, exact: true, lowSample: false });
    expect(rates.likesPerView?.value).toBe(0.08);
    expect(rates.amplification?.value).toBe(0.25);
    expect(rates.conversation?.value).toBe(0.3); // 30 / (80 + 20)
  });

  it('gives intervals when a count is rounded', () => {
    const rates = postRates({ likes: rounded(1200, 1150, 1250), views: rounded(12000, 11500, 12500) }, 'youtube');
    expect(rates.likesPerView).toMatchObject({ value: 0.1, exact: false });
    expect(rates.likesPerView!.min).toBeCloseTo(1150 / 12500);
    expect(rates.likesPerView!.max).toBeCloseTo(1250 / 11500);
  });

  it('has no engagement rate without public views, or when any engagement count is unknown or hidden', () => {
    expect(postRates({ likes: exact(5), reposts: exact(1), replies: exact(1) }, 'bluesky').engagementRate).toBeNull();
    const missingBookmarks = { likes: exact(80), reposts: exact(20), replies: exact(30), views: exact(1000) };
    expect(postRates(missingBookmarks, 'x').engagementRate).toBeNull();
    expect(postRates({ ...missingBookmarks, bookmarks: { precision: 'hidden' } }, 'x').engagementRate).toBeNull();
    // The same counts are complete on YouTube, which shows no reposts or bookmarks.
    expect(
      postRates({ likes: exact(80), replies: exact(20), views: exact(1000) }, 'youtube').engagementRate?.value,
    ).toBe(0.1);
  });

  it('never divides by an unknown, hidden or zero count', () => {
    expect(postRates({ likes: exact(5), views: { precision: 'hidden' } }, 'x').likesPerView).toBeNull();
    expect(postRates({ likes: exact(0), reposts: exact(3) }, 'x').amplification).toBeNull();
    expect(rate(exact(3), undefined)).toBeNull();
    expect(rate(undefined, exact(3))).toBeNull();
  });

  it('flags a rate from a denominator below the minimum sample', () => {
    expect(rate(exact(3), exact(5))).toMatchObject({ value: 0.6, lowSample: true });
    expect(rate(exact(3), exact(MIN_SAMPLE))).toMatchObject({ lowSample: false });
    // A rounded denominator that may be under the minimum is flagged too.
    expect(rate(exact(3), rounded(20, 15, 25))?.lowSample).toBe(true);
  });

  it('uses replies ÷ likes as the ratio where a site has no reposts, and says so', () => {
    expect(postRates({ likes: exact(50), replies: exact(10) }, 'youtube').conversation?.value).toBe(0.2);
    expect(rateFormula('conversation', 'youtube')).toBe('replies ÷ likes');
    expect(rateFormula('conversation', 'x')).toBe('replies ÷ (likes + reposts)');
  });

  it('never counts Bluesky quotes twice: its reposts already include them, and the label says so', () => {
    const counts = { likes: exact(100), reposts: exact(30), quotes: exact(10), replies: exact(5) };
    expect(postRates(counts, 'bluesky').amplification?.value).toBe(0.3);
    expect(engagements(counts, 'bluesky')).toEqual(exact(135));
    expect(rateFormula('amplification', 'bluesky', { reposts: ['quotes'] })).toBe('reposts (incl. quotes) ÷ likes');
  });

  it('changes the formula only of the ratio, and only for quotes that are named', () => {
    expect(rateFormula('likesPerView', 'youtube')).toBe('likes ÷ views');
    expect(rateFormula('amplification', 'bluesky', {})).toBe('reposts ÷ likes');
    expect(rateFormula('amplification', 'bluesky', { likes: ['quotes'] })).toBe('reposts ÷ likes');
  });
});
