import type { Cell, QueryResult } from '@/lib/warehouse/run';
import { percentScaleOf, type PercentScale } from './format';
import type { ChartSpec, TimeGrain } from './spec';
import { MAX_PIE_SLICES, MAX_SERIES, toNumber } from './suggest';
import { detectTime } from './time';
import { isoDate, nextPeriods, periodIndex, projectionLength, projectTrend } from './trend';

/**
 * A spec and a result turned into what the chart components draw: rows keyed by `x` and series
 * keys (v0, v1, ... and p0, p1, ... for projections), never by column or category names, which
 * may contain dots and brackets that charting libraries read as paths.
 */

/** Mid-tones that read on light and dark backgrounds (Tailwind 500s). */
export const PALETTE = ['#3b82f6', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16'] as const;

export type ChartDatum = { x: string | number; [key: string]: string | number | null };
export type ChartSeries = { key: string; name: string; color: string; projection?: boolean };
export type ScatterPoint = { x: number; y: number; label?: string };
export type ScatterGroup = { name: string; color: string; points: ScatterPoint[] };

export type ChartData = {
  /** x values are UTC milliseconds. */
  xTime: boolean;
  grain?: TimeGrain;
  rows: ChartDatum[];
  series: ChartSeries[];
  groups: ScatterGroup[];
  percentScale: PercentScale;
  xPercentScale: PercentScale;
  /** Small series were folded into "Other". */
  folded: boolean;
  /** A projection can be drawn (time axis with a grain, line/area/bar, 3+ points). */
  trendAvailable: boolean;
  /** Observed x values (rows before any projection). */
  points: number;
  /** Periods a projection covers for these points. */
  projectionPeriods: number;
  /** No finite number to draw. */
  empty: boolean;
};

export type ChartDataLabels = {
  other: string;
  empty: string;
  projection: (series: string) => string;
  single: string;
  /** Names the periods of a series of dates at a grain ("2024", "January 2024"); asked once per chart. */
  period: (grain: TimeGrain | undefined) => (ms: number) => string;
};

type Shape = Pick<QueryResult, 'columns' | 'rows'>;

const label = (cell: Cell | undefined, empty: string): string | number =>
  cell === null || cell === undefined ? empty : typeof cell === 'number' ? cell : typeof cell === 'string' ? cell : JSON.stringify(cell);

const compareX = (a: string | number, b: string | number) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), undefined, { numeric: true });

const TREND_KINDS = new Set(['line', 'area', 'bar']);

