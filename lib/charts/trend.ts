import type { TimeGrain } from './spec';
import { DAY_MS, parseTimeValue } from './time';

/** Holt's smoothing weights: level (alpha) and trend (beta). */
export const HOLT_ALPHA = 0.5;
export const HOLT_BETA = 0.3;

export type TrendPoint = { x: number; y: number };
export type TrendMethod = 'linear' | 'holt';

/** How many periods the chart projects for n observed points: max(3, 25% of n). */
export const projectionLength = (n: number) => Math.max(3, Math.ceil(n * 0.25));

/**
 * The next k points after the data, one x step apart (the smallest gap in x), by a
 * least-squares line or Holt's linear exponential smoothing. Uses the points only; returns []
 * when there is nothing to project from (fewer than 2 distinct x values) and never NaN.
 */
export function projectTrend(
  points: TrendPoint[],
  k: number,
  method: TrendMethod = 'linear',
  { alpha = HOLT_ALPHA, beta = HOLT_BETA }: { alpha?: number; beta?: number } = {},
): TrendPoint[] {
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
  const count = Math.max(0, Math.floor(k));
  if (pts.length < 2 || count === 0) return [];
  // The step is the smallest gap between x values (a missing period or a NaN y is not a wider step).
  const xsSeen = [...new Set(points.map((p) => p.x).filter(Number.isFinite))].sort((a, b) => a - b);
  const gaps = xsSeen.slice(1).map((x, i) => x - xsSeen[i]!);
  if (new Set(pts.map((p) => p.x)).size < 2 || gaps.length === 0) return [];
  const step = Math.min(...gaps);
  const last = pts[pts.length - 1]!;
  const xs = Array.from({ length: count }, (_, i) => last.x + step * (i + 1));

  let predict: (x: number, h: number) => number;
  if (method === 'holt') {
    let level = pts[0]!.y;
    let trend = pts[1]!.y - pts[0]!.y;
    for (const p of pts.slice(1)) {
      const prev = level;
      level = alpha * p.y + (1 - alpha) * (level + trend);
      trend = beta * (level - prev) + (1 - beta) * trend;
    }
    predict = (_x, h) => level + h * trend;
  } else {
    const n = pts.length;
    const mx = pts.reduce((s, p) => s + p.x, 0) / n;
    const my = pts.reduce((s, p) => s + p.y, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (const p of pts) {
      sxy += (p.x - mx) * (p.y - my);
      sxx += (p.x - mx) ** 2;
    }
    const slope = sxx === 0 ? 0 : sxy / sxx;
    predict = (x) => my + slope * (x - mx);
  }
  const out = xs.map((x, i) => ({ x, y: predict(x, i + 1) }));
  return out.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) ? out : [];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
/** YYYY-MM-DD of a UTC instant. */
export const isoDate = (ms: number) => {
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  return `${y < 0 ? '-' : ''}${pad(Math.abs(y), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

const toMs = (date: string | number): number => {
  const ms = typeof date === 'number' ? date : parseTimeValue(date);
  if (ms === null || !Number.isFinite(ms)) throw new RangeError(`not a date: ${String(date)}`);
  return ms;
};

/**
 * A period's ordinal at a grain (consecutive periods differ by 1), for fitting trends over time:
 * days since 1970-01-01, weeks starting Monday, months and quarters counted from year 0, years.
 */
export function periodIndex(date: string | number, grain: TimeGrain): number {
  const ms = toMs(date);
  const d = new Date(ms);
  const days = Math.floor(ms / DAY_MS);
  switch (grain) {
    case 'day':
      return days;
    case 'week':
      return Math.floor((days + 3) / 7); // 1970-01-01 was a Thursday
    case 'month':
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    case 'quarter':
      return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
    case 'year':
      return d.getUTCFullYear();
  }
}

/** The first day (ISO date) of the period with this index; the inverse of `periodIndex`. */
export function periodStart(index: number, grain: TimeGrain): string {
  const i = Math.round(index);
  switch (grain) {
    case 'day':
      return isoDate(i * DAY_MS);
    case 'week':
      return isoDate((i * 7 - 3) * DAY_MS);
    case 'month':
      return isoDate(Date.UTC(Math.floor(i / 12), ((i % 12) + 12) % 12, 1));
    case 'quarter':
      return isoDate(Date.UTC(Math.floor(i / 4), (((i % 4) + 4) % 4) * 3, 1));
    case 'year':
      return isoDate(Date.UTC(i, 0, 1));
  }
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();

/**
 * The k dates after `lastDate`, one grain apart, as ISO dates (YYYY-MM-DD). Month, quarter and
 * year steps keep the day of month (clamped to shorter months; month ends stay month ends).
 */
export function nextPeriods(lastDate: string, grain: TimeGrain, k: number): string[] {
  const ms = toMs(lastDate);
  const start = Math.floor(ms / DAY_MS) * DAY_MS;
  const d = new Date(start);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const monthEnd = day === daysInMonth(y, m);
  const months = grain === 'month' ? 1 : grain === 'quarter' ? 3 : 12;
  return Array.from({ length: Math.max(0, Math.floor(k)) }, (_, i) => {
    const n = i + 1;
    if (grain === 'day') return isoDate(start + n * DAY_MS);
    if (grain === 'week') return isoDate(start + n * 7 * DAY_MS);
    const total = m + n * months;
    const ty = y + Math.floor(total / 12);
    const tm = total % 12;
    const dim = daysInMonth(ty, tm);
    return isoDate(Date.UTC(ty, tm, monthEnd ? dim : Math.min(day, dim)));
  });
}
