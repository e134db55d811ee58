import type { Cell, QueryColumn, QueryResult } from '@/lib/warehouse/run';
import { isNumericType } from '@/lib/format';
import type { ChartKind, ChartSpec, ValueFormat } from './spec';
import { detectTime, isTimePartColumn, nameWords as words, type TimeColumn } from './time';

/**
 * The chart a result's shape suggests, without a model: one number → kpi, time + measures → line,
 * a category + a measure → bar (pie for a part-of-whole question), two categories → stacked bar,
 * measures without categories → scatter, anything else → table.
 */

type Shape = Pick<QueryResult, 'columns' | 'rows'>;

/** Most distinct values a category axis, pie or series gets. */
export const MAX_CATEGORIES = 25;
export const MAX_SERIES = 8;
export const MAX_PIE_SLICES = 8;

/** A cell as a finite number (bigint-sized numerics arrive as text), else null. */
export function toNumber(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(cell)) return Number(cell);
  return null;
}

const KEY_NAME = /(^|_)id$|[a-z0-9]I[dD]$|^ID$/;
export const isKeyName = (name: string) => KEY_NAME.test(name.trim()) || /^id$/i.test(name.trim());

const CURRENCY_WORD = /^(revenues?|sales|sale|amounts?|prices?|costs?|refunds?|gmv|spend|profits?|totalprice|unitprice)$/;
const CURRENCY_CJK = /收入|销售额|营收|金额|价格|单价|成本|退款|利润/;
const COUNT_WORD = /^(count|counts|cnt|qty|quantity|quantities|units|num|number|orders)$/;
const PERCENT_WORD = /^(pct|percent|percentage|share|rate|ratio)$/;
const PERCENT_CJK = /占比|比例|百分比|比率|率$/;
const PREVIOUS_WORD = /^(prev|previous|prior|last|before|earlier|baseline|ly|py|pm|lm)$/;
const PREVIOUS_CJK = /上期|上月|上周|上年|去年|同期|昨日|昨天|之前|前期/;
const PART_OF_WHOLE = /\bshare\b|\bpercent(age)?s?\b|\bproportions?\b|\bbreakdown\b|\bbroken down\b|\bsplit\b|\bmix\b|\bcomposition\b|\bdistribution\b|占比|比例|构成|比重|份额|分布/i;

const fits = (values: number[], lo: number, hi: number) => values.every((v) => v >= lo && v <= hi);

/** How a measure reads: currency by name, percent by name when its values look like one. */
export function inferFormat(name: string, values: number[]): ValueFormat {
  const w = words(name);
  if ((w.some((x) => PERCENT_WORD.test(x)) || PERCENT_CJK.test(name)) && (fits(values, 0, 1) || fits(values, 0, 100))) {
    return 'percent';
  }
  if ((w.some((x) => CURRENCY_WORD.test(x)) || CURRENCY_CJK.test(name)) && !w.some((x) => COUNT_WORD.test(x))) return 'currency';
  return 'number';
}

export const looksLikePrevious = (name: string) => words(name).some((x) => PREVIOUS_WORD.test(x)) || PREVIOUS_CJK.test(name);
export const isPartOfWholeQuestion = (question: string) => PART_OF_WHOLE.test(question);

type Role = 'key' | 'time' | 'measure' | 'category' | 'other';
export type ColumnProfile = {
  index: number;
  column: QueryColumn;
  role: Role;
  /** Integers numbering a date part (month 1..12): a category ordered by value. */
  ordinal: boolean;
  values: Cell[];
  numbers: number[];
  distinct: number;
  avgLength: number;
  time?: TimeColumn;
};

const isPrimitive = (v: Cell) => v === null || typeof v !== 'object';

/** Each column's role in a chart, from its type, name and values. */
export function profileColumns({ columns, rows }: Shape): ColumnProfile[] {
  return columns.map((column, index) => {
    const values = rows.map((r) => r[index] ?? null);
    const present = values.filter((v) => v !== null);
    const numbers = values.map(toNumber).filter((n): n is number => n !== null);
    const labels = present.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    const base = {
      index,
      column,
      values,
      numbers,
      ordinal: false,
      distinct: new Set(labels).size,
      avgLength: labels.length ? labels.reduce((s, l) => s + [...l].length, 0) / labels.length : 0,
    };
    const time = detectTime(column, values);
    if (time) return { ...base, role: 'time', time };
    if (isKeyName(column.name)) return { ...base, role: 'key' };
    const numeric = isNumericType(column.type) || (present.length > 0 && present.every((v) => typeof v === 'number'));
    if (numeric) {
      if (numbers.length > 0 && isTimePartColumn(column.name, numbers)) return { ...base, role: 'category', ordinal: true };
      return { ...base, role: 'measure' };
    }
    return { ...base, role: present.every(isPrimitive) ? 'category' : 'other' };
  });
}

