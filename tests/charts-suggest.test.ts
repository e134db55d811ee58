import { describe, expect, it } from 'vitest';
import { validateSpec } from '@/lib/charts/spec';
import { compatibleKinds, inferFormat, suggestChart } from '@/lib/charts/suggest';
import { detectTime, inferGrain } from '@/lib/charts/time';
import type { Cell, QueryColumn } from '@/lib/warehouse/run';

type Shape = { columns: QueryColumn[]; rows: Cell[][] };
const shape = (columns: [string, string][], rows: Cell[][]): Shape => ({
  columns: columns.map(([name, type]) => ({ name, type })),
  rows,
});

/** Every suggestion must also pass the validator it will be checked with. */
function suggest(result: Shape, question?: string) {
  const spec = suggestChart(result, question);
  expect(validateSpec(spec, result.columns)).toEqual(spec);
  return spec;
}

const REGIONS = ['North America', 'Europe', 'Asia Pacific', 'Latin America', 'Middle East & Africa'];
const CHANNELS = ['Web', 'Mobile App', 'Marketplace', 'Retail Store'];
const months = (from: string, n: number) => {
  const [y, m] = from.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    return d.toISOString().slice(0, 10);
  });
};

describe('suggestChart on the sample warehouse', () => {
  it('count of orders → kpi', () => {
    expect(suggest(shape([['count', 'bigint']], [[48213]]))).toEqual({ kind: 'kpi', y: ['count'], format: 'number' });
  });

  it('total revenue with the previous period → kpi with a delta, currency', () => {
    const spec = suggest(shape([['revenue', 'numeric'], ['prev_revenue', 'numeric']], [[1200.5, 1000]]));
    expect(spec).toMatchObject({ kind: 'kpi', y: ['revenue'], previous: 'prev_revenue', format: 'currency' });
    const reversed = suggest(shape([['revenue_last_month', 'numeric'], ['revenue_this_month', 'numeric']], [[9, 12]]));
    expect(reversed).toMatchObject({ kind: 'kpi', y: ['revenue_this_month'], previous: 'revenue_last_month' });
  });

  it('two unrelated numbers in one row → table', () => {
    expect(suggest(shape([['orders', 'bigint'], ['customers', 'bigint']], [[10, 4]])).kind).toBe('table');
  });

  it('revenue by month (date column) → line with grain month', () => {
    const rows = months('2024-01', 18).map((d, i) => [d, 100_000 + i * 1234.5]);
    const spec = suggest(shape([['month', 'date'], ['revenue', 'numeric']], rows));
    expect(spec).toMatchObject({ kind: 'line', x: 'month', y: ['revenue'], grain: 'month', format: 'currency', sort: 'x-asc' });
  });

  it('revenue by month from date_trunc (timestamptz, non-UTC session) → line, month', () => {
    // date_trunc in Europe/Berlin arrives as 23:00Z / 22:00Z the day before.
    const rows = months('2024-01', 12).map((d, i) => {
      const ms = Date.parse(`${d}T00:00:00Z`) - (i >= 3 && i < 10 ? 2 : 1) * 3_600_000;
      return [new Date(ms).toISOString(), 5000 + i];
    });
    const spec = suggest(shape([['order_month', 'timestamptz'], ['revenue', 'numeric']], rows));
    expect(spec).toMatchObject({ kind: 'line', grain: 'month' });
  });

  it('text months, quarters, weeks, days and integer years → line with the right grain', () => {
    const grain = (name: string, type: string, values: Cell[]) =>
      suggest(shape([[name, type], ['orders', 'bigint']], values.map((v, i) => [v, 10 + i]))).grain;
    expect(grain('month', 'text', ['2024-11', '2024-12', '2025-01'])).toBe('month');
    expect(grain('quarter', 'text', ['2024-Q3', '2024-Q4', '2025-Q1'])).toBe('quarter');
    expect(grain('year', 'integer', [2023, 2024, 2025])).toBe('year');
    expect(grain('year', 'double precision', [2023, 2024, 2025])).toBe('year');
    expect(grain('week', 'date', ['2024-12-23', '2024-12-30', '2025-01-06', '2025-01-20'])).toBe('week');
    expect(grain('day', 'date', ['2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06'])).toBe('day');
    expect(grain('quarter_start', 'date', ['2024-01-01', '2024-04-01', '2024-07-01', '2024-10-01'])).toBe('quarter');
    expect(grain('month_end', 'date', ['2024-01-31', '2024-02-29', '2024-03-31'])).toBe('month');
    expect(grain('created_at', 'timestamptz', ['2025-01-01T10:15:00.000Z', '2025-01-01T11:20:00.000Z', '2025-01-02T08:00:00.000Z'])).toBeUndefined();
  });

  it('revenue by region (5 values) → bar', () => {
    const rows = REGIONS.map((r, i) => [r, 500_000 - i * 70_000]);
    const spec = suggest(shape([['region', 'text'], ['revenue', 'numeric']], rows));
    expect(spec).toMatchObject({ kind: 'bar', x: 'region', y: ['revenue'], format: 'currency', sort: 'none' });
  });

  it('an unordered category result is sorted largest first', () => {
    const rows = REGIONS.map((r, i) => [r, [3, 9, 1, 7, 5][i]!]);
    expect(suggest(shape([['region', 'text'], ['orders', 'bigint']], rows))).toMatchObject({ kind: 'bar', sort: 'y-desc', format: 'number' });
  });

  it('revenue by product name, top 20 (long names) → horizontal-bar', () => {
    const names = ['Voltra Pro Headphones', 'Nimbus Ultra Blender', 'Cascade Classic Backpack', 'Orbit Smart Watch'];
    const rows = Array.from({ length: 20 }, (_, i) => [i + 1, `${names[i % 4]} ${i + 1}`, 90_000 - i * 3000]);
    const spec = suggest(shape([['product_id', 'integer'], ['product_name', 'text'], ['revenue', 'numeric']], rows));
    expect(spec).toMatchObject({ kind: 'horizontal-bar', x: 'product_name', y: ['revenue'], format: 'currency' });
  });

  it('region × channel × revenue → stacked-bar with series', () => {
    const rows = REGIONS.flatMap((r, i) => CHANNELS.map((c, j) => [r, c, 1000 * (i + 1) + j]));
    const spec = suggest(shape([['region', 'text'], ['channel', 'text'], ['revenue', 'numeric']], rows));
    expect(spec).toMatchObject({ kind: 'stacked-bar', x: 'region', y: ['revenue'], series: 'channel' });
  });

  it('"share of revenue by channel" (4 values) → pie', () => {
    const rows = CHANNELS.map((c, i) => [c, [4.1e6, 2.9e6, 1.8e6, 1.1e6][i]!]);
    const result = shape([['channel', 'text'], ['revenue', 'numeric']], rows);
    expect(suggest(result, 'share of revenue by channel')).toMatchObject({ kind: 'pie', x: 'channel', y: ['revenue'], donut: true });
    expect(suggest(result, '各渠道收入占比')).toMatchObject({ kind: 'pie' });
    expect(suggest(result, 'revenue by channel').kind).toBe('bar');
  });

  it('a part-of-whole question over many categories stays a bar', () => {
    const rows = Array.from({ length: 7 }, (_, i) => [`C${i}`, i + 1]);
    expect(suggest(shape([['category', 'text'], ['revenue', 'numeric']], rows), 'revenue breakdown by category').kind).not.toBe('pie');
  });

  it('likes vs shares per post → scatter', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [1000 + i, (i * 37) % 500, (i * 11) % 90]);
    const spec = suggest(shape([['post_id', 'bigint'], ['likes', 'integer'], ['shares', 'integer']], rows));
    expect(spec).toMatchObject({ kind: 'scatter', x: 'likes', y: ['shares'], label: 'post_id', format: 'number' });
  });

  it('likes vs shares by platform (repeated categories) → scatter coloured by platform', () => {
    const platforms = ['TikTok', 'Reddit', 'Instagram'];
    const rows = Array.from({ length: 60 }, (_, i) => [platforms[i % 3]!, (i * 37) % 500, (i * 11) % 90]);
    const spec = suggest(shape([['platform', 'text'], ['likes', 'integer'], ['shares', 'integer']], rows));
    expect(spec).toMatchObject({ kind: 'scatter', x: 'likes', y: ['shares'], series: 'platform' });
  });

  it('a 10-column customer list → table', () => {
    const columns: [string, string][] = [
      ['customer_id', 'integer'], ['name', 'text'], ['email', 'text'], ['region', 'text'], ['country', 'text'],
      ['segment', 'text'], ['signup_date', 'date'], ['orders', 'bigint'], ['lifetime_revenue', 'numeric'], ['last_order', 'date'],
    ];
    const rows = Array.from({ length: 50 }, (_, i) => [
      i + 1, `Customer ${i}`, `c${i}@example.com`, REGIONS[i % 5]!, 'US', 'Consumer', '2024-01-01', i, i * 10.5, '2025-01-01',
    ]);
    expect(suggest(shape(columns, rows)).kind).toBe('table');
  });

  it("Chinook: invoices total by billing_country (24 countries) → bar or horizontal-bar", () => {
    const countries = [
      'USA', 'Canada', 'France', 'Brazil', 'Germany', 'United Kingdom', 'Czech Republic', 'Portugal', 'India', 'Chile',
      'Ireland', 'Hungary', 'Austria', 'Finland', 'Netherlands', 'Norway', 'Sweden', 'Spain', 'Poland', 'Italy',
      'Denmark', 'Belgium', 'Australia', 'Argentina',
    ];
    const rows = countries.map((c, i) => [c, Math.round((523.06 - i * 15.3) * 100) / 100]);
    const spec = suggest(shape([['billing_country', 'character varying'], ['total', 'numeric']], rows));
    expect(['bar', 'horizontal-bar']).toContain(spec.kind);
    expect(spec).toMatchObject({ x: 'billing_country', y: ['total'] });
  });

  it("Northwind: product unit_price and units_in_stock → scatter", () => {
    const rows = Array.from({ length: 77 }, (_, i) => [i + 1, `Product ${String.fromCharCode(65 + (i % 26))}${i}`, 5 + ((i * 7.25) % 260), (i * 13) % 125]);
    const spec = suggest(
      shape([['product_id', 'smallint'], ['product_name', 'character varying'], ['unit_price', 'real'], ['units_in_stock', 'smallint']], rows),
    );
    expect(spec).toMatchObject({ kind: 'scatter', x: 'unit_price', y: ['units_in_stock'], label: 'product_name', xFormat: 'currency', format: 'number' });
  });

  it('revenue by month and channel → line with series', () => {
    const rows = months('2024-01', 6).flatMap((d, i) => CHANNELS.map((c, j) => [d, c, 100 * i + j]));
    expect(suggest(shape([['month', 'date'], ['channel', 'text'], ['revenue', 'numeric']], rows))).toMatchObject({
      kind: 'line',
      x: 'month',
      series: 'channel',
      grain: 'month',
    });
  });

  it('year × month number → one line per year', () => {
    const rows = [2024, 2025].flatMap((y) => Array.from({ length: 12 }, (_, m) => [y, m + 1, 100 + m]));
    expect(suggest(shape([['year', 'integer'], ['month', 'integer'], ['orders', 'bigint']], rows))).toMatchObject({
      kind: 'line',
      x: 'month',
      series: 'year',
      sort: 'x-asc',
    });
  });

  it('orders by month number (1..12) → bar in month order, not a scatter', () => {
    const rows = Array.from({ length: 12 }, (_, m) => [m + 1, [5, 3, 8, 1, 9, 2, 7, 4, 6, 0, 11, 10][m]!]);
    expect(suggest(shape([['order_month', 'integer'], ['orders', 'bigint']], rows))).toMatchObject({
      kind: 'bar',
      x: 'order_month',
      sort: 'x-asc',
    });
  });

  it('no rows, no measures or only keys → table', () => {
    expect(suggest(shape([['region', 'text'], ['revenue', 'numeric']], [])).kind).toBe('table');
    expect(suggest(shape([['region', 'text'], ['country', 'text']], [['Europe', 'France']])).kind).toBe('table');
    expect(suggest(shape([['customer_id', 'integer']], [[1], [2]])).kind).toBe('table');
    expect(suggestChart({ columns: [], rows: [] }).kind).toBe('table');
  });

  it('duration columns (days_to_ship) are measures, not date parts', () => {
    const rows = REGIONS.map((r, i) => [r, 3 + i]);
    expect(suggest(shape([['region', 'text'], ['days_to_ship', 'integer']], rows)).kind).toBe('bar');
  });
});

