import { describe, expect, it } from 'vitest';
import { IMPORT_PIECE_BYTES, MAX_IMPORT_BYTES, sizeRefusal, validateDataRequest } from './data';

describe('the data channel’s requests', () => {
  it('accepts the requests Feedlens’s pages send', () => {
    expect(validateDataRequest({ type: 'import-start', size: 10, restoreSettings: false })).toEqual({
      type: 'import-start',
      size: 10,
      restoreSettings: false,
    });
    expect(validateDataRequest({ type: 'import-piece', text: '{', bytes: 1 })).toEqual({
      type: 'import-piece',
      text: '{',
      bytes: 1,
    });
    expect(validateDataRequest({ type: 'import-end', extra: 1 })).toEqual({ type: 'import-end' });
    expect(validateDataRequest({ type: 'delete', scope: { kind: 'site', platform: 'reddit' } })).toEqual({
      type: 'delete',
      scope: { kind: 'site', platform: 'reddit' },
    });
    expect(validateDataRequest({ type: 'delete', scope: { kind: 'post', key: 'x:1' } })).toMatchObject({
      scope: { kind: 'post', key: 'x:1' },
    });
    expect(validateDataRequest({ type: 'delete', scope: { kind: 'all' } })).toMatchObject({ scope: { kind: 'all' } });
  });

  it.each([
    ['not an object', 'import-end'],
    ['an unknown type', { type: 'drop-tables' }],
    ['a start without a size', { type: 'import-start', restoreSettings: true }],
    ['a negative size', { type: 'import-start', size: -1, restoreSettings: true }],
    ['a start without the settings answer', { type: 'import-start', size: 1 }],
    ['a piece that is not text', { type: 'import-piece', text: 42, bytes: 1 }],
    [
      'a piece larger than a piece can be',
      { type: 'import-piece', text: 'a'.repeat(IMPORT_PIECE_BYTES + 100), bytes: 1 },
    ],
    ['a deletion of an unknown site', { type: 'delete', scope: { kind: 'site', platform: 'myspace' } }],
    ['a deletion of a key of no site', { type: 'delete', scope: { kind: 'post', key: 'evil:1' } }],
    ['a deletion of a key without an id', { type: 'delete', scope: { kind: 'post', key: 'x:' } }],
    ['a deletion without a scope', { type: 'delete' }],
  ])('refuses %s', (_name, message) => {
    expect(validateDataRequest(message)).toBeUndefined();
  });

  it('says in words why a file is too large, before anything is read', () => {
    expect(sizeRefusal(MAX_IMPORT_BYTES)).toBeNull();
    expect(sizeRefusal(1100 * 1024 * 1024)).toBe(
      'This file is 1,100 MB; Feedlens imports files up to 1,024 MB (a year of data exports to about 450 MB). Nothing was imported.',
    );
  });
});
