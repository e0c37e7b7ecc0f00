import { describe, expect, it } from 'vitest';
import { fallbackKey, FINGERPRINT_TEXT_LENGTH, textStart } from './fingerprint';

describe('the text a fingerprint is taken over', () => {
  it('is the start of the text, so that a "See more" expanding the rest keeps the key', () => {
    const start = 'a'.repeat(FINGERPRINT_TEXT_LENGTH);
    expect(textStart(`${start} and then the rest`)).toBe(start);
    expect(fallbackKey('ada', textStart(`${start} more`))).toBe(fallbackKey('ada', textStart(`${start} other`)));
  });

  it('counts characters, not UTF-16 units: an emoji is never cut in half', () => {
    const emoji = '🌸'.repeat(FINGERPRINT_TEXT_LENGTH + 5);
    expect(textStart(emoji)).toBe('🌸'.repeat(FINGERPRINT_TEXT_LENGTH));
  });

  it('is the whole text when short', () => {
    expect(textStart('  Hello   world ')).toBe('Hello world');
    expect(textStart('')).toBeUndefined();
  });

  it('tells different posts of one author apart', () => {
    expect(fallbackKey('ada', 'first post')).not.toBe(fallbackKey('ada', 'second post'));
    expect(fallbackKey(undefined, 'text')).toBeNull();
  });
});