const sortedBy = (values: (number | string)[]) => {
  const cmp = (a: number | string, b: number | string) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
  const asc = values.every((v, i) => i === 0 || cmp(values[i - 1]!, v) <= 0);
  const desc = values.every((v, i) => i === 0 || cmp(values[i - 1]!, v) >= 0);
  return asc || desc;
};

/** Keep an order the query chose (by value or by label); otherwise largest first. */
function categorySort(x: ColumnProfile, y: ColumnProfile): ChartSpec['sort'] {
  if (x.ordinal) return 'x-asc';
  const ys = y.values.map(toNumber).map((n) => n ?? 0);
  const xs = x.values.map((v) => (typeof v === 'number' ? v : String(v)));
  return sortedBy(ys) || sortedBy(xs) ? 'none' : 'y-desc';
}

/** Date parts (day 1..31, minute 0..59) read fine as more bars than free-text categories. */
const maxCategories = (c: ColumnProfile) => (c.ordinal ? 60 : MAX_CATEGORIES);

const unique = (p: ColumnProfile, n: number) => p.distinct === n && p.values.every((v) => v !== null);

/** The chart the shape of a result suggests. */
export function suggestChart(result: Shape, question = ''): ChartSpec {
  const cols = profileColumns(result);
  const n = result.rows.length;
  const measures = cols.filter((c) => c.role === 'measure');
  const times = cols.filter((c) => c.role === 'time');
  const categories = cols.filter((c) => c.role === 'category');
  const small = categories.filter((c) => c.distinct <= maxCategories(c));
  const name = (c: ColumnProfile) => c.column.name;
  const format = (c: ColumnProfile) => inferFormat(name(c), c.numbers);
  const table: ChartSpec = {
    kind: 'table',
    y: result.columns.slice(0, 8).map((c) => c.name).filter((v, i, a) => a.indexOf(v) === i),
    format: 'number',
  };
  if (table.y.length === 0) table.y = ['value'];
  if (n === 0 || measures.length === 0) return table;

  if (n === 1) {
    if (measures.length === 1) return { kind: 'kpi', y: [name(measures[0]!)], format: format(measures[0]!) };
    if (measures.length === 2) {
      const prev = measures.findIndex((m) => looksLikePrevious(name(m)));
      if (prev >= 0 && !looksLikePrevious(name(measures[1 - prev]!))) {
        const current = measures[1 - prev]!;
        return { kind: 'kpi', y: [name(current)], previous: name(measures[prev]!), format: format(current) };
      }
    }
    return table;
  }

  if (times.length >= 1) {
    const t = times[0]!;
    const distinctTimes = new Set(t.time!.times.filter((v) => v !== null)).size;
    const line = { kind: 'line' as const, x: name(t), sort: 'x-asc' as const, grain: t.time!.grain };
    if (times.length === 1 && categories.length === 0 && distinctTimes === n && measures.length <= MAX_SERIES) {
      return { ...line, y: measures.map(name), format: format(measures[0]!) };
    }
    const s = categories[0];
    if (t.time!.grain === 'year' && categories.length === 1 && s!.ordinal && measures.length === 1 && distinctTimes <= MAX_SERIES) {
      // year × month number: one line per year over the months, for seasonality.
      return { kind: 'line', x: name(s!), y: [name(measures[0]!)], series: name(t), sort: 'x-asc', format: format(measures[0]!) };
    }
    if (times.length === 1 && categories.length === 1 && measures.length === 1 && distinctTimes <= 3 && s!.distinct <= MAX_CATEGORIES) {
      // A few periods side by side ("2024 vs 2025" by channel): a bar per period within each category, not lines of two points.
      return { kind: 'bar', x: name(s!), y: [name(measures[0]!)], series: name(t), format: format(measures[0]!) };
    }
    if (times.length === 1 && categories.length === 1 && measures.length === 1 && s!.distinct <= MAX_CATEGORIES) {
      return { ...line, y: [name(measures[0]!)], series: name(s!), format: format(measures[0]!) };
    }
    return table;
  }

  if (categories.length === 0) {
    if (measures.length < 2) return table;
    const [x, y] = measures as [ColumnProfile, ColumnProfile];
    const label = cols.find((c) => c.role === 'category' || c.role === 'key');
    return { kind: 'scatter', x: name(x), y: [name(y)], label: label && name(label), format: format(y), xFormat: format(x) };
  }

  const c1 = categories[0]!;
  if (categories.length === 1 && c1.distinct > maxCategories(c1)) {
    // High-cardinality labels (product names): points, not bars.
    if (measures.length < 2) return table;
    const [x, y] = measures as [ColumnProfile, ColumnProfile];
    return { kind: 'scatter', x: name(x), y: [name(y)], label: name(c1), format: format(y), xFormat: format(x) };
  }

  if (categories.length === 2 && measures.length === 1 && small.length === 2) {
    const m = measures[0]!;
    let [x, s] = [c1, categories[1]!];
    if (s.distinct > MAX_SERIES && x.distinct <= MAX_SERIES) [x, s] = [s, x];
    const pairs = new Set(result.rows.map((r) => JSON.stringify([r[x.index], r[s.index]])));
    if (s.distinct <= MAX_SERIES && pairs.size === n) {
      return { kind: 'stacked-bar', x: name(x), y: [name(m)], series: name(s), format: format(m), sort: x.ordinal ? 'x-asc' : undefined };
    }
    return table;
  }

  if (categories.length !== 1 || c1.distinct > maxCategories(c1)) return table;

  if (!unique(c1, n)) {
    // Repeated categories are rows of raw data: plot measures against each other, coloured by category.
    if (measures.length >= 2 && c1.distinct <= MAX_SERIES) {
      const [x, y] = measures as [ColumnProfile, ColumnProfile];
      const label = cols.find((c) => c.role === 'key');
      return { kind: 'scatter', x: name(x), y: [name(y)], series: name(c1), label: label && name(label), format: format(y), xFormat: format(x) };
    }
    return table;
  }

  const m = measures[0]!;
  const sort = categorySort(c1, m);
  if (measures.length === 1) {
    if (isPartOfWholeQuestion(question) && c1.distinct <= 6 && m.numbers.every((v) => v >= 0) && m.numbers.some((v) => v > 0)) {
      return { kind: 'pie', x: name(c1), y: [name(m)], donut: true, format: format(m), sort };
    }
    const long = c1.avgLength > 14 || (c1.distinct > 8 && !c1.ordinal);
    return { kind: long ? 'horizontal-bar' : 'bar', x: name(c1), y: [name(m)], format: format(m), sort };
  }

  // Several measures per category: grouped bars when they share a scale, else the first measure.
  const peaks = measures.slice(0, 4).map((c) => Math.max(...c.numbers.map(Math.abs), 0));
  const sameScale = Math.max(...peaks) <= 10 * Math.min(...peaks) && new Set(measures.slice(0, 4).map(format)).size === 1;
  const ys = sameScale ? measures.slice(0, 4) : [m];
  const long = c1.avgLength > 14 || (c1.distinct * ys.length > 12 && !c1.ordinal);
  return { kind: long ? 'horizontal-bar' : 'bar', x: name(c1), y: ys.map(name), format: format(m), sort };
}

