import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Chart } from '@/components/answer/chart';
import { buildChartData } from '@/lib/charts/data';
import { dateFormatters, valueFormatter } from '@/lib/charts/format';
import type { ChartSpec } from '@/lib/charts/spec';
import { suggestChart } from '@/lib/charts/suggest';
import type { QueryResult } from '@/lib/warehouse/run';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const result = (columns: [string, string][], rows: QueryResult['rows']): QueryResult => ({
  columns: columns.map(([name, type]) => ({ name, type })),
  rows,
  rowCount: rows.length,
  truncated: false,
  durationMs: 3,
});

function render(spec: ChartSpec, r: QueryResult, locale: 'en' | 'zh' = 'en') {
  return renderToString(
    createElement(NextIntlClientProvider, {
      locale,
      messages: locale === 'en' ? en : zh,
      timeZone: 'UTC',
      children: createElement(Chart, { spec, result: r }),
    }),
  );
}

const LABELS = { other: 'Other', empty: '(empty)', single: 'value', projection: (n: string) => (n ? `${n} (projection)` : 'projection'), period: () => (ms: number) => `period ${new Date(ms).toISOString().slice(0, 10)}` };
const monthly = result(
  [['month', 'date'], ['revenue', 'numeric']],
  ['2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01'].map((d, i) => [d, 100 + 10 * i]),
);

