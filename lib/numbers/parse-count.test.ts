import { describe, expect, it } from 'vitest';
import { freshTablesPerTest, TESTED_LOCALES } from './test-locales';
import type { Count } from '../model';
import { aliasesForLocale, normalizeLocale, parseCount, PLATFORM_ALIASES, type Rounding } from './parse-count';

freshTablesPerTest();

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const RLM = '\u200f';

/** A rounded count with the [min, max) interval a site's rounding implies. */
function rounded(value: number, min: number, max: number, raw: string): Count {
  return { precision: 'rounded', value, min, max, raw };
}

describe('parseCount: numbers.md §9.1 (trunc intervals)', () => {
  // [input, locale, value, min, max]; exact rows have min = max = value.
  it.each<[string, string, number, number, number]>([
    ['1.2K', 'en', 1_200, 1_200, 1_300],
    ['1,2 k', 'fr', 1_200, 1_200, 1_300],
    ['12,3 mil', 'es', 12_300, 12_300, 12_400],
    ['12,3 mil', 'pt-BR', 12_300, 12_300, 12_400],
    ['1,2 Mio.', 'de', 1_200_000, 1_200_000, 1_300_000],
    ['1.2万', 'ja', 12_000, 12_000, 13_000],
    ['1.2万', 'zh-CN', 12_000, 12_000, 13_000],
    ['1,2 тыс.', 'ru', 1_200, 1_200, 1_300],
    ['1.2M', 'en', 1_200_000, 1_200_000, 1_300_000],
    ['١٫٢ ألف', 'ar-EG', 1_200, 1_200, 1_300],
    ['1.2 ألف', 'ar', 1_200, 1_200, 1_300],
    ['۱٫۲ هزار', 'fa', 1_200, 1_200, 1_300],
    ['1.2L', 'en-IN', 120_000, 120_000, 130_000],
    ['1.2Cr', 'en-IN', 12_000_000, 12_000_000, 13_000_000],
    ['1,2 M', 'id', 1_200_000_000, 1_200_000_000, 1_300_000_000],
    ['1,2 B', 'tr', 1_200, 1_200, 1_300],
    ['1,2 Mn', 'tr', 1_200_000, 1_200_000, 1_300_000],
    ['1,2 tn', 'sv', 1_200, 1_200, 1_300],
    ['1,2 mln', 'pl', 1_200_000, 1_200_000, 1_300_000],
    ['1,2 Mln', 'it', 1_200_000, 1_200_000, 1_300_000],
    ['1.2천', 'ko', 1_200, 1_200, 1_300],
    ['1.2억', 'ko', 120_000_000, 120_000_000, 130_000_000],
    ['1,2 Md', 'fr', 1_200_000_000, 1_200_000_000, 1_300_000_000],
    [`1.2K${RLM}`, 'he', 1_200, 1_200, 1_300],
    ['1.2 thousand', 'en', 1_200, 1_200, 1_300],
    ['1,2 Tausend', 'de', 1_200, 1_200, 1_300],
    ['1.5K', 'th', 1_500, 1_500, 1_600],
    ['1.2 หมื่น', 'th', 12_000, 12_000, 13_000],
  ])('%s (%s) → %d in [%d, %d)', (input, locale, value, min, max) => {
    expect(parseCount(input, locale, { rounding: 'trunc' })).toEqual(rounded(value, min, max, input));
  });

  it.each([
    ['12.345', 'de', 12_345],
    ['1.234', 'de', 1_234],
    ['1,234', 'en', 1_234],
    ['1 234', 'fr', 1_234],
  ])('%s (%s) is exactly %d', (input, locale, value) => {
    expect(parseCount(input, locale)).toEqual({ precision: 'exact', value, raw: input });
  });

  it('rejects "12.345" in en: it reads as a decimal, not a count', () => {
    expect(parseCount('12.345', 'en')).toEqual({ precision: 'unknown', raw: '12.345' });
  });

  it.each([
    ['1,2 Tsd.', 'de', 1_200, 1_300],
    ['1,2 Tsd.', 'de-AT', 1_200, 1_300],
    ['1,2 mil milhões', 'pt-BR', 1_200_000_000, 1_300_000_000],
    ['1,2 mil milhões', 'pt-PT', 1_200_000_000, 1_300_000_000],
  ])('%s (%s), not in CLDR, is read from the language alias table without any option', (input, locale, min, max) => {
    expect(parseCount(input, locale, { rounding: 'trunc' })).toEqual(rounded(min, min, max, input));
  });

  it('keeps an alias to its language: "Tsd." means nothing on an English page', () => {
    expect(parseCount('1,2 Tsd.', 'en')).toEqual({ precision: 'unknown', raw: '1,2 Tsd.' });
  });
});

