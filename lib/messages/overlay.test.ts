import { describe, expect, it } from 'vitest';
import { MAX_STATS_KEYS, validatePostHistoryRequest, validatePostStatsRequest } from './overlay';

describe('validating the overlay’s stats request', () => {
  it('accepts keys of the sending tab’s platform, without duplicates', () => {
    expect(validatePostStatsRequest({ type: 'post-stats', keys: ['x:1', 'x:2', 'x:1'] }, 'x')).toEqual({
      type: 'post-stats',
      keys: ['x:1', 'x:2'],
    });
  });

  it.each([
    ['another platform’s key', { keys: ['x:1', 'reddit:t3_abc'] }],
    ['a key that only starts like one', { keys: ['xx:1'] }],
    ['an empty id', { keys: ['x:'] }],
    ['an over-long id', { keys: [`x:${'1'.repeat(513)}`] }],
    ['a key that is not a string', { keys: [1] }],
    ['no keys', { keys: [] }],
    ['too many keys', { keys: Array.from({ length: MAX_STATS_KEYS + 1 }, (_, i) => `x:${i}`) }],
    ['keys that are not a list', { keys: 'x:1' }],
    ['another type', { type: 'readings', keys: ['x:1'] }],
  ])('rejects the whole message with %s', (_name, change) => {
    const good: Record<string, unknown> = { type: 'post-stats', keys: ['x:1'] };
    expect(validatePostStatsRequest({ ...good, ...change }, 'x')).toBeUndefined();
  });

  it('rejects what is not a message at all', () => {
    for (const message of [null, undefined, 'post-stats', ['x:1'], 42]) {
      expect(validatePostStatsRequest(message, 'x')).toBeUndefined();
    }
  });
});

describe('validating the overlay’s history request', () => {
  it('accepts one key of the sending tab’s platform', () => {
    expect(validatePostHistoryRequest({ type: 'post-history', key: 'bluesky:did:plc:a/3l' }, 'bluesky')).toEqual({
      type: 'post-history',
      key: 'bluesky:did:plc:a/3l',
    });
  });

  it('rejects other platforms’ keys and malformed keys', () => {
    expect(validatePostHistoryRequest({ type: 'post-history', key: 'x:1' }, 'bluesky')).toBeUndefined();
    expect(validatePostHistoryRequest({ type: 'post-history', key: ['x:1'] }, 'x')).toBeUndefined();
    expect(validatePostHistoryRequest({ type: 'post-history' }, 'x')).toBeUndefined();
  });
});
