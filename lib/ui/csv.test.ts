import { describe, expect, it } from 'vitest';
import { BOM, csvCell, csvFileName, percentCell, tableCsv, toCsv } from './csv';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers (a negative Reddit score stays a number) and blanks for no value', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.0123)).toBe('0.0123');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('builds a document with a header and CRLF line ends', () => {
    expect(
      toCsv(
        ['author', 'likes'],
        [
          ['ada', 5],
          ['=bob', null],
        ],
      ),
    ).toBe("\uFEFFauthor,likes\r\nada,5\r\n'=bob,\r\n");
    expect(csvFileName('Posts on X', Date.parse('2026-11-22T10:00:00Z'))).toBe('feedlens-posts-on-x-2026-11-22.csv');
  });

  it('starts with a UTF-8 byte order mark, so spreadsheets read names in any script', () => {
    const csv = toCsv(['author'], [['Zoë 🌸'], ['東京']]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes rates as percentages with the unit in the header, not 17-digit fractions', () => {
    expect(percentCell(0.06291611185086551)).toBe(6.292);
    expect(percentCell(0.00004123)).toBe(0.004123);
    expect(percentCell(1)).toBe(100);
    expect(percentCell(null)).toBe(null);
    const csv = tableCsv(
      [
        { label: 'Author', csv: (r: { a: string; er: number | null }) => r.a },
        { label: 'Engagement / views', csv: (r) => r.er, percent: true },
      ],
      [
        { a: 'ada', er: 0.1 + 0.2 },
        { a: 'bob', er: null },
      ],
    );
    expect(csv).toBe(`${BOM}Author,Engagement / views (%)\r\nada,30\r\nbob,\r\n`);
  });
});
