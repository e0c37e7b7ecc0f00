/**
 * Every count in a sentence such as an aria-label ("48 replies, 152 reposts, 1.2万件の表示"): the
 * complete scanner, and the fast path most labels take.
 */
import type { Count } from '../model';
import { toCount, unknown, type ParseOptions } from './count';
import { getLocaleTable, lookupUnit, type LocaleTable } from './locale-table';
import { quickScanData, scanner, SPACED_LETTER } from './scanner';
import { normalizeText } from './normalize';

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
    // Text that is no string makes normalizeText throw: no counts.
    const normalized = normalizeText(text);
    const { scan, unitAfter } = scanner(t);
    let consumed = 0;
    for (const match of normalized.matchAll(scan)) {
      if (match.index < consumed) continue;
      // The pattern has the `d` flag and always a `num` group: groups and their indices are there.
      const { pre, neg, num, suf } = match.groups!;
      const at = match.indices!.groups!;
      const [numFrom, numEnd] = at.num!;
      const numStart = neg ? at.neg![0] : numFrom;
      let unitExp = suf ? lookupUnit(t.suffixes, suf) : undefined;
      // A unit word the table cannot read (ne "करोड": two meanings) still means the number is no
      // bare count: "१ करोड" is not 1.
      if (suf && unitExp === undefined) {
        counts.push(unknown(normalized.slice(numStart, at.suf![1])));
        continue;
      }
      let start = numStart;
      const end = suf ? at.suf![1] : numEnd;
      if (!suf && pre) {
        unitExp = lookupUnit(t.prefixes, pre);
        if (unitExp !== undefined) start = at.pre![0];
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
      counts.push(toCount(num!, Boolean(neg), unitExp, t, options, token));
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
export function quickCounts(text: string, t: LocaleTable, options?: ParseOptions): Count[] | null {
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
  try {
    const t = getLocaleTable(locale, options?.aliases);
    const quick = quickCounts(normalizeText(text), t, options);
    if (quick) return quick;
  } catch {
    // Fall through to the full scanner, which reports what it can.
  }
  return scanCounts(text, locale, options);
}
