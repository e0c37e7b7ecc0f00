/**
 * Reads the like/repost/view counts sites print ("1,2 k", "12.345", "1.2万", "١٫٢ ألف") into
 * {@link Count}s, in the page's UI language.
 *
 * Why this is not `Number(text.replace(/,/g, ''))`: separators depend on the locale ("1,2 k" is
 * 1,200 in French, not 12,000), unit letters do too ("B" is a thousand in Turkish, "M" a
 * billion in Indonesian), and "12K" is a range, not a value. A reading we cannot be sure of
 * comes back `unknown` with the source text, never as a plausible-looking wrong number.
 */
import type { Count } from '../model';
import { getLocaleTable, lookupUnit, quickScanData, scanner, SPACED_LETTER, type LocaleTable } from './locale-table';
import { normalizeText, toAsciiDigits } from './normalize';

export { normalizeLocale } from './normalize';
export { aliasesForLocale, PLATFORM_ALIASES } from './aliases';

/**
 * How a site turns an exact count into compact text. Bluesky and YouTube truncate ("1.9K" for
 * 1,999), `Intl` rounds half away from zero ("2K" for 1,999); the same text therefore means a
 * different range of true values.
 */
export type Rounding = 'trunc' | 'halfExpand';

export interface ParseOptions {
  /** How the site rounds compact numbers; decides the [min, max) interval. Default 'halfExpand'. */
  rounding?: Rounding;
  /**
   * A platform's own suffix → power-of-ten entries, on top of CLDR and the language's aliases
   * (which always apply, see aliases.ts): Mastodon's translated "{count}M" is { m: 6 } in German.
   */
  aliases?: Readonly<Record<string, number>>;
  /**
   * The count can be negative (Reddit's net score). Otherwise "-5" is `unknown`: no like, view or
   * reply count is below zero, so a minus means the text is not what we think it is.
   */
  signed?: boolean;
}

const unknown = (raw: string): Count => ({ precision: 'unknown', raw });

/** Splits "1.234.567,5" (digits already ASCII) into integer and fraction digits, or rejects it. */
function readNumber(num: string, t: LocaleTable, hasUnit: boolean): { int: string; frac: string } | undefined {
  const runs: string[] = [];
  const seps: string[] = [];
  let run = '';
  for (const ch of num) {
    if (ch >= '0' && ch <= '9') run += ch;
    else {
      runs.push(run);
      seps.push(ch);
      run = '';
    }
  }
  runs.push(run);
  if (seps.length === 0) return { int: num, frac: '' };

  const decimalAt = seps.findIndex((s) => t.decimals.includes(s));
  const groupSeps = decimalAt < 0 ? seps : seps.slice(0, decimalAt);
  const intRuns = decimalAt < 0 ? runs : runs.slice(0, decimalAt + 1);
  // One decimal separator at most, and nothing after it but digits.
  if (decimalAt >= 0 && decimalAt !== seps.length - 1) return undefined;
  if (plausibleGrouping(intRuns, groupSeps, t)) {
    return { int: intRuns.join(''), frac: decimalAt < 0 ? '' : (runs[decimalAt + 1] ?? '') };
  }
  // "1.2K" on a German or French page: "1.2" cannot be grouping there, so with a unit the "." is
  // a decimal point (English-style text in a non-English UI). Without a unit it stays unreadable.
  const only = seps[0];
  if (hasUnit && seps.length === 1 && (only === '.' || only === ',')) {
    return { int: runs[0] ?? '', frac: runs[1] ?? '' };
  }
  return undefined;
}

/** 1,234,567 everywhere; 12,34,567 where the locale groups that way. Rejects "1,2,3". */
function plausibleGrouping(runs: string[], seps: string[], t: LocaleTable): boolean {
  if (seps.length === 0) return true;
  const sep = seps[0] ?? '';
  if (!t.groups.includes(sep) || seps.some((s) => s !== sep)) return false;
  const [first = '', ...rest] = runs;
  const last = rest[rest.length - 1] ?? '';
  if (first.length >= 1 && first.length <= 3 && rest.every((r) => r.length === 3)) return true;
  return (
    t.indianGrouping &&
    first.length >= 1 &&
    first.length <= 2 &&
    last.length === 3 &&
    rest.slice(0, -1).every((r) => r.length === 2)
  );
}

/**
 * The range of true values a compact number stands for. `step` is one unit of the last shown
 * digit ("1.2K" → 100), at least 1. Integer bounds, half-open: [min, max).
 */
function interval(abs: number, step: number, rounding: Rounding, negative: boolean) {
  const lo = rounding === 'trunc' ? abs : abs - step / 2;
  const hi = rounding === 'trunc' ? abs + step : abs + step / 2;
  // Counts are integers: n ∈ [lo, hi) ⇔ n ∈ [ceil(lo), ceil(hi)).
  const a = Math.ceil(lo);
  const b = Math.ceil(hi);
  // Negative values round toward/away from zero too: -|v| ∈ (-b, -a] ⇔ [1 - b, 1 - a).
  if (negative) return { min: 1 - b, max: 1 - a };
  return { min: Math.max(0, a), max: b };
}

