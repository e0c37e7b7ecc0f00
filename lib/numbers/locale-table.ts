/**
 * Per-locale knowledge for reading counts: which unit words exist ("k", "Mio.", "万", "ألف")
 * and what power of ten each stands for, which characters group and which mark decimals.
 *
 * There is no standard parser for compact notation (ECMA-402 has no `parse`), and hand-made
 * tables drift from what browsers print. So the tables are built at runtime from
 * `Intl.NumberFormat#formatToParts`, i.e. from the same CLDR data the sites' own formatters use.
 * Building one costs a few milliseconds, so tables are built lazily and cached per locale.
 */

import { aliasesForLocale } from './aliases';
import { DIGIT_CLASS, INVISIBLE, normalizeLocale, normalizeText, toAsciiDigits } from './normalize';

/** Marks a case-folded key that would stand for two different units (so folding is unsafe). */
const AMBIGUOUS = -1;

/** Unit words of one position (after or before the number) → power-of-ten exponent. */
export interface UnitTable {
  /** Normalised key (whitespace removed), original case: "Mio." → 6, or {@link AMBIGUOUS}. Checked first. */
  readonly exact: Map<string, number>;
  /** Lower-cased key → exponent, or {@link AMBIGUOUS}; lets Reddit's "1.2k" match CLDR's "K". */
  readonly folded: Map<string, number>;
  /** Surface forms (single spaces kept) for the sentence scanner's regex. */
  readonly forms: Set<string>;
}

export interface LocaleTable {
  /** The normalised locale the table was built for. */
  readonly locale: string;
  readonly suffixes: UnitTable;
  /** Units printed before the number (sw "elfu 1.2"); empty for most locales. */
  readonly prefixes: UnitTable;
  /** Characters that group digits ("," en; "." de; " " fr/ru after normalisation; "٬" ar-EG). */
  readonly groups: string;
  /** Characters that start a fraction ("." en; "," de; "٫" ar-EG/fa). Disjoint from groups. */
  readonly decimals: string;
  /** Accepted minus signs: ASCII "-", U+2212 and the locale's own. */
  readonly minus: string;
  /** True where the locale groups 12,34,567 (en-IN, hi); 1,234,567 is accepted there too. */
  readonly indianGrouping: boolean;
  /** Whole-string pattern for parseCount: prefix?, minus?, number, suffix?. */
  readonly parseRe: RegExp;
  /** Sentence scanner for findCounts, compiled on first use. */
  scanner: Scanner | undefined;
}

/** A locale's compiled sentence scanner (built by scanner.ts, cached on its table). */
export interface Scanner {
  /** Finds number tokens with an optional unit (see scanner.ts). */
  readonly scan: RegExp;
  /** Sticky: does another unit follow right here? ("mil" + " milhões" is not "mil"). */
  readonly unitAfter: RegExp;
}

function newUnitTable(): UnitTable {
  return { exact: new Map(), folded: new Map(), forms: new Set() };
}

function copyUnitTable(t: UnitTable): UnitTable {
  return { exact: new Map(t.exact), folded: new Map(t.folded), forms: new Set(t.forms) };
}

/**
 * How a unit form is added: an `alias` replaces the locale's meaning; a form CLDR prints for a
 * `count` (below 10¹¹) that meets another meaning of the same word makes the word ambiguous (ne:
 * short "करोड" is 10⁷, long 10⁶: a guess either way); a form seen only `beyond` any real count
 * (10¹¹ and up, where CLDR's data is least used: bn short has "১কো" for 10¹¹ beside "১ কো" for
 * 10⁷) never overrides or muddles one seen for a count.
 */
type UnitSource = 'alias' | 'count' | 'beyond';

function addUnit(t: UnitTable, form: string, exp: number, source: UnitSource): void {
  const surface = normalizeText(form);
  if (!surface) return;
  const key = surface.replace(/ /g, '');
  const foldedKey = key.toLowerCase();
  const override = source === 'alias';
  if (override) {
    // An alias replaces the unit in every letter case ({ b: 9 } also overrides tr "B").
    for (const other of t.exact.keys()) {
      if (other.toLowerCase() === foldedKey) t.exact.delete(other);
    }
  }
  const known = t.exact.get(key);
  if (source === 'beyond' && (known !== undefined || t.folded.has(foldedKey))) return;
  if (override || known === undefined) t.exact.set(key, exp);
  else if (known !== exp) t.exact.set(key, AMBIGUOUS);
  const previous = t.folded.get(foldedKey);
  if (override || previous === undefined) t.folded.set(foldedKey, exp);
  else if (previous !== exp) t.folded.set(foldedKey, AMBIGUOUS);
  t.forms.add(surface);
  // "1,2 Mio" and "12 tys" are common without the abbreviation's dot.
  if (surface.length > 1 && surface.endsWith('.')) t.forms.add(surface.slice(0, -1));
}