describe('parseCount: one realistic compact and one grouped exact value per locale', () => {
  // [locale, compact text as Intl prints it, value, step of the last digit, grouped exact text]
  it.each<[string, string, number, number, string]>([
    ['en', '1.2M', 1_200_000, 100_000, '1,234,567'],
    ['en-IN', '12L', 1_200_000, 100_000, '12,34,567'],
    ['de', `1,2${NBSP}Mio.`, 1_200_000, 100_000, '1.234.567'],
    ['fr', `1,2${NBSP}M`, 1_200_000, 100_000, `1${NNBSP}234${NNBSP}567`],
    ['es', `1235${NBSP}M`, 1_235_000_000, 1_000_000, '1.234.567'],
    ['pt-BR', `1,2${NBSP}mi`, 1_200_000, 100_000, '1.234.567'],
    ['it', `1,2${NBSP}Mld`, 1_200_000_000, 100_000_000, '1.234.567'],
    ['nl', `1,2${NBSP}mln.`, 1_200_000, 100_000, '1.234.567'],
    ['pl', `12${NBSP}tys.`, 12_000, 1_000, `1${NBSP}234${NBSP}567`],
    ['ru', `123${NBSP}млн`, 123_000_000, 1_000_000, `1${NBSP}234${NBSP}567`],
    ['uk', `1,2${NBSP}тис.`, 1_200, 100, `1${NBSP}234${NBSP}567`],
    ['cs', `1,2${NBSP}mil.`, 1_200_000, 100_000, `1${NBSP}234${NBSP}567`],
    ['tr', `12${NBSP}B`, 12_000, 1_000, '1.234.567'],
    ['sv', `1,2${NBSP}md`, 1_200_000_000, 100_000_000, `1${NBSP}234${NBSP}567`],
    ['nb', '1,2k', 1_200, 100, `1${NBSP}234${NBSP}567`],
    ['id', `1,2${NBSP}jt`, 1_200_000, 100_000, '1.234.567'],
    ['vi', `1,2${NBSP}Tr`, 1_200_000, 100_000, '1.234.567'],
    ['ja', '1235万', 12_350_000, 10_000, '1,234,567'],
    ['zh-CN', '1.2亿', 120_000_000, 10_000_000, '1,234,567'],
    ['zh-TW', '1.2萬', 12_000, 1_000, '1,234,567'],
    ['ko', '123만', 1_230_000, 10_000, '1,234,567'],
    ['hi', `1.2${NBSP}लाख`, 120_000, 10_000, '12,34,567'],
    ['th', '1.2M', 1_200_000, 100_000, '1,234,567'],
    ['ar', `1.2${NBSP}مليون`, 1_200_000, 100_000, '1,234,567'],
    ['ar-EG', `١٢٣${NBSP}ألف`, 123_000, 1_000, '١٬٢٣٤٬٥٦٧'],
    ['fa', `۱۲${NBSP}هزار`, 12_000, 1_000, '۱٬۲۳۴٬۵۶۷'],
    ['he', `1.2B${RLM}`, 1_200_000_000, 100_000_000, '1,234,567'],
  ])('%s: "%s" → %d, grouped "%s" → 1234567 exact', (locale, compact, value, step, grouped) => {
    expect(parseCount(compact, locale)).toEqual(rounded(value, value - step / 2, value + step / 2, compact));
    expect(parseCount(grouped, locale)).toEqual({
      precision: 'exact',
      value: 1_234_567,
      raw: grouped,
    });
  });
});

