/**
 * The grammar of one number token (count.ts): which separator is grouping and which a decimal
 * point, when a grouping is plausible, how far a unit may shift the digits, and signs.
 */
import { describe, expect, it } from 'vitest';
import { parseCount } from './parse-count';
import { freshTablesPerTest } from './test-locales';

freshTablesPerTest();

describe('grouping and decimals together', () => {
  it.each<[string, string, number]>([
    ['1,234.5K', 'en', 1_234_500],
    ['1.234,5 Mio.', 'de', 1_234_500_000],
    ['1.234K', 'de', 1_234_000], // German grouping, then the English unit
    ['1,23,456', 'en-IN', 123_456],
  ])('%j (%s) → %d', (input, locale, value) => {
    expect(parseCount(input, locale)).toMatchObject({ value, raw: input });
  });

  it.each<[string, string]>([
    ['1,2.3K', 'en'], // "1,2" is no grouping, and a unit does not make two separators readable
    ['1.2,3K', 'en'], // something after the decimal point other than digits
    ["1'2K", 'de-CH'], // only "." or "," can be an English-style decimal point
    ['1,2,3K', 'en'],
    ['1 234.567', 'fr'], // two different grouping characters
    ['1234,567', 'en'], // a first group of four digits
    ['123,45,678', 'en-IN'],
    ['12,345,67', 'en-IN'],
    ['1,23,45', 'en-IN'], // Indian grouping still ends in three digits
    ['1.2345K', 'en'], // more decimals than the unit has digits
    ['12345678901234567', 'en'], // beyond what a count can be exactly
    ['9999999B', 'en'],
  ])('%j (%s) is unknown', (input, locale) => {
    expect(parseCount(input, locale)).toEqual({ precision: 'unknown', raw: input });
  });
});

describe('zero and its sign', () => {
  const shown = (value: number) => new Intl.NumberFormat('en').format(value);

  it('reads "-0" as a zero that shows as "0", never "-0"', () => {
    for (const signed of [false, true]) {
      const count = parseCount('-0', 'en', { signed });
      expect(count).toMatchObject({ precision: 'exact' });
      expect('value' in count && shown(count.value)).toBe('0');
    }
  });

  it('reads "-0K" on a signed count as zero, with the interval of "0K"', () => {
    const count = parseCount('-0K', 'en', { signed: true });
    expect(count).toMatchObject({ precision: 'rounded', min: 0, max: 500 });
    expect('value' in count && shown(count.value)).toBe('0');
  });

  it('reads a negative compact count only where counts can be negative', () => {
    expect(parseCount('-1.2K', 'en', { signed: true })).toMatchObject({ value: -1_200, min: -1_249, max: -1_149 });
    expect(parseCount('-1.2K', 'en', { signed: false })).toMatchObject({ precision: 'unknown' });
  });
});

describe('Indian grouping', () => {
  it('needs two-digit groups between the first and the last, however many there are', () => {
    expect(parseCount('12,34,56,789', 'hi')).toMatchObject({ precision: 'exact', value: 123_456_789 });
    // A three-digit group in the middle is neither Indian nor Western grouping.
    expect(parseCount('1,23,456,789', 'hi').precision).toBe('unknown');
    expect(parseCount('1,234,56,789', 'en-IN').precision).toBe('unknown');
  });
});

describe('what is not text', () => {
  it('reads a missing label as unknown, never throwing', () => {
    expect(parseCount(null as unknown as string, 'en')).toEqual({ precision: 'unknown' });
    expect(parseCount(undefined as unknown as string, 'en')).toEqual({ precision: 'unknown' });
  });
});

describe('an English decimal point on another language’s page', () => {
  it('is read only before a unit: without one, "12.0" on a German page is no count', () => {
    expect(parseCount('1.2K', 'de')).toMatchObject({ precision: 'rounded', min: 1150, max: 1250 });
    expect(parseCount('12.0', 'de').precision).toBe('unknown');
    expect(parseCount('3,0', 'en').precision).toBe('unknown');
  });
});
