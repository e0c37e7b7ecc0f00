import { describe, expect, it } from 'vitest';
import { MAX_READINGS_PER_MESSAGE, validateHealthMessage, validateReadingsMessage } from './page-store';
import { validateReading, type HostCheck } from './reading';

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
    ['text longer than a snippet', { text: 'x'.repeat(281) }],
    ['an oversized id', { postId: '1'.repeat(600) }],
    ['markup as an author', { author: 42 }],
  ])('refuses %s', (_name, change) => {
    expect(validateReading({ ...good, ...change }, NOW, xHosts)).toBeUndefined();
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