describe('parseCount: locale traps', () => {
  it.each<[string, string, number]>([
    // Same letters, different meanings: the page's locale decides.
    ['1,2 M', 'id', 1_200_000_000],
    ['1,2 M', 'fr', 1_200_000],
    ['1,2 B', 'tr', 1_200],
    ['1.2B', 'en', 1_200_000_000],
    ['1,2 B', 'es', 1_200_000_000_000],
    ['1,2 T', 'vi', 1_200_000_000],
    ['1.2T', 'en', 1_200_000_000_000],
    ['12 mil', 'es', 12_000],
    ['12 mil', 'pt-BR', 12_000],
    ['12 mil.', 'cs', 12_000_000],
    // Spanish has no short billion; long billion is "mil millones".
    ['1235 M', 'es', 1_235_000_000],
    ['1,2 mil millones', 'es', 1_200_000_000],
    ['1.2 mil millones', 'es-MX', 1_200_000_000],
    // Long forms inflect; every plural variant is known.
    ['1,2 тысячи', 'ru', 1_200],
    ['12 тысяч', 'ru', 12_000],
    ['21 тысяча', 'ru', 21_000],
    ['1,2 tysiąca', 'pl', 1_200],
    ['123 tysiące', 'pl', 123_000],
    ['12 tysięcy', 'pl', 12_000],
    ['1,2 millier', 'fr', 1_200],
    ['12 mille', 'fr', 12_000],
    ['1,2 tisíce', 'cs', 1_200],
    ['12 tisíc', 'cs', 12_000],
    ['5 miliardów', 'pl', 5_000_000_000],
    ['3 آلاف', 'ar', 3_000],
    ['1.2 พัน', 'th', 1_200],
    ['5.8 หมื่น', 'th', 58_000],
    ['1.2 แสน', 'th', 120_000],
    ['12 ล้าน', 'th', 12_000_000],
    ['1.2 พันล้าน', 'th', 1_200_000_000],
    ['12萬', 'zh-TW', 120_000],
    ['1.2億', 'zh-TW', 120_000_000],
    ['12億', 'ja', 1_200_000_000],
    ['1.2亿', 'zh-CN', 120_000_000],
    ['1.2만', 'ko', 12_000],
    ['1.2 हज़ार', 'hi', 1_200],
    ['12 लाख', 'hi', 1_200_000],
    ['1.2 क॰', 'hi', 12_000_000],
    ['1.2 करोड़', 'hi', 12_000_000],
    ['1.2 अ॰', 'hi', 1_200_000_000],
    ['1.2 अरब', 'hi', 1_200_000_000],
    ['1.2 lakh', 'en-IN', 120_000],
    ['12 crore', 'en-IN', 120_000_000],
    ['1,2 Milliarden', 'de', 1_200_000_000],
    ['1,2 Mrd.', 'de', 1_200_000_000],
    ['1,2 mld.', 'cs', 1_200_000_000],
    ['١٫٢ ألف', 'ar', 1_200], // Arabic-Indic text on a latn-default ar page
    // Fullwidth digits and punctuation fold to ASCII (NFKC).
    ['１．２万', 'ja', 12_000],
  ])('"%s" in %s → %d', (input, locale, value) => {
    expect(parseCount(input, locale)).toMatchObject({ precision: 'rounded', value, raw: input });
  });

  it.each([
    ['1234', 'de', 1_234],
    ['12.345', 'de', 12_345],
    ['123.456', 'de', 123_456],
    ['1234', 'ja', 1_234],
    ['1234', 'es', 1_234],
    ['12,34,567', 'hi', 1_234_567],
    ['12,34,567', 'en-IN', 1_234_567],
    ['1,234,567', 'en-IN', 1_234_567],
    ["12'345", 'de-CH', 12_345],
    ['12’345', 'de-CH', 12_345],
    ['٩٩٩', 'ar-EG', 999],
    ['0', 'en', 0],
  ])('"%s" in %s is exactly %d', (input, locale, value) => {
    expect(parseCount(input, locale)).toEqual({ precision: 'exact', value, raw: input });
  });
});

