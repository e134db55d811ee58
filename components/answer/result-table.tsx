'use client';

import { useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Inbox, Info } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { memo, useEffect, useMemo, useRef } from 'react';
import { NULL_TEXT, intlLocale } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { Cell, QueryColumn } from '@/lib/warehouse/run';
import { ResultTableHeader } from './result-table-header';
import { useDateLabels } from './date-labels';
import { buildColumns, columnFormats, resultTableFeatures, type ColumnFormat } from './result-table-model';

type Props = { columns: QueryColumn[]; rows: Cell[][]; rowCount: number; truncated: boolean; durationMs: number };

/** Estimated body row height (text-sm line, py-1, 1px border); rows are measured once rendered. */
const ROW_HEIGHT = 29;
/** The scroll container's max height (max-h-96) — lets the server render the first rows. */
const VIEWPORT_HEIGHT = 384;
/** Longest text a cell puts in the DOM (the full value is in its title, up to TITLE_MAX). */
const CELL_TEXT_MAX = 500;
const TITLE_MAX = 4000;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * A query result: sortable (click a header; Shift+click adds a column), resizable (drag or
 * arrow keys on a header's right edge), virtualized (only visible rows are in the DOM), with
 * cells formatted by column type in the active locale. Memoized: a streaming chat re-renders
 * its messages often, and a result's props keep their identity.
 */
export const ResultTable = memo(function ResultTable({ columns, rows, rowCount, truncated, durationMs }: Props) {
  const t = useTranslations('answer');
  const locale = useLocale();
  const loc = intlLocale(locale);
  const count = (n: number) => new Intl.NumberFormat(loc).format(n);
  const took =
    durationMs < 1000
      ? t('took', { ms: count(Math.round(durationMs)) })
      : t('tookSeconds', { s: new Intl.NumberFormat(loc, { maximumFractionDigits: 1 }).format(durationMs / 1000) });
  const summary = truncated
    ? t('rowsFirst', { count: rows.length })
    : rows.length < rowCount
      ? t('rowsShowing', { shown: rows.length, total: rowCount })
      : t('rows', { count: rowCount });

  return (
    <figure className="overflow-hidden rounded-lg border border-border bg-card">
      {truncated && (
        <p role="note" data-testid="result-truncated" className="flex items-start gap-2 border-b border-border bg-muted/60 px-3 py-1.5 text-xs">
          <Info className="mt-px size-3.5 shrink-0 text-muted-foreground" aria-hidden />
          <span>{t('truncatedNotice', { count: rowCount })}</span>
        </p>
      )}
      {rows.length === 0 ? (
        <div className="flex flex-col items-center gap-1 px-4 py-8 text-center text-sm" data-testid="result-empty">
          <Inbox className="mb-1 size-5 text-muted-foreground" aria-hidden />
          <p className="font-medium">{t('noRows')}</p>
          <p className="text-xs text-muted-foreground">{t('emptyHint')}</p>
        </div>
      ) : (
        <ResultGrid columns={columns} rows={rows} locale={locale} />
      )}
      <figcaption className="flex flex-wrap items-center justify-between gap-x-3 border-t border-border px-3 py-1 text-xs text-muted-foreground">
        <span data-testid="result-summary">{summary}</span>
        <span>{took}</span>
      </figcaption>
    </figure>
  );
});

function ResultGrid({ columns, rows, locale }: { columns: QueryColumn[]; rows: Cell[][]; locale: string }) {
  const t = useTranslations('answer');
  const dateLabels = useDateLabels();
  const scrollRef = useRef<HTMLDivElement>(null);

  const formats = useMemo(() => columnFormats(columns, rows, locale, dateLabels), [columns, rows, locale, dateLabels]);
  const columnDefs = useMemo(() => buildColumns(columns, rows, locale, formats), [columns, rows, locale, formats]);

  const table = useTable({
    features: resultTableFeatures,
    columns: columnDefs,
    data: rows,
    columnResizeMode: 'onChange',
    sortDescFirst: false,
  });

  const sorting = table.state.sorting;
  const resizing = table.state.columnResizing.isResizingColumn !== false;
  const modelRows = table.getRowModel().rows;
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  const virtualizer = useVirtualizer({
    count: modelRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 0, height: VIEWPORT_HEIGHT },
  });
  const items = virtualizer.getVirtualItems();

  const paddingTop = items.length > 0 ? items[0]!.start : 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;
  const spanAll = columns.length + 1;

  // A new order starts at its first row.
  useEffect(() => {
    if (scrollRef.current) scrollRef.current.scrollTop = 0;
  }, [sorting]);

  return (
    <div
      ref={scrollRef}
      data-testid="result-scroll"
      role="region"
      aria-label={t('tableLabel')}
      tabIndex={0}
      className="max-h-96 overflow-auto overscroll-contain outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-inset"
    >
      <table
        data-testid="result-table"
        aria-rowcount={modelRows.length + 1}
        className={cn('border-separate border-spacing-0 text-sm', resizing && 'cursor-col-resize select-none')}
        style={{ tableLayout: 'fixed', width: `max(${table.getTotalSize()}px, 100%)` }}
      >
        <colgroup>
          {headers.map((header) => (
            <col key={header.id} style={{ width: header.getSize() }} />
          ))}
          <col />
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {headers.map((header, i) => {
              const sortIndex = header.column.getSortIndex();
              return (
                <ResultTableHeader
                  key={header.id}
                  header={header}
                  table={table}
                  name={columns[i]!.name}
                  type={columns[i]!.type}
                  numeric={formats[i]!.numeric}
                  primary={sortIndex === 0}
                  sortPosition={sorting.length > 1 && sortIndex >= 0 ? sortIndex + 1 : undefined}
                />
              );
            })}
            {/* Takes the width the columns leave; keeps the header background and borders full width. */}
            <th aria-hidden className="sticky top-0 z-10 border-b border-border bg-muted p-0" />
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && (
            <tr aria-hidden>
              <td colSpan={spanAll} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = modelRows[item.index]!;
            return <BodyRow key={row.id} cells={row.original} index={item.index} formats={formats} measure={virtualizer.measureElement} />;
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={spanAll} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Memoized: scrolling renders only the rows that come into view. */
const BodyRow = memo(function BodyRow({
  cells,
  index,
  formats,
  measure,
}: {
  cells: Cell[];
  index: number;
  formats: ColumnFormat[];
  measure: (node: HTMLTableRowElement | null) => void;
}) {
  return (
    <tr ref={measure} data-index={index} data-testid="result-row" aria-rowindex={index + 2} className="hover:bg-muted/50">
      {formats.map((format, i) => (
        <BodyCell key={i} value={cells[i] ?? null} format={format} />
      ))}
      <td aria-hidden className="border-b border-border p-0" />
    </tr>
  );
});

function BodyCell({ value, format }: { value: Cell; format: ColumnFormat }) {
  const text = format.format(value);
  const isNull = value === null;
  // The exact value where the cell shows a rounded, clipped or formatted one.
  const title = isNull
    ? 'NULL'
    : format.temporal && typeof value === 'string' && text !== value
      ? value
      : text.length > 24
        ? clip(text, TITLE_MAX)
        : undefined;
  return (
    <td
      title={title}
      className={cn(
        'overflow-hidden border-b border-border px-3 py-1 text-ellipsis whitespace-nowrap',
        format.numeric && 'text-right tabular-nums',
        format.json && 'font-mono text-xs',
        isNull && 'text-muted-foreground',
      )}
    >
      {isNull ? NULL_TEXT : clip(text, CELL_TEXT_MAX)}
    </td>
  );
}
