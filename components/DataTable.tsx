/**
 * A table with a "Download CSV" button that exports exactly the rows shown (all of them, not only
 * the visible page). Cells are text (JSX escapes them); the CSV is built by lib/ui/csv.ts.
 */
import { formatNumber } from '@/lib/ui/format';
import { plural, t } from '@/lib/ui/i18n';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { columnHeader, csvFileName, tableCsv, type CsvColumn } from '@/lib/ui/csv';
import { downloadText } from '@/lib/ui/download';

/** `csv` holds raw numbers and full text; `percent` marks a rate (lib/ui/csv.ts). */
export interface Column<R> extends CsvColumn<R> {
  id: string;
  /** What the table shows. */
  show(row: R): ComponentChildren;
  /** Left-aligned text (handles, post text). */
  text?: boolean;
}

export function DataTable<R>(props: {
  name: string;
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string;
  selected?: string | null;
  onSelect?(row: R): void;
  /** Rows rendered at first, and per "Show more" (the CSV always has them all). */
  limit?: number;
}) {
  const [pages, setPages] = useState(1);
  const shown = props.limit ? props.rows.slice(0, props.limit * pages) : props.rows;
  const download = () =>
    downloadText([tableCsv(props.columns, props.rows)], csvFileName(props.name), 'text/csv;charset=utf-8');
  return (
    <div class="data" data-table={props.name}>
      <div class="section-head">
        <span class="muted">
          {shown.length < props.rows.length
            ? plural('table.rowsShown', props.rows.length, { shown: formatNumber(shown.length) })
            : plural('table.rows', props.rows.length)}
        </span>
        <button type="button" class="button" onClick={download} disabled={props.rows.length === 0}>
          {t('table.downloadCsv')}
        </button>
      </div>
      {/* A wide table scrolls sideways: focusable so a keyboard can scroll it too (WCAG 2.1.1). */}
      <div class="table-wrap" tabIndex={0} role="group" aria-label={props.caption}>
        <table class="data-table">
          <caption class="sr-only">{props.caption}</caption>
          <thead>
            <tr>
              {props.columns.map((c) => (
                <th key={c.id} scope="col" class={c.text ? 'text' : undefined}>
                  {columnHeader(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const key = props.rowKey(row);
              return (
                <tr key={key} data-row={key} class={props.selected === key ? 'selected' : undefined}>
                  {props.columns.map((c, i) =>
                    i === 0 && props.onSelect ? (
                      <td key={c.id} class={c.text ? 'text' : undefined}>
                        <button type="button" class="link-button" onClick={() => props.onSelect!(row)}>
                          {c.show(row)}
                        </button>
                      </td>
                    ) : (
                      <td key={c.id} class={c.text ? 'text' : undefined} data-col={c.id}>
                        {c.show(row)}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length < props.rows.length && (
        <button type="button" class="link-button" onClick={() => setPages(pages + 1)}>
          {t('dash.showMore', { count: formatNumber(Math.min(props.limit!, props.rows.length - shown.length)) })}
        </button>
      )}
    </div>
  );
}
