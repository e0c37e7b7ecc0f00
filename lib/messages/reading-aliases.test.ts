import { describe, expect, it } from 'vitest';
import { MAX_ALIASES, MAX_ID_LENGTH, validateReading, type HostCheck } from './reading';

const NOW = Date.parse('2026-06-14T12:00:00Z');
const facebookHosts: HostCheck = (platform, host) => platform === 'facebook' && host === 'www.facebook.com';
const reading = {
  platform: 'facebook',
  postId: '1568024148020528',
  url: 'https://www.facebook.com/photo/?fbid=1568024148020528',
  counts: { replies: { precision: 'exact', value: 602 } },
  readAt: NOW,
};
const check = (aliases: unknown) => validateReading({ ...reading, aliases }, NOW, facebookHosts);

describe('validating the other keys a reading names for its post', () => {
  it('keeps a few distinct ids, leaving out the reading’s own', () => {
    expect(check(['fp:varlamov:0a1b2c3d4e5f6', 'fp:varlamov:0a1b2c3d4e5f6', reading.postId])?.aliases).toEqual([
      'fp:varlamov:0a1b2c3d4e5f6',
    ]);
    expect(check([reading.postId])).not.toHaveProperty('aliases');
  });

  it.each([
    ['not a list', 'fp:varlamov:0a1b'],
    ['a list of numbers', [42]],
    ['an empty id', ['']],
    ['an oversized id', ['1'.repeat(MAX_ID_LENGTH + 1)]],
    ['too many ids', Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `fp:a:${i}`)],
  ])('refuses the reading whole for %s', (_name, aliases) => {
    expect(check(aliases)).toBeUndefined();
  });
});