function findUnit(t: UnitTable, key: string): number | undefined {
  const exactExp = t.exact.get(key);
  if (exactExp === AMBIGUOUS) return undefined;
  if (exactExp !== undefined) return exactExp;
  const foldedExp = t.folded.get(key.toLowerCase());
  return foldedExp === AMBIGUOUS ? undefined : foldedExp;
}

/** Exponent of a unit as printed ("Mio.", "mio", "K", "mil millones"), or undefined. */
export function lookupUnit(t: UnitTable, text: string): number | undefined {
  const key = text.replace(/ /g, '');
  return findUnit(t, key) ?? findUnit(t, key.endsWith('.') ? key.slice(0, -1) : `${key}.`);
}

/**
 * The English letters many sites print whatever the UI language ("12K" on YouTube en-IN or
 * Thai). Added only where the locale has no unit of its own with that letter, and no unit
 * starting with it that means something else: tr keeps "B" = bin (thousand), id "M" = miliar,
 * and de gets no "M" because "Mrd." would make "1,2 M" a guess.
 */
const LATIN_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['k', 3],
  ['m', 6],
  ['b', 9],
];

function addLatinUnits(t: UnitTable): void {
  for (const [letter, exp] of LATIN_UNITS) {
    let clash = false;
    for (const [key, keyExp] of t.folded) {
      if (key.startsWith(letter) && keyExp !== exp) clash = true;
    }
    if (!clash) {
      t.folded.set(letter, exp);
      t.forms.add(letter);
    }
  }
}

/**
 * Mantissas × 10 formatted at every exponent 3..15; the mix of 1, 2–4, 5, 11, 21, 22, 101, 121
 * and fractions reaches every plural form (ru тысяча/тысячи/тысяч, pl, cs, ar آلاف/ألف, fil
 * "1.4 na libo" where fractions end in 4, 6 or 9, mk "141 мј." beside "140 ми.").
 */
const MANTISSAS_X10 = [10, 11, 12, 14, 16, 19, 20, 21, 22, 30, 50, 101, 121];

function readCompactParts(parts: Intl.NumberFormatPart[], value: number, t: LocaleTable): void {
  let integer = '';
  let compact = '';
  let beforeNumber = false;
  for (const part of parts) {
    if (part.type === 'integer') integer += part.value;
    else if (part.type === 'compact') {
      compact += part.value;
      if (!integer) beforeNumber = true;
    }
  }
  // The unit's exponent, e.g. 1,234,567,890 shown as "1235 M" → 10^6. The fraction digits are left
  // out: they move the logarithm by less than log10(2), never across the rounding to an integer.
  // Every value here is 10³ or more, shown with a unit, so the exponent is at least 3.
  const shown = Number(toAsciiDigits(integer));
  // fr long prints 1000 as bare "mille": nothing to measure the unit against.
  if (!compact || !(shown > 0)) return;
  const exp = Math.round(Math.log10(value / shown));
  addUnit(beforeNumber ? t.prefixes : t.suffixes, compact, exp, value < 1e11 ? 'count' : 'beyond');
}

/** Normalises one separator character; NBSP and U+202F become a plain space. */
function separatorChar(value: string | undefined): string {
  // NFKC already turns every space variant into U+0020; the ALM of ar's minus sign goes here.
  // Every locale Intl knows prints all three separators, each one character long.
  return (value ?? '').normalize('NFKC').replace(INVISIBLE, '');
}

function separators(locale: string, numberingSystem?: string) {
  const options: Intl.NumberFormatOptions = numberingSystem ? { numberingSystem } : {};
  const parts = new Intl.NumberFormat(locale, options).formatToParts(-1234567.5);
  const find = (type: string) => separatorChar(parts.find((p) => p.type === type)?.value);
  const integers = parts.filter((p) => p.type === 'integer').map((p) => p.value.length);
  return {
    group: find('group'),
    decimal: find('decimal'),
    minus: find('minusSign'),
    indian: integers.join() === '2,2,3',
  };
}

export function escapeClass(chars: string): string {
  return chars.replace(/[\\\][^-]/g, '\\$&');
}

/**
 * Separators a number token may contain. "." and "," are always included, even where the locale
 * uses neither (fr "1 234,5"), so English-style "1.2K" is one token; whether it is readable is
 * decided later (only with a unit, see readNumber).
 */