const numericValues = (result: Shape, column: string | undefined) => {
  const i = result.columns.findIndex((c) => c.name === column);
  return i < 0 ? [] : result.rows.map((r) => toNumber(r[i]));
};

/** Kinds the switcher offers for a (valid) spec and its result, always including `spec.kind`. */
export function compatibleKinds(spec: ChartSpec, result: Shape): ChartKind[] {
  const kinds: ChartKind[] = (() => {
    if (spec.kind === 'table') return ['table'];
    if (spec.kind === 'kpi') return ['kpi', 'table'];
    if (spec.kind === 'scatter') return ['scatter', 'table'];
    const xi = result.columns.findIndex((c) => c.name === spec.x);
    const multi = spec.y.length > 1 || !!spec.series;
    const time = xi >= 0 && detectTime(result.columns[xi]!, result.rows.map((r) => r[xi] ?? null), !!spec.grain);
    if (time) return ['line', 'area', 'bar', ...(multi ? (['stacked-bar'] as const) : []), 'table'];
    const ys = numericValues(result, spec.y[0]);
    const distinct = new Set(result.rows.map((r) => JSON.stringify(r[xi] ?? null))).size;
    const pie = !multi && distinct <= MAX_PIE_SLICES && distinct === result.rows.length && ys.every((v) => v === null || v >= 0) && ys.some((v) => (v ?? 0) > 0);
    return ['bar', 'horizontal-bar', ...(multi ? (['stacked-bar'] as const) : []), ...(pie ? (['pie'] as const) : []), 'table'];
  })();
  return kinds.includes(spec.kind) ? kinds : [spec.kind, ...kinds];
}