function toCount(
  num: string,
  negative: boolean,
  unitExp: number | undefined,
  t: LocaleTable,
  options: ParseOptions | undefined,
  raw: string,
): Count {
  const parts = readNumber(toAsciiDigits(num), t, unitExp !== undefined);
  if (!parts) return unknown(raw);
  if (negative && !options?.signed && /[1-9]/.test(parts.int + parts.frac)) return unknown(raw);
  const sign = negative ? -1 : 1;
  if (unitExp === undefined) {
    // "12.345" in en is a decimal, not a count; never round it into one.
    if (parts.frac) return unknown(raw);
    const value = Number(parts.int);
    if (!Number.isSafeInteger(value)) return unknown(raw);
    return { precision: 'exact', value: value === 0 ? 0 : sign * value, raw };
  }
  // More decimals than the unit has digits ("1.2345K") is no compact count anyone prints.
  const shift = unitExp - parts.frac.length;
  if (shift < 0) return unknown(raw);
  const abs = Number(parts.int + parts.frac) * 10 ** shift;
  if (!Number.isSafeInteger(abs)) return unknown(raw);
  const { min, max } = interval(abs, 10 ** shift, options?.rounding ?? 'halfExpand', negative && abs !== 0);
  return { precision: 'rounded', value: abs === 0 ? 0 : sign * abs, min, max, raw };
}

/**
 * One count as a site prints it ("1,2 k", "12.345", "1.2万", "١٫٢ ألف", "−5"), read with the
 * conventions of `locale` (the page's UI language, see {@link normalizeLocale}).
 *
 * Plain integers are `exact`; numbers with a unit are `rounded` with the interval implied by
 * `options.rounding`. Anything else (decimals without a unit, implausible grouping such as
 * "1,2,3", unknown units, words) is `unknown` with `raw` set to the input. Never throws.
 */
export function parseCount(text: string, locale: string, options?: ParseOptions): Count {
  if (typeof text !== 'string') return { precision: 'unknown' };
  const raw = text;
  try {
    const t = getLocaleTable(locale, options?.aliases);
    const match = t.parseRe.exec(normalizeText(raw));
    if (!match) return unknown(raw);
    const [, prefix, minus, num = '', suffix] = match;
    if (prefix && suffix) return unknown(raw);
    let unitExp: number | undefined;
    if (prefix || suffix) {
      unitExp = prefix ? lookupUnit(t.prefixes, prefix) : lookupUnit(t.suffixes, suffix ?? '');
      if (unitExp === undefined) return unknown(raw);
    }
    return toCount(num, Boolean(minus), unitExp, t, options, raw);
  } catch {
    return unknown(raw);
  }
}

/**
 * The complete sentence scanner behind {@link findCounts}: every number in a sentence such as an aria-label ("48 replies, 152 reposts, 1.2万件の表示"),
 * in order, words ignored. Each Count's raw is the token it came from (after normalisation:
 * NFKC, bidi marks removed, spaces folded). Tokens that look like numbers but are not counts
 * ("4.5" in en, "1,2,3") come back `unknown`, so positions stay meaningful; digits glued to a
 * Latin/Cyrillic/Greek word ("mp3", "3D") are skipped. Never throws.
 */
export function scanCounts(text: string, locale: string, options?: ParseOptions): Count[] {
  const counts: Count[] = [];
  try {
    const t = getLocaleTable(locale, options?.aliases);
    if (typeof text !== 'string') return counts;
    const normalized = normalizeText(text);
    const { scan, unitAfter } = scanner(t);
    let consumed = 0;
    for (const match of normalized.matchAll(scan)) {
      if (match.index < consumed) continue;
      const { pre, neg, num = '', suf } = match.groups ?? {};
      const at = match.indices?.groups ?? {};
      const numEnd = at.num?.[1] ?? match.index + match[0].length;
      const numStart = at.neg?.[0] ?? at.num?.[0] ?? match.index;
      let unitExp = suf ? lookupUnit(t.suffixes, suf) : undefined;
      let start = numStart;
      const end = unitExp === undefined ? numEnd : (at.suf?.[1] ?? numEnd);
      if (unitExp === undefined && pre) {
        unitExp = lookupUnit(t.prefixes, pre);
        if (unitExp !== undefined) start = at.pre?.[0] ?? start;
      }
      // A bare number glued to a word ("3D", "12replies") is not a count.
      if (unitExp === undefined && SPACED_LETTER.test(normalized.charAt(end))) continue;
      if (unitExp === undefined) {
        // "1 000 000" or "1’234" where the locale groups otherwise: one number in another
        // locale's format, or several numbers with nothing between them. Either way it is not
        // several counts (a label's counts are always separated by words), so it is one unknown.
        FOREIGN_GROUPS.lastIndex = end;
        if (FOREIGN_GROUPS.test(normalized)) {
          consumed = FOREIGN_GROUPS.lastIndex;
          counts.push(unknown(normalized.slice(start, consumed)));
          continue;
        }
      }
      if (unitExp !== undefined) {
        // Two units in a row ("1,2 mil milhões" on pt-BR without aliases) form a compound the
        // table lacks; reading only the first would be off by orders of magnitude.
        unitAfter.lastIndex = end;
        if (unitAfter.test(normalized)) {
          counts.push(unknown(normalized.slice(start, unitAfter.lastIndex)));
          continue;
        }
      }
      const token = normalized.slice(start, end);
      counts.push(toCount(num, Boolean(neg), unitExp, t, options, token));
    }
  } catch {
    // Keep whatever was read before the failure.
  }
  return counts;
}

