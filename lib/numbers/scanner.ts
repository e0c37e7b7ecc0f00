/**
 * The regular expressions that find counts inside a sentence, compiled once per locale table from
 * its unit forms and separators, and what the fast path of `findCounts` needs to know about them.
 */
import { escapeClass, escapeRegex, separatorClass, type LocaleTable, type Scanner } from './locale-table';
import { DIGIT_CLASS } from './normalize';

/** Scripts written without spaces: a unit there runs straight into the next word ("1.2万件"). */
const UNSPACED_END =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]$/u;
const WORD_CHAR = '\\p{L}\\p{M}\\p{N}';

function unitAlternation(forms: Iterable<string>, beforeNumber: boolean): string {
  const sorted = [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return sorted
    .map((form) => {
      const body = escapeRegex(form).replace(/ /g, ' ?');
      if (beforeNumber) return `(?<![${WORD_CHAR}])${body}`;
      // "mil" must not match the start of "millones"; "万" may be followed by "件".
      return UNSPACED_END.test(form) ? body : `${body}(?![${WORD_CHAR}])`;
    })
    .join('|');
}

/** Letters of scripts that separate words with spaces: a digit glued to one is not a count. */
export const SPACED_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const SPACED_LETTER_CLASS = '\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}';

/**
 * Finds counts inside a sentence. A number is digits with separators *between* digits, so the
 * "," and "." that end a clause ("13,802." / "12, 340") never become part of it; it must not be
 * glued to a preceding Latin/Cyrillic/Greek word ("mp3", "COVID-19"); a unit may follow after at
 * most one space.
 */
export function scanner(t: LocaleTable): Scanner {
  if (t.scanner) return t.scanner;
  const m = escapeClass(t.minus);
  const sep = separatorClass(t.groups + t.decimals);
  const units = unitAlternation(t.suffixes.forms, false);
  const prefix = t.prefixes.forms.size ? `(?:(?<pre>${unitAlternation(t.prefixes.forms, true)}) ?)?` : '';
  // Without a prefix unit every token starts with a minus or a digit; saying so first lets the
  // engine skip other positions before evaluating the Unicode lookbehinds (~5x faster on labels).
  const start = prefix ? '' : `(?=[${m}${DIGIT_CLASS}])`;
  const source =
    `${start}${prefix}(?:(?<![${WORD_CHAR}])(?<neg>[${m}]))?` +
    `(?<![\\p{N}${SPACED_LETTER_CLASS}])(?<![${SPACED_LETTER_CLASS}][${m}])` +
    `(?<num>[${DIGIT_CLASS}]+(?:[${sep}][${DIGIT_CLASS}]+)*)` +
    `(?: ?(?<suf>${units}))?`;
  t.scanner = { scan: new RegExp(source, 'dgiu'), unitAfter: new RegExp(` ?(?:${units})`, 'iuy') };
  return t.scanner;
}

export interface QuickScanData {
  /** Characters that may sit between digits of one number. */
  readonly separators: string;
  /** Lower-cased first words of unit forms, with and without a final dot ("mio.", "mio", "k"). */
  readonly unitWords: ReadonlySet<string>;
  /** Lower-cased first characters of unit forms ("万", "т"). */
  readonly unitStarts: ReadonlySet<string>;
}

const quickData = new WeakMap<LocaleTable, QuickScanData>();

/** What findCounts' fast path needs to know about a table's units, derived once per table. */
export function quickScanData(t: LocaleTable): QuickScanData {
  let data = quickData.get(t);
  if (!data) {
    const unitWords = new Set<string>();
    const unitStarts = new Set<string>();
    for (const form of t.suffixes.forms) {
      const lower = form.toLowerCase();
      const first = lower.split(' ')[0] ?? '';
      unitWords.add(first);
      unitWords.add(first.replace(/\.+$/, ''));
      unitStarts.add(lower.charAt(0));
    }
    data = { separators: `${t.groups}${t.decimals}.,`, unitWords, unitStarts };
    quickData.set(t, data);
  }
  return data;
}
