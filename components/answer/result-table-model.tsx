import {
  columnResizingFeature,
  columnSizingFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import {
  columnFractionDigits,
  compareSortKeys,
  formatCell,
  isJsonType,
  isNumericType,
  isTemporalType,
  shouldGroupDigits,
  sortKey,
  type FormatOptions,
  type SortKey,
} from '@/lib/format';
import { dateFormatters, type DateLabels } from '@/lib/charts/format';
import { isPointInTimeType } from '@/lib/charts/spec';
import { detectTime } from '@/lib/charts/time';
import type { Cell, QueryColumn } from '@/lib/warehouse/run';

/** The table features the result table uses: sorting (client-side, over all rows) and column sizing/resizing. */
export const resultTableFeatures = tableFeatures({
  columnSizingFeature,
  columnResizingFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
});

type Features = typeof resultTableFeatures;
type Row = Cell[];

const helper = createColumnHelper<Features, Row>();

export const MIN_COLUMN_WIDTH = 56;
export const MAX_COLUMN_WIDTH = 1600;
const MAX_INITIAL_WIDTH = 360;
const SAMPLE_ROWS = 200;

/**
 * Rough rendered width of text at text-sm, erring wide (a cut-off name beside empty space looks
 * broken): capitals take about 9 px in Geist, other Latin characters 7 to 8, CJK and other wide
 * characters about twice a Latin one.
 */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text.slice(0, 80)) width += ch.codePointAt(0)! >= 0x2e80 ? 14 : ch >= 'A' && ch <= 'Z' ? 9.4 : 7.6;
  return width;
}

/**
 * Column definitions. Each column's value (what sorting reads, cached per row by the table) is the
 * cell's sort key, so 50,000 rows sort without re-parsing dates or numbers in the comparator;
 * cells are rendered from the original row. NULLs sort last in both directions.
 */
export function buildColumns(columns: QueryColumn[], rows: Row[], locale: string, formats: ColumnFormat[]) {
  const sample = rows.slice(0, SAMPLE_ROWS);
  const defs = columns.map((column, i) => {
    const widest = sample.reduce((max, row) => Math.max(max, textWidth(formats[i]!.format(row[i] ?? null))), 0);
    const size = Math.round(Math.min(MAX_INITIAL_WIDTH, Math.max(MIN_COLUMN_WIDTH, textWidth(column.name) * 1.1 + 52, widest + 32)));
    return helper.accessor((row: Row) => sortKey(row[i] ?? null, column.type), {
      id: String(i),
      header: column.name,
      sortFn: (a, b, id) => compareSortKeys(a.getValue<SortKey>(id), b.getValue<SortKey>(id), locale),
      sortUndefined: 'last',
      size,
      minSize: MIN_COLUMN_WIDTH,
      maxSize: MAX_COLUMN_WIDTH,
    });
  });
  return helper.columns(defs);
}

export type ColumnFormat = {
  /** Right-aligned, tabular figures. */
  numeric: boolean;
  temporal: boolean;
  json: boolean;
  format: (value: Cell) => string;
};

function* columnValues(rows: Row[], index: number): Generator<Cell> {
  for (const row of rows) yield row[index] ?? null;
}

/** Above this many rows a date column is not searched for a grain: finding it costs about 1.5 µs a row. */
const GRAIN_ROWS = 5_000;

/**
 * Dates that are all the first of a month, quarter or year (date_trunc's buckets) read as that
 * period, "Jan 2024" or "Q1 2024", as the chart labels them; the cell's title keeps the date.
 */
function periodFormat(column: QueryColumn, rows: Row[], index: number, locale: string, labels: DateLabels): ((value: Cell) => string) | null {
  if (!isPointInTimeType(column.type) || rows.length > GRAIN_ROWS) return null;
  const time = detectTime(column, [...columnValues(rows, index)]);
  if (time?.grain !== 'month' && time?.grain !== 'quarter' && time?.grain !== 'year') return null;
  const { short } = dateFormatters(time.grain, locale, labels);
  const times = new Map(rows.map((row, i) => [row[index], time.times[i]]));
  return (value) => {
    const ms = times.get(value);
    return ms === null || ms === undefined ? formatCell(value, column.type, locale, {}) : short(ms);
  };
}

/** How each column's cells are shown: one decimal count per numeric column so decimal points line up. */
export function columnFormats(columns: QueryColumn[], rows: Row[], locale: string, labels: DateLabels): ColumnFormat[] {
  return columns.map((column, i) => {
    const options: FormatOptions = {
      fractionDigits: columnFractionDigits(columnValues(rows, i), column.type),
      grouping: shouldGroupDigits(column.name),
    };
    return {
      numeric: isNumericType(column.type),
      temporal: isTemporalType(column.type),
      json: isJsonType(column.type),
      format: periodFormat(column, rows, i, locale, labels) ?? ((value: Cell) => formatCell(value, column.type, locale, options)),
    };
  });
}