describe('parseCount: English-style K/M/B in other UIs', () => {
  it.each<[string, string, number]>([
    ['12K', 'en-IN', 12_000],
    ['1.2M', 'en-IN', 1_200_000],
    ['12K', 'th', 12_000],
    ['12K', 'de', 12_000],
    ['1.2K', 'de', 1_200], // "1.2" cannot be German grouping, so "." is a decimal point here
    ['1,2K', 'en', 1_200],
    ['1.2k', 'en', 1_200], // Reddit's lower case
    ['1.2K', 'ja', 1_200],
    ['12K', 'ru', 12_000],
    ['1.2K', 'fr', 1_200], // "." is not a French separator at all
    ['1.2K', 'ru', 1_200],
    ['1.2B', 'pt-BR', 1_200_000_000],
    ['1.2M', 'vi', 1_200_000],
    // The locale's own letter always wins over the English one.
    ['1.2B', 'tr', 1_200],
    ['1.2M', 'id', 1_200_000_000],
    ['1.2T', 'vi', 1_200_000_000],
  ])('"%s" in %s → %d', (input, locale, value) => {
    expect(parseCount(input, locale)).toMatchObject({ precision: 'rounded', value });
  });

  it.each([
    ['1,2 M', 'de'], // Mio. vs Mrd.: a bare "M" would be a guess
    ['1,2 M', 'pt-BR'], // mil vs mi
    ['1,2 B', 'de'], // "Bio." is 10^12 in German
    ['1,2 B', 'sv'], // "bn" is 10^12 in Swedish
    ['1,2 M', 'cs'], // mil. vs mld.
    ['1,2 M', 'it'], // Mln vs Mld
  ])('"%s" in %s stays unknown', (input, locale) => {
    expect(parseCount(input, locale)).toEqual({ precision: 'unknown', raw: input });
  });
});

describe('parseCount: rounding intervals', () => {
  it.each<[string, string, Rounding, number, number, number]>([
    ['1.2K', 'en', 'trunc', 1_200, 1_200, 1_300],
    ['1.2K', 'en', 'halfExpand', 1_200, 1_150, 1_250],
    ['12K', 'en', 'trunc', 12_000, 12_000, 13_000],
    ['12K', 'en', 'halfExpand', 12_000, 11_500, 12_500],
    ['1.25K', 'en', 'halfExpand', 1_250, 1_245, 1_255],
    ['1.234K', 'en', 'halfExpand', 1_234, 1_234, 1_235], // [1233.5, 1234.5) holds only 1234
    ['1235 M', 'es', 'halfExpand', 1_235_000_000, 1_234_500_000, 1_235_500_000],
    ['1K', 'en', 'halfExpand', 1_000, 500, 1_500],
    ['0K', 'en', 'halfExpand', 0, 0, 500], // min never below 0 for a non-negative count
    ['1.2万', 'ja', 'halfExpand', 12_000, 11_500, 12_500],
  ])('"%s" (%s, %s) → %d in [%d, %d)', (input, locale, rounding, value, min, max) => {
    expect(parseCount(input, locale, { rounding })).toEqual(rounded(value, min, max, input));
  });

  it('defaults to halfExpand, as Intl does', () => {
    expect(parseCount('1.2K', 'en')).toEqual(parseCount('1.2K', 'en', { rounding: 'halfExpand' }));
  });
});

describe('parseCount: negative numbers (Reddit scores)', () => {
  it.each<[string, string, number]>([
    ['-5', 'en', -5],
    ['−5', 'en', -5],
    ['-1,234', 'en', -1_234],
    ['−1.234', 'de', -1_234],
    ['−۵', 'fa', -5],
  ])('"%s" (%s) is exactly %d where the count can be negative', (input, locale, value) => {
    expect(parseCount(input, locale, { signed: true })).toEqual({ precision: 'exact', value, raw: input });
    // A like, view or reply count never is: there the text is not what it seems.
    expect(parseCount(input, locale)).toEqual({ precision: 'unknown', raw: input });
  });

  it('reads "-0" as 0 either way', () => {
    expect(parseCount('-0', 'en')).toMatchObject({ precision: 'exact', value: 0 });
  });

  it('mirrors the interval for negative compact values', () => {
    // Truncation is toward zero: −1.2K covers (−1300, −1200], i.e. integers [−1299, −1199).
    expect(parseCount('-1.2k', 'en', { rounding: 'trunc', signed: true })).toEqual(
      rounded(-1_200, -1_299, -1_199, '-1.2k'),
    );
    expect(parseCount('−1,2 k', 'fr', { rounding: 'halfExpand', signed: true })).toEqual(
      rounded(-1_200, -1_249, -1_149, '−1,2 k'),
    );
    expect(parseCount('-1.2k', 'en')).toMatchObject({ precision: 'unknown' });
  });
});

