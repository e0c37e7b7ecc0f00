import { describe, expect, it } from 'vitest';
import type { UsualComparison } from '../metrics/compare';
import { exact, type Count, type Counts } from '../model';
import { badgeFigure, currentCounts } from './figure';

const rounded = (value: number, min: number, max: number): Count => ({ precision: 'rounded', value, min, max });
const usual = (score: number, min = score, max = score): UsualComparison => ({
  score,
  min,
  max,
  age: '6h',
  baseline: { expected: 100, posts: 34 },
});
const xPost = (counts: Counts): Counts => ({
  likes: exact(567),
  reposts: exact(34),
  replies: exact(12),
  bookmarks: exact(8),
  views: exact(9012),
  ...counts,
});

describe('the badge figure', () => {
  it('shows the engagement rate and the comparison with the usual from exact counts', () => {
    // (567 + 34 + 12 + 8) / 9012 = 6.89%
    const figure = badgeFigure({ platform: 'x', counts: xPost({}), usual: usual(1.8) });
    expect(figure.text).toBe('6.9% · 1.8× usual');
    expect(figure).toMatchObject({ rate: 'engagementRate', lowSample: false, approximate: false, tone: 'above' });
    expect(figure.label).toContain('Engagement rate 6.9%');
    expect(figure.label).toContain('1.8× usual for this author at 6 h');
  });

  it('shows the rate alone when the author has no baseline yet', () => {
    const figure = badgeFigure({ platform: 'x', counts: xPost({}), usual: null });
    expect(figure.text).toBe('6.9%');
    expect(figure.tone).toBeNull();
  });

  it('gives ranges when the site rounded a count, in the rate and in the comparison', () => {
    // 300 likes over "12K" views (11,500–12,500): 2.4–2.6%.
    const counts = xPost({
      likes: exact(300),
      reposts: exact(0),
      replies: exact(0),
      bookmarks: exact(0),
      views: rounded(12000, 11500, 12500),
    });
    const figure = badgeFigure({ platform: 'x', counts, usual: usual(1.8, 1.6, 2.0) });
    expect(figure.text).toBe('2.4–2.6% · 1.6–2.0× usual');
    expect(figure.approximate).toBe(true);
    expect(figure.label).toContain('a range');
  });

  it('makes nothing up from unknown counts', () => {
    const figure = badgeFigure({ platform: 'x', counts: xPost({ likes: { precision: 'unknown', raw: '1,2 k' } }) });
    // Engagements need likes; so do reposts per like: no rate at all, not one with likes as 0.
    expect(figure.text).toBe('—');
    expect(figure.rate).toBeNull();
    expect(figure.label).toContain('No rate');
  });

  it('makes nothing up from hidden counts, and says which count the site hides', () => {
    const counts: Counts = { likes: { precision: 'hidden' }, replies: exact(12) };
    const figure = badgeFigure({ platform: 'instagram', counts });
    expect(figure.text).toBe('—');
    expect(figure.label).toBe('No rate: likes hidden by the site');
  });

  it('still shows the comparison when only the rate is missing', () => {
    const counts: Counts = { likes: { precision: 'hidden' }, replies: exact(12) };
    expect(badgeFigure({ platform: 'instagram', counts, usual: usual(0.5) })).toMatchObject({
      text: '0.5× usual',
      tone: 'below',
    });
  });

  it('marks a rate from a small sample, in text and in words', () => {
    // 3 likes from 12 views: 25%, but 12 views say little.
    const counts = xPost({
      likes: exact(3),
      reposts: exact(0),
      replies: exact(0),
      bookmarks: exact(0),
      views: exact(12),
    });
    const figure = badgeFigure({ platform: 'x', counts });
    expect(figure.text).toBe('25%*');
    expect(figure.lowSample).toBe(true);
    expect(figure.label).toContain('too few to say much');
  });

  it('uses the rate that fits a site without public views, labelled', () => {
    // Reddit: 56 comments per 1,234 upvotes.
    expect(badgeFigure({ platform: 'reddit', counts: { likes: exact(1234), replies: exact(56) } }).text).toBe(
      'ratio 4.5%',
    );
    // Bluesky: reposts (incl. quotes) per like.
    expect(
      badgeFigure({ platform: 'bluesky', counts: { likes: exact(200), reposts: exact(30), replies: exact(4) } }).text,
    ).toBe('amp 15%');
    // An old X post from before views were counted.
    expect(badgeFigure({ platform: 'x', counts: xPost({ views: undefined }) }).text).toBe('amp 6%');
  });

  it('says why when a net score leaves nothing to divide by', () => {
    const figure = badgeFigure({ platform: 'reddit', counts: { likes: exact(-17), replies: exact(203) } });
    expect(figure.text).toBe('—');
    expect(figure.label).toBe('No rate: likes at -17: nothing to divide by');
  });
});

describe('the counts a badge uses', () => {
  it('takes the page’s reading over the stored counts, but never lets an unread count erase a known one', () => {
    const stored: Counts = { likes: exact(10), views: exact(500), replies: exact(1) };
    const onPage: Counts = { likes: exact(12), views: { precision: 'unknown' } };
    expect(currentCounts(onPage, stored)).toEqual({ likes: exact(12), views: exact(500), replies: exact(1) });
    expect(currentCounts(onPage)).toBe(onPage);
  });
});