export function buildChartData(
  spec: ChartSpec,
  result: Shape,
  { trend = false, labels }: { trend?: boolean; labels: ChartDataLabels },
): ChartData {
  const col = (name: string | undefined) => (name === undefined ? -1 : result.columns.findIndex((c) => c.name === name));
  const [xi, si, li] = [col(spec.x), col(spec.series), col(spec.label)];
  const yis = spec.y.map(col).filter((i) => i >= 0);
  const yValues = result.rows.flatMap((r) => yis.map((i) => toNumber(r[i]))).filter((v): v is number => v !== null);
  const base: ChartData = {
    xTime: false,
    rows: [],
    series: [],
    groups: [],
    percentScale: percentScaleOf(yValues),
    xPercentScale: 1,
    folded: false,
    trendAvailable: false,
    points: 0,
    projectionPeriods: 0,
    empty: yValues.length === 0 || xi < 0,
  };
  if (base.empty) return base;

  if (spec.kind === 'scatter') {
    const xs = result.rows.map((r) => toNumber(r[xi]));
    const names = si >= 0 ? result.rows.map((r) => String(label(r[si], labels.empty))) : [];
    const kept = si >= 0 ? topNames(names, result.rows.map(() => 1), MAX_SERIES) : [];
    const groups = new Map<string, ScatterPoint[]>();
    result.rows.forEach((r, ri) => {
      yis.forEach((yi) => {
        const [x, y] = [xs[ri], toNumber(r[yi])];
        if (x === null || x === undefined || y === null) return;
        const name = si >= 0 ? (kept.includes(names[ri]!) ? names[ri]! : labels.other) : yis.length > 1 ? result.columns[yi]!.name : labels.single;
        const point: ScatterPoint = { x, y, ...(li >= 0 ? { label: String(label(r[li], labels.empty)) } : {}) };
        (groups.get(name) ?? groups.set(name, []).get(name)!).push(point);
      });
    });
    const ordered = [...groups.keys()].sort((a, b) => (a === labels.other ? 1 : b === labels.other ? -1 : 0));
    return {
      ...base,
      groups: ordered.map((name, i) => ({ name, color: PALETTE[i % PALETTE.length]!, points: groups.get(name)! })),
      xPercentScale: percentScaleOf(xs.filter((v): v is number => v !== null)),
      folded: ordered.includes(labels.other) && si >= 0,
      points: result.rows.length,
      empty: groups.size === 0,
    };
  }

  const time = detectTime(result.columns[xi]!, result.rows.map((r) => r[xi] ?? null), !!spec.grain);
  const grain = time ? (spec.grain ?? time.grain) : undefined;
  const xOf = (ri: number): string | number => (time ? (time.times[ri] ?? labels.empty) : label(result.rows[ri]![xi], labels.empty));

  // Series: one per y column, or one per value of the series column (largest first, rest folded).
  let seriesOf: (row: Cell[], index: number) => { name: string; value: number | null }[];
  let names: string[];
  if (si >= 0) {
    // A series column of dates (periods side by side) is named by its period and kept in time order.
    const periods = detectTime(result.columns[si]!, result.rows.map((r) => r[si] ?? null));
    const periodName = periods && labels.period(periods.grain);
    const all = result.rows.map((r, ri) => {
      const ms = periods?.times[ri];
      return periodName && ms !== null && ms !== undefined ? periodName(ms) : String(label(r[si], labels.empty));
    });
    const totals = result.rows.map((r) => Math.abs(toNumber(r[yis[0]!]) ?? 0));
    const limit = spec.kind === 'pie' ? 1 : MAX_SERIES;
    const kept = topNames(all, totals, limit);
    if (periods) {
      const timeOf = new Map(all.map((n, i) => [n, periods.times[i] ?? 0]));
      kept.sort((a, b) => timeOf.get(a)! - timeOf.get(b)!);
    }
    names = all.some((n) => !kept.includes(n)) ? [...kept, labels.other] : kept;
    seriesOf = (r, ri) => {
      const n = all[ri]!;
      return [{ name: kept.includes(n) ? n : labels.other, value: toNumber(r[yis[0]!]) }];
    };
  } else {
    names = yis.map((i) => result.columns[i]!.name);
    seriesOf = (r) => yis.map((i, k) => ({ name: names[k]!, value: toNumber(r[i]) }));
  }
  const keyOf = new Map(names.map((n, i) => [n, `v${i}`]));

  const byX = new Map<string | number, ChartDatum>();
  result.rows.forEach((r, ri) => {
    const x = xOf(ri);
    if (time && typeof x !== 'number') return; // a null date has no place on a time axis
    const datum = byX.get(x) ?? byX.set(x, { x }).get(x)!;
    for (const { name, value } of seriesOf(r, ri)) {
      const key = keyOf.get(name)!;
      if (value === null) datum[key] ??= null;
      else datum[key] = ((datum[key] as number | null | undefined) ?? 0) + value;
    }
  });
  let rows = [...byX.values()];
  const total = (d: ChartDatum) => names.reduce((s, n) => s + ((d[keyOf.get(n)!] as number | null) ?? 0), 0);
  if (time || spec.sort === 'x-asc') rows.sort((a, b) => compareX(a.x, b.x));
  else if (spec.sort === 'y-desc') rows.sort((a, b) => total(b) - total(a));

  if (spec.kind === 'pie') {
    rows = rows.filter((d) => ((d.v0 as number | null) ?? 0) > 0);
    if (rows.length > MAX_PIE_SLICES) {
      const sorted = [...rows].sort((a, b) => total(b) - total(a));
      const rest = sorted.slice(MAX_PIE_SLICES - 1).reduce((s, d) => s + total(d), 0);
      rows = [...sorted.slice(0, MAX_PIE_SLICES - 1), { x: labels.other, v0: rest }];
    }
  }

  const series: ChartSeries[] = names.map((name, i) => ({ key: `v${i}`, name, color: PALETTE[i % PALETTE.length]! }));
  const trendAvailable = !!time && !!grain && TREND_KINDS.has(spec.kind) && rows.length >= 3;
  const out: ChartData = {
    ...base,
    xTime: !!time,
    grain,
    rows,
    series,
    folded: names.includes(labels.other) && si >= 0,
    trendAvailable,
    points: rows.length,
    projectionPeriods: projectionLength(rows.length),
  };
  return trend && trendAvailable ? withProjection(out, grain!, labels) : out;
}

/** The `limit` names with the largest totals (all of them when they fit). */
function topNames(names: string[], weights: number[], limit: number): string[] {
  const totals = new Map<string, number>();
  names.forEach((n, i) => totals.set(n, (totals.get(n) ?? 0) + weights[i]!));
  const ordered = [...totals.keys()];
  if (ordered.length <= limit) return ordered;
  const top = new Set([...ordered].sort((a, b) => totals.get(b)! - totals.get(a)!).slice(0, limit - 1));
  return ordered.filter((n) => top.has(n));
}

/** Adds a dashed projection per series over the next max(3, 25%) periods. */
function withProjection(data: ChartData, grain: TimeGrain, labels: ChartDataLabels): ChartData {
  const rows = data.rows.map((d) => ({ ...d }));
  const last = rows[rows.length - 1]!;
  const lastIndex = periodIndex(last.x as number, grain);
  const k = projectionLength(rows.length);
  const future = nextPeriods(isoDate(last.x as number), grain, k * 4).map((d) => Date.parse(`${d}T00:00:00Z`));
  const byX = new Map<number, ChartDatum>();
  const projections: ChartSeries[] = [];
  data.series.forEach((s, i) => {
    const points = rows
      .map((d) => ({ x: periodIndex(d.x as number, grain), y: d[s.key] }))
      .filter((p): p is { x: number; y: number } => typeof p.y === 'number');
    const projected = projectTrend(points, k);
    if (projected.length === 0) return;
    const key = `p${i}`;
    const anchor = [...rows].reverse().find((d) => typeof d[s.key] === 'number');
    if (anchor) anchor[key] = anchor[s.key]!;
    for (const p of projected) {
      const ms = future[Math.round(p.x - lastIndex) - 1];
      if (ms === undefined) continue;
      const datum = byX.get(ms) ?? byX.set(ms, { x: ms }).get(ms)!;
      datum[key] = p.y;
    }
    projections.push({ key, name: data.series.length === 1 ? labels.projection('') : labels.projection(s.name), color: s.color, projection: true });
  });
  const futureRows = [...byX.values()].filter((d) => (d.x as number) > (last.x as number)).sort((a, b) => compareX(a.x, b.x));
  return { ...data, rows: [...rows, ...futureRows], series: [...data.series, ...projections] };
}
