/**
 * Unit words that sites print but CLDR 48 (what `Intl` knows) does not.
 *
 * The parser builds its tables from `Intl.NumberFormat`, so it only knows the forms CLDR ships.
 * Platforms do not follow CLDR: German UIs write "1,2 Tsd.", European Portuguese writes
 * "1,2 mil milhões", translators pick their own abbreviations. These tables fill the gaps.
 * They are part of the locale's grammar: every count read in that language, on every platform,
 * knows them (the parser builds them into the locale's table). An alias wins over the locale's own
 * meaning, so a wrong alias would silently produce wrong numbers for every reading in that locale.
 * A platform's own forms (Mastodon's translated "{count}M") go in `ParseOptions.aliases` instead.
 *
 * Keys are unit forms as printed (they are normalised like the locale table: NFKC, case-folded,
 * whitespace removed, so 'mil milhões' also matches "mil  milhões"); values are the power of ten
 * the unit stands for. Re-check every entry against saved pages before adding it.
 */

/**
 * Alias tables keyed by base language (the part of the page's `<html lang>` before the first
 * "-"), because the gaps are in the language's CLDR data, not in one platform's markup.
 */
export const PLATFORM_ALIASES: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  /** "Tsd." (Tausend) is the everyday German abbreviation; CLDR 48 does not abbreviate thousands. */
  de: { 'tsd.': 3, tsd: 3 },
  /** pt-PT long billion ("mil milhões"); the pt-BR CLDR table has only "bi"/"bilhão". */
  pt: { 'mil milhões': 9 },
  /** "हजार" without nukta is the common spelling of CLDR's "हज़ार"; likewise "करोड" for "करोड़". */
  hi: { हजार: 3, करोड: 7 },
  /** "ngàn" is the southern Vietnamese word for thousand; CLDR has only "nghìn". */
  vi: { ngàn: 3 },
  /** "الف" without hamza is how "ألف" (thousand) is often typed. */
  ar: { الف: 3 },
};

/** The alias table for a page language ("pt-BR" → PLATFORM_ALIASES.pt), or undefined. */
export function aliasesForLocale(locale: string): Readonly<Record<string, number>> | undefined {
  const language = locale.split(/[-_]/, 1)[0]?.toLowerCase() ?? '';
  return Object.hasOwn(PLATFORM_ALIASES, language) ? PLATFORM_ALIASES[language] : undefined;
}