describe('formats', () => {
  it('currency by name, percent by name and range', () => {
    expect(inferFormat('revenue', [1])).toBe('currency');
    expect(inferFormat('total_sales', [1])).toBe('currency');
    expect(inferFormat('UnitPrice', [1])).toBe('currency');
    expect(inferFormat('refund_amount', [1])).toBe('currency');
    expect(inferFormat('销售额', [1])).toBe('currency');
    expect(inferFormat('sales_count', [1])).toBe('number');
    expect(inferFormat('return_rate', [0.02, 0.4])).toBe('percent');
    expect(inferFormat('pct_returned', [2, 40])).toBe('percent');
    expect(inferFormat('revenue_share', [0.2, 0.8])).toBe('percent');
    expect(inferFormat('conversion_rate', [120, 3])).toBe('number');
    expect(inferFormat('shares', [3, 40])).toBe('number');
    expect(inferFormat('退货率', [0.1])).toBe('percent');
    expect(inferFormat('likes', [1])).toBe('number');
  });
});

describe('compatibleKinds', () => {
  it('offers time kinds for a time axis, category kinds otherwise', () => {
    const time = shape([['month', 'date'], ['revenue', 'numeric']], months('2024-01', 4).map((d) => [d, 1]));
    expect(compatibleKinds(suggestChart(time), time)).toEqual(['line', 'area', 'bar', 'table']);
    const cats = shape([['channel', 'text'], ['revenue', 'numeric']], CHANNELS.map((c) => [c, 2]));
    expect(compatibleKinds(suggestChart(cats), cats)).toEqual(['bar', 'horizontal-bar', 'pie', 'table']);
    const stacked = shape([['region', 'text'], ['channel', 'text'], ['revenue', 'numeric']], REGIONS.flatMap((r) => CHANNELS.map((c) => [r, c, 1])));
    expect(compatibleKinds(suggestChart(stacked), stacked)).toEqual(['bar', 'horizontal-bar', 'stacked-bar', 'table']);
    const kpi = shape([['n', 'bigint']], [[3]]);
    expect(compatibleKinds(suggestChart(kpi), kpi)).toEqual(['kpi', 'table']);
  });

  it('never offers a pie for negative values', () => {
    const cats = shape([['channel', 'text'], ['profit', 'numeric']], CHANNELS.map((c, i) => [c, i - 1]));
    expect(compatibleKinds(suggestChart(cats), cats)).not.toContain('pie');
  });
});