export function separatorClass(chars: string): string {
  return escapeClass([...new Set(`${chars}.,`)].join(''));
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function buildTable(locale: string): LocaleTable {
  const native = separators(locale);
  // ar-EG / fa pages also show ASCII digits with ASCII separators ("1.2 ألف").
  const latn = separators(locale, 'latn');
  // The Arabic separators "٬" / "٫" mean the same everywhere; ar pages mix them with latn.
  let groups = [...new Set([native.group, latn.group, '٬'])].filter((c) => c && c !== native.decimal);
  if (groups.some((c) => c === "'" || c === '’')) groups = [...new Set([...groups, "'", '’'])];
  const decimals = [...new Set([native.decimal, latn.decimal, '٫'])].filter((c) => c && !groups.includes(c));
  const minus = [...new Set(['-', '−', native.minus, latn.minus])].filter(Boolean).join('');
  const groupChars = groups.join('');
  const decimalChars = decimals.join('');
  const sep = separatorClass(groupChars + decimalChars);
  const m = escapeClass(minus);
  const table: LocaleTable = {
    locale,
    suffixes: newUnitTable(),
    prefixes: newUnitTable(),
    groups: groupChars,
    decimals: decimalChars,
    minus,
    indianGrouping: native.indian,
    parseRe: new RegExp(
      `^(?:([^${DIGIT_CLASS}${m}]+?) ?)?([${m}])?([${DIGIT_CLASS}]+(?:[${sep}][${DIGIT_CLASS}]+)*)(?: ?(.+))?$`,
      'u',
    ),
    scanner: undefined,
  };
  for (const compactDisplay of ['short', 'long'] as const) {
    const format = new Intl.NumberFormat(locale, { notation: 'compact', compactDisplay });
    for (let e = 3; e <= 15; e++) {
      for (const m10 of MANTISSAS_X10) {
        const value = m10 * 10 ** (e - 1);
        readCompactParts(format.formatToParts(value), value, table);
      }
    }
  }
  addLatinUnits(table.suffixes);
  // The page language's own forms that CLDR lacks ("Tsd."), for every platform alike.
  addAliases(table.suffixes, aliasesForLocale(locale));
  return table;
}

const tablesByInput = new Map<string, LocaleTable>();
const tablesByLocale = new Map<string, LocaleTable>();
const aliasedByObject = new WeakMap<object, Map<LocaleTable, LocaleTable>>();
const aliasedBySignature = new Map<string, LocaleTable>();
const MAX_ALIASED = 64;

/**
 * Forgets every table built so far, for tests. Tables are built once per locale, so only the first
 * test to use a locale would see how its table is built: Stryker, which reruns just the tests that
 * reached a mutant, would miss every later test of that locale.
 */
export function forgetLocaleTables(): void {
  // Stryker disable next-line all: emptying a cache changes no reading, only what has to be rebuilt.
  tablesByInput.clear();
  // Stryker disable next-line all: as above.
  tablesByLocale.clear();
  // Stryker disable next-line all: as above.
  aliasedBySignature.clear();
}

function addAliases(t: UnitTable, aliases: Readonly<Record<string, number>> | undefined): void {
  for (const [form, exp] of Object.entries(aliases ?? {})) {
    // An exponent no count can have (negative, fractional, huge) makes toCount say unknown.
    addUnit(t, form, exp, 'alias');
  }
}

function withAliases(base: LocaleTable, aliases: Readonly<Record<string, number>>): LocaleTable {
  const suffixes = copyUnitTable(base.suffixes);
  addAliases(suffixes, aliases);
  return { ...base, suffixes, scanner: undefined };
}

/**
 * The cached table for a locale as given by the caller (normalised on first sight): CLDR's units
 * and the language's aliases (lib/numbers/aliases.ts), with a platform's own `aliases` layered on top. Aliases are cached per object, so pass a stable object
 * (e.g. a PLATFORM_ALIASES entry); fresh objects with the same entries still hit a small cache.
 */
export function getLocaleTable(locale: string, aliases?: Readonly<Record<string, number>>): LocaleTable {
  let base = tablesByInput.get(locale);
  if (!base) {
    const normalized = normalizeLocale(locale);
    base = tablesByLocale.get(normalized) ?? buildTable(normalized);
    tablesByLocale.set(normalized, base);
    tablesByInput.set(locale, base);
  }
  if (!aliases) return base;
  let perBase = aliasedByObject.get(aliases);
  if (!perBase) {
    perBase = new Map();
    aliasedByObject.set(aliases, perBase);
  }
  let table = perBase.get(base);
  if (!table) {
    const signature = `${base.locale}\u0000${JSON.stringify(Object.entries(aliases))}`;
    table = aliasedBySignature.get(signature) ?? withAliases(base, aliases);
    if (aliasedBySignature.size >= MAX_ALIASED) aliasedBySignature.clear();
    aliasedBySignature.set(signature, table);
    perBase.set(base, table);
  }
  return table;
}
