import { describe, expect, it } from 'vitest';
import type { Count } from '../model';
import { findCounts, PLATFORM_ALIASES, scanCounts } from './parse-count';
import { freshTablesPerTest } from './test-locales';

freshTablesPerTest();

const NBSP = '\u00a0';

/** What a user would compare: the value of every count, or null for an unreadable token. */
function values(counts: Count[]): (number | null)[] {
  return counts.map((c) => ('value' in c ? c.value : null));
}

describe('findCounts: platform labels', () => {
  it.each<[string, string, (number | null)[]]>([
    ['12 replies, 340 reposts, 5,678 likes, 90 bookmarks, 12K views', 'en', [12, 340, 5_678, 90, 12_000]],
    [
      '12件の返信、340件のリポスト、5678件のいいね、90件のブックマーク、1.2万件の表示',
      'ja',
      [12, 340, 5_678, 90, 12_000],
    ],
    ['いいねする（63,561件のいいね）', 'ja', [63_561]],
    [`поставить отметку "Нравится" (это видео понравилось 123${NBSP}382 пользователям)`, 'ru', [123_382]],
    ['like this video along with 13,802 other people', 'en', [13_802]],
    ['like this video along with 13,802 other people.', 'en', [13_802]],
    ['48 replies, 152 reposts, 1.2万件の表示', 'ja', [48, 152, 12_000]],
    ['Das Video hat 1.234 Likes, 56 Kommentare und 1,2 Mio. Aufrufe.', 'de', [1_234, 56, 1_200_000]],
    ['1,234 likes', 'en', [1_234]],
    ['1.234 Likes', 'de', [1_234]],
    [`1${NBSP}234 J’aime et 12,5 k vues`, 'fr', [1_234, 12_500]],
    ['5 millones de vistas y 12 mil Me gusta', 'es', [5_000_000, 12_000]],
    ['Fulano e mais 676 pessoas', 'pt-BR', [676]],
    ['12,34,567 views', 'en-IN', [1_234_567]],
    ['조회수 1.2만회', 'ko', [12_000]],
    ['การดู 5.8 หมื่นครั้ง', 'th', [58_000]],
    ['١٢٣٬٤٥٦ مشاهدة و١٫٢ ألف إعجاب', 'ar-EG', [123_456, 1_200]],
    ['\u200f1.2 אלף צפיות', 'he', [1_200]],
    ['12 người thích, 3,4 N lượt xem', 'vi', [12, 3_400]],
    ['1,2 B beğeni', 'tr', [1_200]],
  ])('%s (%s)', (text, locale, expected) => {
    expect(values(findCounts(text, locale))).toEqual(expected);
  });

  it('keeps the token each count came from as raw', () => {
    expect(findCounts('12 replies, 5,678 likes, 12K views', 'en')).toEqual([
      { precision: 'exact', value: 12, raw: '12' },
      { precision: 'exact', value: 5_678, raw: '5,678' },
      { precision: 'rounded', value: 12_000, min: 11_500, max: 12_500, raw: '12K' },
    ]);
    expect(findCounts('1.2万件の表示', 'ja', { rounding: 'trunc' })).toEqual([
      { precision: 'rounded', value: 12_000, min: 12_000, max: 13_000, raw: '1.2万' },
    ]);
  });
});

describe('findCounts: separators and word boundaries', () => {
  it.each<[string, string, (number | null)[]]>([
    // A separator only counts when a digit follows it.
    ['12, 340, 5', 'en', [12, 340, 5]],
    ['Likes: 13,802.', 'en', [13_802]],
    ['Aufrufe: 12, Likes: 3.', 'de', [12, 3]],
    // A unit must be a whole word: "b" is not "bookmarks", "mil" not "millones", "M" not "Me".
    ['90 bookmarks', 'en', [90]],
    ['2 million views', 'en', [2_000_000]],
    ['12 Me gusta', 'es', [12]],
    ['12 mi curtidas', 'pt-BR', [12_000_000]],
    ['12 minutos', 'pt-BR', [12]],
    // Digits glued to words are not counts.
    ['mp3 COVID-19 3D h264', 'en', []],
    // A minus where no count can be negative: unreadable, never a count.
    ['score -12, −3 points', 'en', [null, null]],
    // Numbers that are not counts keep their place as unknown.
    ['rated 4.5 by 12 people', 'en', [null, 12]],
    ['1,2 Tsd. Aufrufe', 'en', [null]],
    // A compound unit the table lacks is unknown, not the first unit alone.
    ['1,2 mil mil visualizações', 'pt-BR', [null]],
    ['1,2 mil M de vistas', 'es', [1_200_000_000]],
    ['1.2 lakh crore', 'en-IN', [1_200_000_000_000]],
    ['', 'en', []],
    ['No likes yet', 'en', []],
  ])('%j (%s)', (text, locale, expected) => {
    expect(values(findCounts(text, locale))).toEqual(expected);
  });

  it('keeps raw for tokens it cannot read', () => {
    expect(findCounts('rated 4.5 stars', 'en')).toEqual([{ precision: 'unknown', raw: '4.5' }]);
  });
});

describe('findCounts: options', () => {
  it("applies the page language's aliases inside sentences, with or without a platform's own", () => {
    expect(values(findCounts('1,2 Tsd. Aufrufe', 'de'))).toEqual([1_200]);
    expect(values(findCounts('1,2 Tsd. Aufrufe', 'de', { aliases: PLATFORM_ALIASES.de }))).toEqual([1_200]);
    expect(values(findCounts('1,2 mil milhões de visualizações', 'pt-BR'))).toEqual([1_200_000_000]);
    expect(values(findCounts('1,2 M Aufrufe und 3 Tsd. Likes', 'de', { aliases: { m: 6 } }))).toEqual([
      1_200_000, 3_000,
    ]);
  });

  it('reads negative numbers only where the count can be negative', () => {
    expect(findCounts('score -12, −3 points', 'en', { signed: true })).toEqual([
      { precision: 'exact', value: -12, raw: '-12' },
      { precision: 'exact', value: -3, raw: '−3' },
    ]);
    expect(findCounts('elfu 3 na -2', 'sw', { signed: true })).toMatchObject([
      { value: 3_000, raw: 'elfu 3' },
      { value: -2, raw: '-2' },
    ]);
  });

  it('applies the rounding mode', () => {
    expect(findCounts('1.9K likes', 'en', { rounding: 'trunc' })).toMatchObject([{ min: 1_900, max: 2_000 }]);
    expect(findCounts('1.9K likes', 'en')).toMatchObject([{ min: 1_850, max: 1_950 }]);
  });

  it('never throws', () => {
    for (const junk of [undefined, null, 42, {}] as unknown as string[]) {
      expect(findCounts(junk, 'en')).toEqual([]);
      expect(scanCounts(junk, 'en')).toEqual([]);
    }
    expect(findCounts('12 likes', '???')).toEqual([{ precision: 'exact', value: 12, raw: '12' }]);
  });
});

describe('findCounts: where a unit word starts and ends', () => {
  it('reads a unit printed before the number only as a word of its own', () => {
    expect(values(findCounts('elfu 3 za kupenda', 'sw'))).toEqual([3_000]);
    expect(values(findCounts('Xelfu 3', 'sw'))).toEqual([3]);
  });

  it('looks for a second unit right after the first, not anywhere later in the label', () => {
    expect(values(findCounts('12 mil visualizações e 3 mil curtidas', 'pt-BR'))).toEqual([12_000, 3_000]);
    expect(values(findCounts('1,2 mil milhões de visualizações', 'pt-BR'))).toEqual([1_200_000_000]);
  });
});
