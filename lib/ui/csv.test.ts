import { describe, expect, it } from 'vitest';
import { csvCell, csvFileName, toCsv } from './csv';

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
    ).toBe("author,likes\r\nada,5\r\n'=bob,\r\n");
    expect(csvFileName('Posts on X', Date.parse('2026-11-22T10:00:00Z'))).toBe('feedlens-posts-on-x-2026-11-22.csv');
  });
});
