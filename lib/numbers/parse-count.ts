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
import { toCount, unknown, type ParseOptions } from './count';
import { getLocaleTable, lookupUnit } from './locale-table';
import { normalizeText } from './normalize';

export { aliasesForLocale, PLATFORM_ALIASES } from './aliases';
export type { ParseOptions, Rounding } from './count';
export { findCounts, scanCounts } from './find-counts';
export { normalizeLocale } from './normalize';

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
