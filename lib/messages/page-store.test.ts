import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_READINGS_PER_MESSAGE,
  isReadingsReply,
  validateHealthMessage,
  validateReadingsMessage,
} from './page-store';
import { validateCounts, validateReading, validateSampleCounts, type HostCheck } from './reading';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const xHosts: HostCheck = (platform, host) => platform === 'x' && (host === 'x.com' || host === 'twitter.com');

const good = {
  platform: 'x',
  postId: '1858979112345600001',
  url: 'https://x.com/ada/status/1858979112345600001',
  author: 'ada',
  postedAt: NOW - 3600_000,
  text: 'hello',
  counts: {
    likes: { precision: 'exact', value: 5, raw: '5' },
    views: { precision: 'rounded', value: 12000, min: 11500, max: 12500 },
  },
  readAt: NOW,
};

describe('validating readings from content scripts', () => {
  it('accepts a well-formed reading unchanged', () => {
    expect(validateReading(good, NOW, xHosts)).toEqual(good);
  });

  it.each([
    ['an unknown platform', { platform: 'myspace' }],
    ['a permalink on another site', { url: 'https://evil.example/ada/status/1' }],
    ['a non-https permalink', { url: 'javascript:alert(1)' }],
    ['an unknown metric', { counts: { karma: { precision: 'exact', value: 1 } } }],
    ['a count that is not a number', { counts: { likes: { precision: 'exact', value: '5' } } }],
    ['a range that does not hold its value', { counts: { likes: { precision: 'rounded', value: 5, min: 6, max: 7 } } }],
    ['an infinite count', { counts: { likes: { precision: 'exact', value: Infinity } } }],
    ['a reading from the future', { readAt: NOW + 3 * 24 * 3600_000 }],
    ['a reading dated 23 h after its arrival', { readAt: NOW + 23 * 3600_000 }],
    ['a reading dated 6 s after its arrival (more than the clock skew allowed)', { readAt: NOW + 6000 }],
    ['a post published an hour after the reading arrived', { postedAt: NOW + 3600_000 }],
    ['a negative count on X', { counts: { likes: { precision: 'exact', value: -5 } } }],
    ['a count of 1e308', { counts: { views: { precision: 'exact', value: 1e308 } } }],
    ['a count above 1e13', { counts: { views: { precision: 'exact', value: 1e13 + 1 } } }],
    ['half a like', { counts: { likes: { precision: 'exact', value: 0.5 } } }],
    [
      'a rounded count with a fractional bound',
      { counts: { views: { precision: 'rounded', value: 1200, min: 1150.5, max: 1250 } } },
    ],
    ['an estimated count below zero', { counts: { likes: { precision: 'estimated', value: 3, min: -1, max: 4 } } }],
    ['text longer than a snippet', { text: 'x'.repeat(281) }],
    ['an oversized id', { postId: '1'.repeat(600) }],
    ['markup as an author', { author: 42 }],
  ])('refuses %s', (_name, change) => {
    expect(validateReading({ ...good, ...change }, NOW, xHosts)).toBeUndefined();
  });

  it('accepts a resent reading with its true, earlier time, and a few seconds of clock skew', () => {
    expect(validateReading({ ...good, readAt: NOW - 3600_000 }, NOW, xHosts)).toMatchObject({ readAt: NOW - 3600_000 });
    expect(validateReading({ ...good, readAt: NOW + 4000 }, NOW, xHosts)).toBeDefined();
    // The site's clock can be a few minutes ahead of the device's.
    expect(validateReading({ ...good, postedAt: NOW + 5 * 60_000 }, NOW, xHosts)).toBeDefined();
  });

  it('lets only Reddit’s net score be negative', () => {
    const reddit: HostCheck = (platform, host) => platform === 'reddit' && host === 'www.reddit.com';
    const score = (metric: string) => ({
      ...good,
      platform: 'reddit',
      url: 'https://www.reddit.com/r/a/comments/abc/x/',
      counts: { [metric]: { precision: 'rounded', value: -5, min: -5, max: -4 } },
    });
    expect(validateReading(score('likes'), NOW, reddit)?.counts.likes).toMatchObject({ value: -5 });
    expect(validateReading(score('replies'), NOW, reddit)).toBeUndefined();
    expect(validateCounts({ likes: { precision: 'exact', value: -5 } })).toBeUndefined();
  });

  it('lets counts at fixed ages (interpolated) have a fraction, within the same bounds', () => {
    const sample = { likes: { precision: 'estimated', value: 20.5, min: 20.25, max: 20.75 } };
    expect(validateSampleCounts(sample)).toEqual(sample);
    expect(validateCounts(sample)).toBeUndefined();
    expect(validateSampleCounts({ likes: { precision: 'exact', value: 1e14 } })).toBeUndefined();
  });

  it('never throws on anything a page could send, and accepts only what it can return unchanged', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (value, message) => {
        const reading = validateReading(value, NOW, xHosts);
        if (reading) expect(validateReading(reading, NOW, xHosts)).toEqual(reading);
        validateReadingsMessage(message, 'x', NOW, xHosts);
        validateReadingsMessage({ type: 'readings', readings: [value, message] }, 'x', NOW, xHosts);
        validateHealthMessage(message, 'x');
        validateHealthMessage({ type: 'reader-health', platform: 'x', status: 'paused', diagnostic: value }, 'x');
        isReadingsReply(value);
        validateCounts(value);
        validateCounts({ likes: value });
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps only readings of the sending tab’s platform, and counts what it dropped', () => {
    const message = { type: 'readings', readings: [good, { ...good, platform: 'bluesky' }, { nonsense: true }] };
    expect(validateReadingsMessage(message, 'x', NOW, xHosts)).toEqual({ readings: [good], rejected: 2 });
  });

  it('refuses oversized or malformed messages whole', () => {
    expect(
      validateReadingsMessage(
        { type: 'readings', readings: Array.from({ length: MAX_READINGS_PER_MESSAGE + 1 }, () => good) },
        'x',
        NOW,
        xHosts,
      ),
    ).toBeUndefined();
    expect(validateReadingsMessage({ type: 'readings', readings: 'all of them' }, 'x', NOW, xHosts)).toBeUndefined();
    expect(validateReadingsMessage(null, 'x', NOW, xHosts)).toBeUndefined();
  });

  it('accepts health reports only for the sender’s own platform', () => {
    const report = {
      type: 'reader-health',
      platform: 'x',
      status: 'paused',
      diagnostic: { selector: 'id: a', locale: 'en', candidates: 4, readings: 0, at: NOW },
    };
    expect(validateHealthMessage(report, 'x')).toEqual(report);
    expect(validateHealthMessage({ ...report, platform: 'reddit' }, 'x')).toBeUndefined();
    expect(validateHealthMessage({ ...report, status: 'exploded' }, 'x')).toBeUndefined();
  });
});
