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
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The zero of every decimal-digit block sites may print counts in (latn, arab, arabext, deva…). */
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20,
  0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0,
  0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
];
/** Regex character-class body matching a digit of any script in {@link DIGIT_ZEROS}. */
export const DIGIT_CLASS = DIGIT_ZEROS.map((z) => `\\u{${z.toString(16)}}-\\u{${(z + 9).toString(16)}}`).join('');

/** "١٢٣" / "۱۲۳" / "१२३" → "123"; other characters are kept. */
export function toAsciiDigits(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? ch : String(code - zero);
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
  if (!tag) return 'en';
  try {
    const canonical = Intl.getCanonicalLocales(tag)[0];
    if (canonical && Intl.NumberFormat.supportedLocalesOf(canonical).length > 0) return canonical;
  } catch {
    // Not a BCP 47 tag.
  }
  return 'en';
}