describe('Chart (server render)', () => {
  it('renders a KPI with its delta, formatted in the locale', () => {
    const r = result([['revenue', 'numeric'], ['prev_revenue', 'numeric']], [[1234.5, 1000]]);
    const html = render(suggestChart(r), r);
    expect(html).toContain('data-testid="chart"');
    expect(html).toContain('$1,234.50');
    expect(html).toContain('Up +$234.50 (+23.5%)');
    expect(html).toContain('data-testid="chart-kind-table"');
    expect(render(suggestChart(r), r, 'zh')).toContain('上升');
  });

  it('names whose number a KPI is when its row says', () => {
    const r = result([['name', 'text'], ['amount spent', 'numeric']], [['James Thomas', 85894.32]]);
    expect(suggestChart(r).kind).toBe('kpi');
    expect(render(suggestChart(r), r)).toMatch(/amount spent<span[^>]*data-testid="kpi-subject"[^>]*> · <!-- -->James Thomas<\/span>/);
    const day = result([['day', 'date'], ['orders', 'bigint']], [['2024-03-05', 42]]);
    expect(render(suggestChart(day), day)).toContain('Mar 5, 2024');
    const count = result([['n', 'bigint']], [[19971]]);
    expect(render(suggestChart(count), count)).not.toContain('kpi-subject');
  });

  it('renders the switcher, trend toggle and accessible label for a time series', () => {
    const html = render(suggestChart(monthly), monthly);
    for (const k of ['line', 'area', 'bar', 'table']) expect(html).toContain(`data-testid="chart-kind-${k}"`);
    expect(html).toContain('data-testid="trend-toggle"');
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Line chart of revenue by month"');
    expect(html).toMatch(/aria-pressed="true"[^>]*data-testid="chart-kind-line"/);
  });

  it('renders nothing for a table-only result', () => {
    const r = result([['name', 'text'], ['email', 'text']], [['a', 'b']]);
    expect(render(suggestChart(r), r)).toBe('');
  });

  it('escapes whatever text the spec or data carry', () => {
    const r = result([['region', 'text'], ['revenue', 'numeric']], [['<img src=x onerror=alert(1)>', 1], ['b', 2]]);
    const html = render({ kind: 'bar', x: 'region', y: ['revenue'], format: 'number', title: '<script>alert(1)</script>' }, r);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('buildChartData', () => {
  it('pivots long-format series and folds small ones into Other', () => {
    const names = Array.from({ length: 10 }, (_, i) => `S${i}`);
    const r = result(
      [['region', 'text'], ['channel', 'text'], ['revenue', 'numeric']],
      ['A', 'B'].flatMap((x) => names.map((s, i) => [x, s, 100 - i])),
    );
    const data = buildChartData({ kind: 'stacked-bar', x: 'region', y: ['revenue'], series: 'channel', format: 'number' }, r, { labels: LABELS });
    expect(data.series.map((s) => s.name)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'Other']);
    expect(data.rows[0]).toMatchObject({ x: 'A', v0: 100, v7: 93 + 92 + 91 });
    expect(data.folded).toBe(true);
  });

  it('sorts time ascending and appends a dashed projection', () => {
    const reversed = result([['month', 'date'], ['revenue', 'numeric']], [...monthly.rows].reverse());
    const data = buildChartData({ kind: 'line', x: 'month', y: ['revenue'], grain: 'month', format: 'currency' }, reversed, { trend: true, labels: LABELS });
    expect(data.trendAvailable).toBe(true);
    const iso = data.rows.map((d) => new Date(d.x as number).toISOString().slice(0, 10));
    expect(iso).toEqual(['2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01', '2025-02-01', '2025-03-01', '2025-04-01']);
    expect(data.rows.map((d) => d.p0 ?? null)).toEqual([null, null, null, 130, 140, 150, 160].map((v) => v));
    expect(data.series.at(-1)).toMatchObject({ key: 'p0', name: 'projection', projection: true });
  });

  it('gives scatter groups with labels', () => {
    const r = result([['post_id', 'bigint'], ['likes', 'integer'], ['shares', 'integer']], [[1, 10, 2], [2, 20, null], [3, 30, 6]]);
    const data = buildChartData({ kind: 'scatter', x: 'likes', y: ['shares'], label: 'post_id', format: 'number' }, r, { labels: LABELS });
    expect(data.groups).toHaveLength(1);
    expect(data.groups[0]!.points).toEqual([
      { x: 10, y: 2, label: '1' },
      { x: 30, y: 6, label: '3' },
    ]);
  });
});

describe('periods side by side', () => {
  const periods = result(
    [['year', 'date'], ['channel', 'text'], ['orders', 'bigint']],
    [['2025-01-01', 'Web', 3300], ['2025-01-01', 'App', 2900], ['2024-01-01', 'Web', 2700], ['2024-01-01', 'App', 1600]],
  );

  it('are bars per category with a bar per period, named by the period in time order', () => {
    const spec = suggestChart(periods);
    expect(spec).toMatchObject({ kind: 'bar', x: 'channel', series: 'year' });
    const data = buildChartData(spec, periods, { labels: LABELS });
    expect(data.series.map((s) => s.name)).toEqual(['period 2024-01-01', 'period 2025-01-01']);
    expect(data.rows).toEqual([{ x: 'Web', v0: 2700, v1: 3300 }, { x: 'App', v0: 1600, v1: 2900 }]);
  });

  it('stay a line over time when there are more than three', () => {
    const years = result(
      [['year', 'date'], ['channel', 'text'], ['orders', 'bigint']],
      ['2022', '2023', '2024', '2025'].flatMap((y) => [[`${y}-01-01`, 'Web', 1], [`${y}-01-01`, 'App', 2]]),
    );
    expect(suggestChart(years)).toMatchObject({ kind: 'line', x: 'year', series: 'channel' });
  });
});

describe('formatters', () => {
  it('formats numbers, currency and percent per locale', () => {
    expect(valueFormatter('currency', 'en', { compact: true })(1_250_000)).toBe('$1.3M');
    expect(valueFormatter('number', 'zh', { compact: true })(125_000)).toBe('12.5万');
    expect(valueFormatter('percent', 'en')(0.256)).toBe('25.6%');
    expect(valueFormatter('percent', 'en', { percentScale: 100 })(25.6)).toBe('25.6%');
    expect(valueFormatter('currency', 'en', { currency: 'EUR' })(3)).toBe('€3.00');
  });

  it('formats dates per grain', () => {
    const labels = { quarter: (q: number, y: number) => `Q${q} ${y}`, week: (d: string) => `Week of ${d}` };
    const ms = Date.parse('2024-12-30T00:00:00Z');
    expect(dateFormatters('quarter', 'en', labels).full(ms)).toBe('Q4 2024');
    expect(dateFormatters('month', 'en', labels).full(ms)).toBe('December 2024');
    expect(dateFormatters('year', 'en', labels).short(ms)).toBe('2024');
    expect(dateFormatters('week', 'en', labels).full(ms)).toBe('Week of Dec 30, 2024');
    expect(dateFormatters('month', 'zh', labels).full(ms)).toBe('2024年12月');
  });
});
