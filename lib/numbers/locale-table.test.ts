/**
 * How each locale's table is built from what `Intl` prints (locale-table.ts), seen through the
 * readings a user gets: separators borrowed from latn digits, unit forms without their dot,
 * English letters, aliases a platform passes in.
 */
import { describe, expect, it } from 'vitest';
import type { Count } from '../model';
import { aliasesForLocale, findCounts, parseCount, PLATFORM_ALIASES } from './parse-count';
import { freshTablesPerTest } from './test-locales';

freshTablesPerTest();

const values = (counts: Count[]) => counts.map((c) => ('value' in c ? c.value : null));

describe('separators a locale borrows', () => {
  it('reads ASCII-digit text on a page whose own digits are Arabic-Indic', () => {
    expect(parseCount('1,234', 'ar-EG')).toMatchObject({ precision: 'exact', value: 1_234 });
    expect(parseCount('1.2 ألف', 'ar-EG')).toMatchObject({ precision: 'rounded', value: 1_200 });
  });

  it('reads Arabic separators on an Arabic page that prints ASCII digits', () => {
    expect(parseCount('١٢٣٬٤٥٦', 'ar')).toMatchObject({ precision: 'exact', value: 123_456 });
    expect(parseCount('١٢٣٬٤٥٦', 'en')).toMatchObject({ precision: 'exact', value: 123_456 });
  });

  it('reads both apostrophes where the locale groups with one', () => {
    expect(parseCount("1'234'567", 'it-CH')).toMatchObject({ precision: 'exact', value: 1_234_567 });
    expect(parseCount('1’234’567', 'it-CH')).toMatchObject({ precision: 'exact', value: 1_234_567 });
  });
});

describe('unit forms', () => {
  it('finds abbreviations written without their dot inside sentences', () => {
    expect(values(findCounts('1,2 Mio Aufrufe', 'de'))).toEqual([1_200_000]);
    expect(values(findCounts('12 tys polubień', 'pl'))).toEqual([12_000]);
  });

  it('reads a unit in any letter case', () => {
    expect(parseCount('1,2 MIO.', 'de')).toMatchObject({ precision: 'rounded', value: 1_200_000 });
    expect(parseCount('12 MLN', 'pl')).toMatchObject({ precision: 'rounded', value: 12_000_000 });
    expect(values(findCounts('1,2 mrd. Aufrufe', 'de'))).toEqual([1_200_000_000]);
  });

  it('reads an abbreviation written with a dot CLDR does not have', () => {
    expect(parseCount('12 mln.', 'pl')).toMatchObject({ precision: 'rounded', value: 12_000_000 });
  });

  it('ends a unit at its dot: a comma right after it is punctuation', () => {
    expect(values(findCounts('1,2 Mio., 3 Likes', 'de'))).toEqual([1_200_000, 3]);
    expect(values(findCounts('1,2 Mio, 3 Likes', 'de'))).toEqual([1_200_000, 3]);
  });

  it('reads the English K, M and B only where the locale has no letter of its own that means otherwise', () => {
    expect(parseCount('12K', 'pl')).toMatchObject({ value: 12_000 });
    expect(parseCount('1,2M', 'ru')).toMatchObject({ value: 1_200_000 });
    expect(parseCount('1,2B', 'ru')).toMatchObject({ value: 1_200_000_000 });
    expect(parseCount('1,2 B', 'tr')).toMatchObject({ value: 1_200 });
    expect(parseCount('1,2 M', 'de')).toEqual({ precision: 'unknown', raw: '1,2 M' });
  });

  it('does not read the number of a unit word CLDR gives two meanings as a bare count', () => {
    expect(values(findCounts('१ करोड views, 5 likes', 'ne'))).toEqual([null, 5]);
  });
});

describe('a platform’s own aliases', () => {
  it('reads nothing with an alias that is no power of ten a count can have', () => {
    for (const exp of [-1, 1.5, 16, 31, 400, Number.NaN]) {
      expect(parseCount('0 zz', 'en', { aliases: { zz: exp } }), String(exp)).toMatchObject({ precision: 'unknown' });
    }
    expect(parseCount('0 zz', 'en', { aliases: { zz: 0 } })).toMatchObject({ precision: 'rounded', value: 0 });
    expect(parseCount('0 zz', 'en', { aliases: { zz: 15 } })).toMatchObject({ value: 0, min: 0, max: 5e14 });
    // The interval of "9 zz" would end beyond the largest safe integer.
    expect(parseCount('8 zz', 'en', { aliases: { zz: 15 } })).toMatchObject({ value: 8e15 });
    expect(parseCount('9 zz', 'en', { aliases: { zz: 15 } })).toMatchObject({ precision: 'unknown' });
  });

  it('changes nothing with an empty alias', () => {
    expect(values(findCounts('1,2 Mio. Aufrufe', 'de', { aliases: { '': 3 } }))).toEqual([1_200_000]);
  });

  it('keeps telling platforms apart when more than a cache’s worth of alias sets are in use', () => {
    for (let i = 0; i < 70; i++) {
      expect(parseCount('2 zz', 'en', { aliases: { zz: 3, [`w${i}`]: 6 } })).toMatchObject({ value: 2_000 });
      expect(parseCount('2 zz', 'en', { aliases: { zz: 6 } })).toMatchObject({ value: 2_000_000 });
    }
  });
});

describe('units printed before the number', () => {
  it('reads them, and nothing with a unit on both sides', () => {
    expect(parseCount('elfu 1.2', 'sw')).toMatchObject({ precision: 'rounded', value: 1_200 });
    expect(parseCount('bilioni 3', 'sw')).toMatchObject({ precision: 'rounded', value: 3_000_000_000 });
    expect(parseCount('elfu 1.2 k', 'sw')).toEqual({ precision: 'unknown', raw: 'elfu 1.2 k' });
    expect(parseCount('1.2 elfu', 'sw')).toEqual({ precision: 'unknown', raw: '1.2 elfu' });
  });
});

describe('the language alias tables', () => {
  it('are found whatever case and separator the page language has', () => {
    expect(aliasesForLocale('DE')).toBe(PLATFORM_ALIASES.de);
    expect(aliasesForLocale('de_CH')).toBe(PLATFORM_ALIASES.de);
    expect(parseCount('1,2 Tsd.', 'DE-ch')).toMatchObject({ value: 1_200 });
  });

  it('are never an object property that is no alias table', () => {
    for (const language of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(aliasesForLocale(language), language).toBeUndefined();
    }
  });
});
