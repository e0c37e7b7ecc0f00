/**
 * CSV (RFC 4180) for the dashboard's table exports. Cells with a comma, a quote or a line break
 * are quoted, quotes doubled. Text cells that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return) get a leading apostrophe (OWASP's "CSV injection"
 * advice): post text and handles come from strangers. Numbers are written as numbers.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document (CRLF line ends, as RFC 4180 and spreadsheets expect), header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** "feedlens-posts-x-2026-11-22.csv" */
export function csvFileName(table: string, now: number = Date.now()): string {
  const safe = table
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `feedlens-${safe}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