const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/u;
/** Characters other locales group digits with, that this one does not: " ", "'" (de-CH), "·". */
const FOREIGN_GROUP_CHARS = " '’ʼ·˙";
/** Digit groups right after a number, joined by one of those: " 000 000" in "1 000 000". */
const FOREIGN_GROUPS = new RegExp(`(?:[${FOREIGN_GROUP_CHARS}]\\p{Nd}+(?:[.,٬٫]\\p{Nd}+)*)+`, 'uy');
/** A word in a script that separates words with spaces (accents included: "milhões"). */
const WORD = /[\p{L}\p{M}.]+/uy;

const isDigitCode = (code: number) => code >= 48 && code <= 57;
/** Cheaper than a Unicode-property regex over the whole label, and true for most labels. */
function isPrintableAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code > 126) return false;
  }
  return true;
}
const isAsciiLetterCode = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/**
 * The common case, scanned character by character: ASCII digits, and nothing after a number that
 * could be a unit. Returns null (use the full scanner) the moment anything is less simple:
 * another script's digits, a minus sign, a number glued to a word, or a word after a number that
 * starts like one of the locale's units. A differential test checks it against {@link scanCounts}.
 */
function quickCounts(text: string, t: LocaleTable, options: ParseOptions | undefined): Count[] | null {
  if (t.prefixes.forms.size > 0 || (!isPrintableAscii(text) && NON_ASCII_DIGIT.test(text))) return null;
  const q = quickScanData(t);
  const counts: Count[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isDigitCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    if (i > 0) {
      const code = text.charCodeAt(i - 1);
      const before = text.charAt(i - 1);
      if (isAsciiLetterCode(code) || t.minus.includes(before) || (code > 127 && SPACED_LETTER.test(before)))
        return null;
    }
    let end = i + 1;
    let separated = false;
    while (end < n) {
      const code = text.charCodeAt(end);
      if (isDigitCode(code)) end++;
      else if (isDigitCode(text.charCodeAt(end + 1)) && q.separators.includes(text.charAt(end))) {
        separated = true;
        end += 2;
      } else break;
    }
    // "1 000 000", "1’234": the full scanner decides what that is.
    if (FOREIGN_GROUP_CHARS.includes(text.charAt(end)) && /\p{Nd}/u.test(text.charAt(end + 1))) return null;
    const spaced = text.charCodeAt(end) === 32;
    const at = spaced ? end + 1 : end;
    if (at < n) {
      const code = text.charCodeAt(at);
      const next = text.charAt(at);
      if (isAsciiLetterCode(code) || (code > 127 && SPACED_LETTER.test(next))) {
        if (!spaced) return null;
        WORD.lastIndex = at;
        const word = (WORD.exec(text)?.[0] ?? '').toLowerCase();
        if (q.unitWords.has(word) || q.unitWords.has(word.replace(/\.+$/, ''))) return null;
      } else if (code > 127 && q.unitStarts.has(next.toLowerCase())) {
        return null;
      }
    }
    const token = text.slice(i, end);
    const plain = separated || token.length > 15 ? null : Number(token);
    counts.push(
      plain === null
        ? toCount(token, false, undefined, t, options, token)
        : { precision: 'exact', value: plain, raw: token },
    );
    i = end;
  }
  return counts;
}

/**
 * Every number in a sentence such as an aria-label ("48 replies, 152 reposts, 1.2万件の表示"),
 * in order, words ignored. Runs on every post a feed shows, so the common case takes a fast path;
 * see {@link scanCounts} for the rules. Never throws.
 */
export function findCounts(text: string, locale: string, options?: ParseOptions): Count[] {
  if (typeof text !== 'string') return [];
  try {
    const t = getLocaleTable(locale, options?.aliases);
    const quick = quickCounts(normalizeText(text), t, options);
    if (quick) return quick;
  } catch {
    // Fall through to the full scanner, which reports what it can.
  }
  return scanCounts(text, locale, options);
}
