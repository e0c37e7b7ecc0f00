import { describe, expect, it } from 'vitest';
import { findCounts, scanCounts } from './parse-count';
import { freshTablesPerTest, TESTED_LOCALES } from './test-locales';
import { quickCounts } from './find-counts';
import { getLocaleTable } from './locale-table';

freshTablesPerTest();

const LOCALES = TESTED_LOCALES;

/** Label shapes sites print, with words that start like units ("bookmarks" after "B", "mil" words). */
const SENTENCES = [
  '12 replies, 34 reposts, 567 likes, 8 bookmarks, 9012 views',
  '1 reply, 2 reposts, 3 likes, 40 views',
  '8 views',
  '12K views',
  '12 K views',
  '1,234 likes and 5.6M views',
  '1.234 Likes, 56 Kommentare und 1,2 Mio. Aufrufe.',
  '12 mil visualizaciones, 3 mil millones',
  '1 234 J’aime et 12,5 k vues',
  '45 件の返信、210 件のリポスト、3,456 件のいいね、67 件のブックマーク、12345 件の表示',
  '2 件の返信、30 件のいいね、1.2万件の表示',
  '12 тыс. просмотров, 5 лайков',
  '12тыс лайков',
  'mp3 player 3D 12replies COVID-19 -5 points −12',
  'Like (3,817 likes)',
  'like this video along with 13,802 other people.',
  '12 bin beğeni, 3 B görüntüleme',
  '1,2 jt tayangan, 5 rb suka',
  '5 N lượt thích, 3 T lượt xem',
  '12 Mln visualizzazioni 4 mld',
  '١٢ ألف مشاهدة',
  '12 tn visningar 4 md',
  '100 millones 3 milhões 2 mila',
  '7 thousand, 8 million and 9 billion',
  '12,34,567 views and 1.2L likes and 3Cr plays',
  '3.5 hours, 12:30, 2024-11-22',
];

describe('findCounts fast path', () => {
  for (const locale of LOCALES) {
    it(`gives exactly what the full scanner gives (${locale})`, () => {
      for (const sentence of SENTENCES) {
        expect(findCounts(sentence, locale), `${locale}: ${sentence}`).toEqual(scanCounts(sentence, locale));
        expect(findCounts(sentence, locale, { rounding: 'trunc' })).toEqual(
          scanCounts(sentence, locale, { rounding: 'trunc' }),
        );
      }
    });
  }
});

/** What the fast path gives for one label: null when it hands the label to the full scanner. */
function fastPath(text: string, locale: string): (number | null)[] | null {
  const quick = quickCounts(text, getLocaleTable(locale));
  return quick && quick.map((c) => ('value' in c ? c.value : null));
}

describe('findCounts fast path: which labels it answers itself', () => {
  // Labels of plain counts, the ones a feed shows by the hundred: the fast path must read them,
  // or every post pays for the full scanner.
  it.each<[string, string, (number | null)[]]>([
    ['12 replies, 340 reposts, 5,678 likes', 'en', [12, 340, 5_678]],
    ['Like (3,817 likes)', 'en', [3_817]],
    ['like this video along with 13,802 other people.', 'en', [13_802]],
    ['1.234 Likes, 56 Kommentare', 'de', [1_234, 56]],
    ['12件の返信、340件のいいね', 'ja', [12, 340]],
    ['12 إعجاب', 'ar', [12]],
    ['8 bookmarks', 'en', [8]],
    ['rated 4.5 by 12 people', 'en', [null, 12]],
    ['12345678901234567 views', 'en', [null]],
    ['123456789012345 views', 'en', [123_456_789_012_345]],
    ['12 (34)', 'en', [12, 34]],
    ['', 'en', []],
  ])('%j (%s)', (text, locale, expected) => {
    expect(fastPath(text, locale)).toEqual(expected);
    expect(findCounts(text, locale).map((c) => ('value' in c ? c.value : null))).toEqual(expected);
  });

  // Anything that may carry a unit, a sign or another script's digits goes to the full scanner.
  it.each<[string, string]>([
    ['12K views', 'en'],
    ['12 K views', 'en'],
    ['12 k. views', 'en'],
    ['1,2 Mio. Aufrufe', 'de'],
    ['1.2万件の表示', 'ja'],
    ['12 ألف مشاهدة', 'ar'],
    ['١٢ مشاهدة', 'ar'],
    ['-5 points', 'en'],
    ['mp3', 'en'],
    ['жанр12', 'ru'],
    ['12replies', 'en'],
    ['1 000 000 views', 'en'],
    ['elfu 12', 'sw'],
  ])('%j (%s)', (text, locale) => {
    expect(fastPath(text, locale)).toBeNull();
  });

  it('reads a unit whatever dots follow it, as the full scanner does', () => {
    expect(findCounts('12 k. views', 'en')).toMatchObject([{ precision: 'rounded', value: 12_000 }]);
  });
});
