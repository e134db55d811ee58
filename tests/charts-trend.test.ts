import { describe, expect, it } from 'vitest';
import { HOLT_ALPHA, HOLT_BETA, nextPeriods, periodIndex, periodStart, projectionLength, projectTrend } from '@/lib/charts/trend';

const line = (n: number, f: (x: number) => number) => Array.from({ length: n }, (_, x) => ({ x, y: f(x) }));

describe('projectTrend', () => {
  it('projects a perfect line y = 2x + 1 exactly (both methods)', () => {
    const pts = line(10, (x) => 2 * x + 1);
    for (const method of ['linear', 'holt'] as const) {
      const out = projectTrend(pts, 3, method);
      expect(out.map((p) => p.x)).toEqual([10, 11, 12]);
      out.forEach((p) => expect(p.y).toBeCloseTo(2 * p.x + 1, 9));
    }
  });

  it('fits least squares through noise', () => {
    // y = 3x + 2 with symmetric residuals (+1, -1, -1, +1) keeps the same fit.
    const pts = [
      { x: 0, y: 3 },
      { x: 1, y: 4 },
      { x: 2, y: 7 },
      { x: 3, y: 12 },
    ];
    const [next] = projectTrend(pts, 1);
    expect(next!.x).toBe(4);
    expect(next!.y).toBeCloseTo(14, 9);
  });

  it('keeps a constant series constant with Holt', () => {
    const out = projectTrend(line(12, () => 42), 5, 'holt');
    expect(out).toHaveLength(5);
    out.forEach((p) => expect(p.y).toBe(42));
    expect(projectTrend(line(12, () => 42), 5, 'linear').every((p) => p.y === 42)).toBe(true);
  });

  it('follows Holt recursions with the exported defaults', () => {
    const ys = [10, 12, 11, 15];
    let level = ys[0]!;
    let trend = ys[1]! - ys[0]!;
    for (const y of ys.slice(1)) {
      const prev = level;
      level = HOLT_ALPHA * y + (1 - HOLT_ALPHA) * (level + trend);
      trend = HOLT_BETA * (level - prev) + (1 - HOLT_BETA) * trend;
    }
    const out = projectTrend(ys.map((y, x) => ({ x, y })), 2, 'holt');
    expect(out[0]!.y).toBeCloseTo(level + trend, 12);
    expect(out[1]!.y).toBeCloseTo(level + 2 * trend, 12);
  });

  it('returns k periods at the data step, from unsorted input', () => {
    const pts = [
      { x: 30, y: 3 },
      { x: 10, y: 1 },
      { x: 20, y: 2 },
    ];
    expect(projectTrend(pts, 4).map((p) => p.x)).toEqual([40, 50, 60, 70]);
    expect(projectTrend(pts, 0)).toEqual([]);
  });

  it('returns [] for fewer than 2 points and never NaN', () => {
    expect(projectTrend([], 3)).toEqual([]);
    expect(projectTrend([{ x: 1, y: 5 }], 3)).toEqual([]);
    expect(projectTrend([{ x: 1, y: 5 }, { x: 1, y: 6 }], 3)).toEqual([]); // no x spread
    expect(projectTrend([{ x: 0, y: 1 }, { x: 1, y: Number.NaN }, { x: 2, y: 3 }], 2)).toEqual([
      { x: 3, y: 4 },
      { x: 4, y: 5 },
    ]);
    const wild = projectTrend([{ x: 0, y: 1e308 }, { x: 1, y: -1e308 }], 3);
    expect(wild.every((p) => Number.isFinite(p.y))).toBe(true);
  });

  it('projects max(3, 25%) periods', () => {
    expect(projectionLength(4)).toBe(3);
    expect(projectionLength(24)).toBe(6);
    expect(projectionLength(25)).toBe(7);
  });
});

describe('periods', () => {
  it('steps months across the year end', () => {
    expect(nextPeriods('2024-11-01', 'month', 4)).toEqual(['2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01']);
    expect(nextPeriods('2024-12-01T00:00:00.000Z', 'month', 1)).toEqual(['2025-01-01']);
  });

  it('keeps month ends and clamps short months', () => {
    expect(nextPeriods('2024-01-31', 'month', 3)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    expect(nextPeriods('2024-01-30', 'month', 2)).toEqual(['2024-02-29', '2024-03-30']);
    expect(nextPeriods('2024-02-29', 'year', 1)).toEqual(['2025-02-28']);
  });

  it('steps days, weeks, quarters and years', () => {
    expect(nextPeriods('2024-12-30', 'day', 3)).toEqual(['2024-12-31', '2025-01-01', '2025-01-02']);
    expect(nextPeriods('2024-12-23', 'week', 2)).toEqual(['2024-12-30', '2025-01-06']);
    expect(nextPeriods('2024-10-01', 'quarter', 2)).toEqual(['2025-01-01', '2025-04-01']);
    expect(nextPeriods('2024-Q4', 'quarter', 1)).toEqual(['2025-01-01']);
    expect(nextPeriods('2023-01-01', 'year', 2)).toEqual(['2024-01-01', '2025-01-01']);
    expect(nextPeriods('2024-05', 'month', 1)).toEqual(['2024-06-01']);
  });

  it('turns dates into consecutive indices and back', () => {
    expect(periodIndex('2025-01-01', 'month') - periodIndex('2024-12-01', 'month')).toBe(1);
    expect(periodIndex('2025-01-15', 'quarter') - periodIndex('2024-11-30', 'quarter')).toBe(1);
    expect(periodIndex('2024-12-30', 'week') - periodIndex('2024-12-29', 'week')).toBe(1); // Sunday → Monday
    expect(periodIndex('2025-01-05', 'week')).toBe(periodIndex('2024-12-30', 'week'));
    expect(periodIndex('2025-03-01', 'day') - periodIndex('2025-02-28', 'day')).toBe(1);
    for (const grain of ['day', 'week', 'month', 'quarter', 'year'] as const) {
      const i = periodIndex('2024-12-30', grain);
      expect(periodIndex(periodStart(i, grain), grain)).toBe(i);
      expect(periodIndex(periodStart(i + 1, grain), grain)).toBe(i + 1);
    }
    expect(periodStart(periodIndex('2024-12-31', 'week'), 'week')).toBe('2024-12-30');
    expect(periodStart(periodIndex('2024-12-31', 'month'), 'month')).toBe('2024-12-01');
    expect(() => periodIndex('not a date', 'day')).toThrow(RangeError);
  });

  it('projects a monthly series onto future month dates', () => {
    const dates = ['2024-10-01', '2024-11-01', '2024-12-01'];
    const pts = dates.map((d, i) => ({ x: periodIndex(d, 'month'), y: 100 + 10 * i }));
    const out = projectTrend(pts, 2);
    expect(out.map((p) => periodStart(p.x, 'month'))).toEqual(nextPeriods('2024-12-01', 'month', 2));
    expect(out.map((p) => Math.round(p.y))).toEqual([130, 140]);
  });
});
