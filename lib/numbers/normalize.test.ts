import { describe, expect, it } from 'vitest';
import { findCounts, parseCount } from './parse-count';
import { hasBrokenNumber, hasDigit, normalizeLocale, normalizeText, toAsciiDigits } from './normalize';
import { freshTablesPerTest } from './test-locales';

freshTablesPerTest();

/** Every decimal digit the JavaScript engine knows (Unicode `Nd`), with its code point. */
function everyDigit(): number[] {
  const digits: number[] = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    if (/\p{Nd}/u.test(String.fromCodePoint(code))) digits.push(code);
  }
  return digits;
}

/** The decimal numbering systems `Intl` can print, with the digits 0–9 as each prints them. */
function intlDigitSets(): [string, string][] {
  return Intl.supportedValuesOf('numberingSystem').flatMap((system): [string, string][] => {
    const format = new Intl.NumberFormat('en', { numberingSystem: system, useGrouping: false });
    if (format.resolvedOptions().numberingSystem !== system) return [];
    const digits = Array.from({ length: 10 }, (_, d) => format.format(d)).join('');
    // Decimal digit sets only; hanidec's 〇一二… are ideographs (Unicode Lo/Nl), which no count
    // is printed in.
    return /^\p{Nd}{10}$/u.test(digits) ? [[system, digits]] : [];
  });
}

describe('digits of every script', () => {
  const digits = everyDigit();

  it('"has a number" is true for every Unicode decimal digit, and the parser reads each one', () => {
    expect(digits.length).toBeGreaterThanOrEqual(680); // 72 blocks, and the 5 mathematical sets
    for (const code of digits) {
      const ch = String.fromCodePoint(code);
      expect(hasDigit(`likes ${ch}`), code.toString(16)).toBe(true);
      expect(toAsciiDigits(ch), code.toString(16)).toMatch(/^[0-9]$/);
    }
  });

  it('maps each numbering system Intl prints back to 0–9, in order', () => {
    const sets = intlDigitSets();
    expect(sets.map(([system]) => system)).toEqual(expect.arrayContaining(['arab', 'beng', 'deva', 'fullwide']));
    for (const [system, set] of sets) expect(toAsciiDigits(set), system).toBe('0123456789');
  });

  it('reads Bengali and fullwidth counts as the numbers they are', () => {
    expect(parseCount('১২৩', 'bn')).toMatchObject({ precision: 'exact', value: 123 });
    expect(parseCount('১,২৩,৪৫৬', 'bn')).toMatchObject({ precision: 'exact', value: 123_456 });
    expect(parseCount('１２３', 'ja')).toMatchObject({ precision: 'exact', value: 123 });
    expect(parseCount('１２３', 'en')).toMatchObject({ precision: 'exact', value: 123 });
    expect(findCounts('১২৩ টি লাইক, ৪৫ টি মন্তব্য', 'bn').map((c) => ('value' in c ? c.value : null))).toEqual([123, 45]);
    expect(findCounts('１２３件のいいね', 'ja').map((c) => ('value' in c ? c.value : null))).toEqual([123]);
  });

  it('has no digit where there is none', () => {
    for (const text of ['', null, undefined, 'Like', 'いいね', 'NaN likes', '½', 'Ⅻ', '①', '²']) {
      expect(hasDigit(text), String(text)).toBe(false);
    }
  });
});

describe('broken numbers', () => {
  it('knows what a formatter prints for a count it does not have', () => {
    for (const text of ['NaN', 'NaN likes', 'Like (NaN likes)', 'Infinity', '-Infinity reposts', '∞']) {
      expect(hasBrokenNumber(text), text).toBe(true);
    }
    for (const text of ['', null, 'Nancy liked this', '12 likes', 'infinite scroll']) {
      expect(hasBrokenNumber(text), String(text)).toBe(false);
    }
  });

  it('never reads them as numbers', () => {
    for (const text of ['NaN', 'Infinity', '∞', '-Infinity']) {
      expect(parseCount(text, 'en')).toEqual({ precision: 'unknown', raw: text });
      expect(findCounts(`${text} likes`, 'en')).toEqual([]);
    }
  });
});

describe('numbers grouped with spaces where the locale does not', () => {
  it('reads "1 000 000" as one unreadable token, not as 1, 0 and 0', () => {
    expect(findCounts('1 000 000 likes', 'en')).toEqual([{ precision: 'unknown', raw: '1 000 000' }]);
    expect(findCounts('3 replies, 1 000 000 views', 'en')).toEqual([
      { precision: 'exact', value: 3, raw: '3' },
      { precision: 'unknown', raw: '1 000 000' },
    ]);
    expect(findCounts('12 34 likes', 'de')).toEqual([{ precision: 'unknown', raw: '12 34' }]);
  });

  it('reads it as the number it is where the locale groups with spaces', () => {
    expect(findCounts('1\u00a0000\u00a0000 vues', 'fr')).toMatchObject([{ precision: 'exact', value: 1_000_000 }]);
    expect(findCounts('1 000 000 просмотров', 'ru')).toMatchObject([{ precision: 'exact', value: 1_000_000 }]);
  });
});

describe('numbers grouped the Swiss way where the locale does not', () => {
  it('reads "1’234" on an English page as one unreadable token, not as 1 and 234', () => {
    expect(findCounts('1’234 likes', 'en')).toEqual([{ precision: 'unknown', raw: '1’234' }]);
    expect(findCounts("1'234 likes, 5 replies", 'en')).toEqual([
      { precision: 'unknown', raw: "1'234" },
      { precision: 'exact', value: 5, raw: '5' },
    ]);
    expect(findCounts('1’234 Likes', 'de-CH')).toMatchObject([{ precision: 'exact', value: 1_234 }]);
  });
});

describe('page languages Intl does not know', () => {
  it('falls back to English for a well-formed tag without locale data', () => {
    expect(normalizeLocale('zz')).toBe('en');
    expect(normalizeLocale('qaa-QM')).toBe('en');
  });
});

describe('text as the parser compares it', () => {
  it.each([
    ['  1,234  ', '1,234'], // ASCII: trimmed
    ['1  234', '1 234'], // ASCII: a run of spaces folds to one
    [' 12 K ', '12 K'],
    ['1\u00a0\u00a0234', '1 234'], // NBSPs fold to one space too
    ['\u200f1\u202f234\u200f', '1 234'], // RLM marks go, U+202F is a space
    ['１２３', '123'], // fullwidth digits through NFKC
    ['① 12', '\ufffd 12'], // a circled number is an ornament, not a digit
    ['x⁴', 'x\ufffd'],
  ])('%j becomes %j', (text, expected) => expect(normalizeText(text)).toBe(expected));

  it('reads a page language with spaces or an underscore around it', () => {
    expect(normalizeLocale(' de ')).toBe('de');
    expect(normalizeLocale(' pt_BR ')).toBe('pt-BR');
  });
});
