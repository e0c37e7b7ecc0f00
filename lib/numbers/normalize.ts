/**
 * Text normalisation shared by the count parser: what counts as the same character, digit and
 * locale, whatever encoding the site chose (NBSP vs space, RLM marks, Arabic-Indic digits,
 * "zh_CN" vs "zh-CN").
 */

/** Marks that change how text is displayed but not what it says (he RLM, ar ALM, isolates). */
export const INVISIBLE = /[\u200b\u200e\u200f\u061c\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * NFKC (fullwidth digits, presentation forms), invisible marks removed, every run of whitespace
 * (NBSP, U+202F, thin spaces) folded to one ASCII space, trimmed. Input and table keys both go
 * through this, so they compare equal however the site encoded them.
 */
export function normalizeText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.includes('  ') ? text.replace(/ {2,}/g, ' ').trim() : text.trim();
  return text.replace(NUMBER_SYMBOL, notADigit).normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/**
 * Symbols that NFKC turns into digits without being digits: superscripts ("x⁴"), circled and
 * parenthesised numbers ("①", "⑴"), fractions ("½" → "1⁄2"), "㏠". They are footnotes, list
 * markers and ornaments, never counts, and `hasDigit` (Unicode `Nd`) does not see them either.
 */
const NUMBER_SYMBOL = /[\p{No}\p{So}]/gu;
const notADigit = (symbol: string) => (/\p{Nd}/u.test(symbol.normalize('NFKC')) ? '\ufffd' : symbol);

/**
 * A decimal digit of any script: Unicode's `Nd` category, which the engine keeps current (latn,
 * arab, arabext, deva, beng, thai, fullwidth… 72 blocks in Unicode 17). One class for "has a
 * number" ({@link hasDigit}) and for the parser's patterns, so the two can never disagree.
 */
export const DIGIT_CLASS = '\\p{Nd}';
const ANY_DIGIT = /\p{Nd}/u;
const NOT_A_NUMBER = /NaN|Infinity|∞/;

/** True when the text holds a digit in any script (the check that runs before every parse). */
export function hasDigit(text: string | null | undefined): boolean {
  return !!text && ANY_DIGIT.test(text);
}

/**
 * True when the text holds what a broken formatter prints in place of a count ("NaN likes",
 * "Infinity", "∞"): such a label is unreadable, never a sign that the count is zero.
 */
export function hasBrokenNumber(text: string | null | undefined): boolean {
  return !!text && NOT_A_NUMBER.test(text);
}

/** Digit value of a non-ASCII `Nd` code point, cached (there are only a few hundred). */
const digitValues = new Map<number, number>();

/**
 * Unicode encodes every decimal digit set as a contiguous run 0…9 (a stability guarantee), and
 * adjacent sets (the mathematical digits) follow each other: a digit's value is its distance
 * from the start of its run, modulo 10.
 */
function digitValue(code: number): number {
  let value = digitValues.get(code);
  if (value === undefined) {
    let start = code;
    while (ANY_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = (code - start) % 10;
    digitValues.set(code, value);
  }
  return value;
}

/** "١٢٣" / "۱۲۳" / "१२३" / "১২৩" → "123"; other characters are kept. */
export function toAsciiDigits(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    out += code > 127 && ANY_DIGIT.test(ch) ? String(digitValue(code)) : ch;
  }
  return out;
}

/**
 * Page `<html lang>` → a locale `Intl` accepts. Sites write "zh_CN", "en-us", "" or junk;
 * anything `Intl` cannot use falls back to "en" so parsing never throws.
 */
const normalizedLocales = new Map<string, string>();

export function normalizeLocale(lang: string | null | undefined): string {
  // Runs once per read frame; Intl's supportedLocalesOf takes about a millisecond, so cache.
  const key = typeof lang === 'string' ? lang : '';
  let locale = normalizedLocales.get(key);
  if (locale === undefined) {
    locale = resolveLocale(key);
    if (normalizedLocales.size > 200) normalizedLocales.clear();
    normalizedLocales.set(key, locale);
  }
  return locale;
}

function resolveLocale(lang: string): string {
  const tag = lang.trim().replace(/_/g, '-');
  // An empty tag throws too, and falls back below.
  try {
    const canonical = Intl.getCanonicalLocales(tag)[0];
    if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) return canonical;
  } catch {
    // Not a BCP 47 tag.
  }
  return 'en';
}