describe('time detection', () => {
  it('needs a date type, ISO text, or a date-like name', () => {
    expect(detectTime({ name: 'label', type: 'text' }, ['2024-01-01', '2024-02-01'])).not.toBeNull();
    expect(detectTime({ name: 'label', type: 'text' }, ['2024', '2025'])).toBeNull();
    expect(detectTime({ name: 'fiscal_year', type: 'text' }, ['2024', '2025'])?.grain).toBe('year');
    expect(detectTime({ name: 'lifetime_value', type: 'integer' }, [1500, 2300])).toBeNull();
    expect(detectTime({ name: 'month', type: 'text' }, ['Jan', 'Feb'])).toBeNull();
    expect(detectTime({ name: '月份', type: 'text' }, ['2024年1月', '2024年2月'])?.grain).toBe('month');
  });

  it('infers grains from spacing and alignment', () => {
    const d = (s: string) => Date.parse(`${s}T00:00:00Z`);
    expect(inferGrain([d('2024-01-01'), d('2025-01-01'), d('2026-01-01')])).toBe('year');
    expect(inferGrain([d('2024-01-01'), d('2024-03-01'), d('2024-04-01')])).toBe('month'); // a missing month
    expect(inferGrain([d('2024-01-01')])).toBeUndefined();
  });
});
