/**
 * CSV (RFC 4180) for the dashboard's table exports. Cells with a comma, a quote or a line break
 * are quoted, quotes doubled. Text cells that a spreadsheet would run as a formula (starting with
 * = + - @, or a tab or carriage return) get a leading apostrophe (OWASP's "CSV injection"
 * advice): post text and handles come from strangers. Numbers are written as numbers; rates
 * (fractions in the store) as percentages, with "(%)" in their column's header.
 *
 * The file starts with a UTF-8 byte order mark: without it Excel reads a CSV in the system's
 * legacy code page and garbles every non-ASCII letter (names, emoji, accents).
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const BOM = '\uFEFF';

/** A CSV document (BOM first, CRLF line ends, as RFC 4180 and spreadsheets expect), header first. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A fraction (0.0629) as a percentage (6.29), to four significant digits: no 17-digit tails. */
export function percentCell(fraction: CsvCell): CsvCell {
  if (typeof fraction !== 'number' || !Number.isFinite(fraction)) return fraction;
  return Number((fraction * 100).toPrecision(4));
}

/** A table column as exported: its header, its raw value, and whether that value is a rate. */
export interface CsvColumn<R> {
  label: string;
  csv(row: R): CsvCell;
  /** The value is a fraction, written as a percentage under "label (%)". */
  percent?: boolean;
}

/** A column's header with its unit: "(%)" after a rate's, the same on screen and in the file. */
export const columnHeader = (column: Pick<CsvColumn<unknown>, 'label' | 'percent'>): string =>
  column.percent ? `${column.label} (%)` : column.label;

export function tableCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  return toCsv(
    columns.map(columnHeader),
    rows.map((row) => columns.map((c) => (c.percent ? percentCell(c.csv(row)) : c.csv(row)))),
  );
}

/** "feedlens-posts-x-2026-11-22.csv" */
export function csvFileName(table: string, now: number = Date.now()): string {
  const safe = table
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `feedlens-${safe}-${new Date(now).toISOString().slice(0, 10)}.csv`;
}