describe('parseCount: invisible marks and space variants', () => {
  it.each<[string, string, number]>([
    [`${RLM}1.2${NBSP}אלף`, 'he', 1_200], // he long form: RLM before the number
    ['\u200e1.2K\u200e', 'en', 1_200],
    ['\u061c١٢ ألف', 'ar-EG', 12_000],
    ['\u20681.2K\u2069', 'en', 1_200],
    ['\u202b1.2M\u202c', 'en', 1_200_000],
    [`1,2${NNBSP}k`, 'fr', 1_200],
    [`1,2\u2009k`, 'fr', 1_200],
    [`  1,2${NBSP}${NBSP}k  `, 'fr', 1_200],
  ])('%j (%s) → %d', (input, locale, value) => {
    expect(parseCount(input, locale)).toMatchObject({ precision: 'rounded', value, raw: input });
  });

  it.each<[string, string, number]>([
    [`1${NBSP}234`, 'fr', 1_234],
    [`1${NNBSP}234`, 'fr', 1_234],
    ['1\u2009234', 'fr', 1_234],
    [`123${NBSP}382`, 'ru', 123_382],
    ['\u200e1,234\u200e', 'en', 1_234],
  ])('%j (%s) is exactly %d', (input, locale, value) => {
    expect(parseCount(input, locale)).toEqual({ precision: 'exact', value, raw: input });
  });
});

describe('parseCount: not a count → unknown, raw kept', () => {
  it.each([
    ['', 'en'],
    ['   ', 'en'],
    ['—', 'en'],
    ['–', 'en'],
    ['1.2X', 'en'],
    ['abc', 'en'],
    ['No likes', 'en'],
    ['K', 'en'],
    ['1+', 'en'], // Mastodon's capped reply counter
    ['12%', 'en'],
    ['1,2,3', 'en'],
    ['1,2345', 'en'],
    ['12 34', 'en'],
    ['12.345', 'en'],
    ['1,5', 'de'],
    ['1.234', 'fr'], // French groups with spaces; a "." without a unit is not readable
    ['1.234.567', 'ru'],
    ['1.2.3', 'de'],
    ['12.34.56', 'de'],
    ['1,2,34,567', 'en-IN'],
    ['12,34,567', 'en'], // Indian grouping is only plausible where the locale uses it
    ['--5', 'en'],
    ['1.2K views', 'en'], // one count per call; sentences go through findCounts
    ['K 1.2', 'en'],
    ['1,2 k k', 'fr'],
    ['1.2.K', 'en'],
  ])('%j (%s)', (input, locale) => {
    expect(parseCount(input, locale)).toEqual({ precision: 'unknown', raw: input });
  });

  it('never throws, whatever it is given', () => {
    const junk = [undefined, null, 42, {}] as unknown as string[];
    for (const value of junk) {
      expect(() => parseCount(value, 'en')).not.toThrow();
      expect(parseCount(value, 'en').precision).toBe('unknown');
    }
    expect(parseCount('1.2K', undefined as unknown as string)).toMatchObject({ value: 1_200 });
  });
});

