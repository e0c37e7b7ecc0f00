/**
 * One number token as a site prints it ("1.234.567", "1,2", "-5"), with its unit's power of ten
 * when it has one, turned into a `Count`: the grammar shared by `parseCount` (one
 * count) and `findCounts` (every count of a sentence).
 */
import type { Count } from '../model';
import type { LocaleTable } from './locale-table';
import { toAsciiDigits } from './normalize';

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

export const unknown = (raw: string): Count => ({ precision: 'unknown', raw });

/** Splits "1.234.567,5" (digits already ASCII) into integer and fraction digits, or rejects it. */
function readNumber(num: string, t: LocaleTable): { int: string; frac: string } | undefined {
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

  const decimalAt = seps.findIndex((s) => t.decimals.includes(s));
  const groupSeps = decimalAt < 0 ? seps : seps.slice(0, decimalAt);
  const intRuns = decimalAt < 0 ? runs : runs.slice(0, decimalAt + 1);
  // One decimal separator at most, and nothing after it but digits.
  if (decimalAt >= 0 && decimalAt !== seps.length - 1) return undefined;
  if (plausibleGrouping(intRuns, groupSeps, t)) {
    return { int: intRuns.join(''), frac: decimalAt < 0 ? '' : (runs[decimalAt + 1] ?? '') };
  }
  // "1.2K" on a German or French page: "1.2" cannot be grouping there, so the "." is a decimal
  // point (English-style text in a non-English UI). Without a unit it stays unreadable all the
  // same: toCount refuses a fraction without a unit, and a token never ends in a separator.
  const only = seps[0];
  if (seps.length === 1 && (only === '.' || only === ',')) {
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
  // No run is empty: the token starts with a digit and every separator has digits on both sides.
  if (first.length <= 3 && rest.every((r) => r.length === 3)) return true;
  return t.indianGrouping && first.length <= 2 && last.length === 3 && rest.slice(0, -1).every((r) => r.length === 2);
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

export function toCount(
  num: string,
  negative: boolean,
  unitExp: number | undefined,
  t: LocaleTable,
  options: ParseOptions | undefined,
  raw: string,
): Count {
  const parts = readNumber(toAsciiDigits(num), t);
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
  // The interval's upper end too must be a whole number a count can be (and so must the unit).
  if (!Number.isSafeInteger(abs + 10 ** shift)) return unknown(raw);
  const { min, max } = interval(abs, 10 ** shift, options?.rounding ?? 'halfExpand', negative && abs !== 0);
  return { precision: 'rounded', value: abs === 0 ? 0 : sign * abs, min, max, raw };
}