describe('parseCount: aliases', () => {
  it('applies options.aliases on top of the locale table', () => {
    expect(parseCount('1,2 B', 'tr', { aliases: { b: 9 } })).toMatchObject({
      value: 1_200_000_000,
    });
    expect(parseCount('1,2 B', 'tr')).toMatchObject({ value: 1_200 });
  });

  it('matches alias keys case-insensitively and without the dot', () => {
    for (const input of ['1,2 Tsd.', '1,2 tsd.', '1,2 TSD', '1,2 Tsd']) {
      expect(parseCount(input, 'de', { aliases: PLATFORM_ALIASES.de })).toMatchObject({
        value: 1_200,
      });
    }
  });

  it('works with a fresh aliases object on every call', () => {
    for (let i = 0; i < 3; i++) {
      expect(parseCount('2 tsd', 'de-AT', { aliases: { 'tsd.': 3 } })).toMatchObject({
        value: 2_000,
      });
    }
  });

  it('picks the alias table for a page language', () => {
    expect(aliasesForLocale('de-AT')).toBe(PLATFORM_ALIASES.de);
    expect(aliasesForLocale('pt_BR')).toBe(PLATFORM_ALIASES.pt);
    expect(aliasesForLocale('en')).toBeUndefined();
    expect(PLATFORM_ALIASES.pt).toMatchObject({ 'mil milhões': 9 });
    expect(PLATFORM_ALIASES.de).toMatchObject({ 'tsd.': 3, tsd: 3 });
  });
});

describe('normalizeLocale', () => {
  it.each<[string | null | undefined, string]>([
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
    ['  ', 'en'],
    ['zh-Hant', 'zh-Hant'],
    ['zh_CN', 'zh-CN'],
    ['en-us', 'en-US'],
    ['pt-BR', 'pt-BR'],
    ['not a locale!', 'en'],
    ['x-default', 'en'],
  ])('%j → %s', (lang, expected) => {
    expect(normalizeLocale(lang)).toBe(expected);
  });

  it('lets an invalid page language still parse English-style text', () => {
    expect(parseCount('1.2K', 'not a locale!')).toMatchObject({ value: 1_200 });
  });
});

const ROUND_TRIP_LOCALES = TESTED_LOCALES;
const ROUND_TRIP_VALUES = [
  0, 7, 999, 1_234, 1_999, 12_345, 99_999, 123_456, 999_999, 1_234_567, 12_345_678, 123_456_789, 1_234_567_890,
  98_765_432_109,
];

describe('parseCount: round trip through Intl (every locale, short and long, both roundings)', () => {
  it.each(ROUND_TRIP_LOCALES)('%s', (locale) => {
    for (const compactDisplay of ['short', 'long'] as const) {
      for (const rounding of ['halfExpand', 'trunc'] as const) {
        const format = new Intl.NumberFormat(locale, {
          notation: 'compact',
          compactDisplay,
          roundingMode: rounding,
        });
        for (const value of ROUND_TRIP_VALUES) {
          const text = format.format(value);
          const count = parseCount(text, locale, { rounding });
          const where = `${locale} ${compactDisplay} ${rounding} ${value} → ${JSON.stringify(text)}`;
          if (count.precision === 'exact') {
            expect(count.value, where).toBe(value);
          } else if (count.precision === 'rounded') {
            expect(count.min, where).toBeLessThanOrEqual(value);
            expect(count.max, where).toBeGreaterThan(value);
          } else {
            expect.fail(`${where} was not read: ${JSON.stringify(count)}`);
          }
        }
      }
    }
    const standard = new Intl.NumberFormat(locale);
    for (const value of ROUND_TRIP_VALUES) {
      for (const signed of value === 0 ? [0] : [value, -value]) {
        const text = standard.format(signed);
        expect(parseCount(text, locale, { signed: true }), `${locale} ${text}`).toEqual({
          precision: 'exact',
          value: signed,
          raw: text,
        });
      }
    }
  });
});

describe('parseCount: speed', () => {
  it('parses 10,000 counts (tables and regexes are cached)', () => {
    const inputs: [string, string][] = [
      ['1.2K', 'en'],
      [`1,2${NBSP}k`, 'fr'],
      ['1.2万', 'ja'],
      ['12.345', 'de'],
      ['١٫٢ ألف', 'ar-EG'],
    ];
    let known = 0;
    for (let i = 0; i < 10_000; i++) {
      const [text, locale] = inputs[i % inputs.length] ?? ['', 'en'];
      if (parseCount(text, locale).precision !== 'unknown') known++;
    }
    expect(known).toBe(10_000);
  });
});
