import { describe, expect, it } from 'vitest';
import { chartSpecSchema, isPointInTimeType, validateSpec } from '@/lib/charts/spec';
import { isNumericType } from '@/lib/format';
import type { QueryColumn } from '@/lib/warehouse/run';

const columns: QueryColumn[] = [
  { name: 'month', type: 'date' },
  { name: 'region', type: 'text' },
  { name: 'channel', type: 'character varying' },
  { name: 'revenue', type: 'numeric' },
  { name: 'orders', type: 'bigint' },
  { name: 'prev_revenue', type: 'numeric(12,2)' },
  { name: 'payload', type: 'jsonb' },
];

describe('chartSpecSchema', () => {
  it('parses a minimal spec and defaults the format', () => {
    const spec = chartSpecSchema.parse({ kind: 'bar', x: 'region', y: ['revenue'] });
    expect(spec).toEqual({ kind: 'bar', x: 'region', y: ['revenue'], format: 'number' });
  });

  it('rejects unknown kinds, empty y, long titles and bad enums', () => {
    expect(chartSpecSchema.safeParse({ kind: 'radar', x: 'region', y: ['revenue'] }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'bar', x: 'region', y: [] }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'bar', x: 'region', y: ['revenue'], title: 'x'.repeat(121) }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'bar', x: 'region', y: ['revenue'], title: 'x'.repeat(120) }).success).toBe(true);
    expect(chartSpecSchema.safeParse({ kind: 'line', x: 'month', y: ['revenue'], grain: 'hour' }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'line', x: 'month', y: ['revenue'], sort: 'random' }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'line', x: 'month', y: ['revenue'], format: 'html' }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'bar', x: 'region', y: ['revenue'], currency: 'usd' }).success).toBe(false);
    expect(chartSpecSchema.safeParse(null).success).toBe(false);
    expect(chartSpecSchema.safeParse('bar').success).toBe(false);
  });

  it('enforces the shape of each kind', () => {
    expect(chartSpecSchema.safeParse({ kind: 'bar', y: ['revenue'] }).success).toBe(false); // no x
    expect(chartSpecSchema.safeParse({ kind: 'kpi', y: ['revenue', 'orders'] }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'pie', x: 'region', y: ['revenue', 'orders'] }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'pie', x: 'region', y: ['revenue'], series: 'channel' }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'line', x: 'month', y: ['revenue', 'orders'], series: 'region' }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'bar', x: 'region', y: ['region'] }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'bar', x: 'region', y: ['revenue'], series: 'region' }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'bar', x: 'region', y: ['revenue'], previous: 'prev_revenue' }).success).toBe(false);
    expect(chartSpecSchema.safeParse({ kind: 'kpi', y: ['revenue'], previous: 'prev_revenue' }).success).toBe(true);
    expect(chartSpecSchema.safeParse({ kind: 'table', y: ['region'] }).success).toBe(true);
  });

  it('strips keys it does not know (nothing else reaches the renderer)', () => {
    const spec = chartSpecSchema.parse({ kind: 'bar', x: 'region', y: ['revenue'], onClick: 'alert(1)', html: '<b>' });
    expect(spec).not.toHaveProperty('onClick');
    expect(spec).not.toHaveProperty('html');
  });
});

describe('validateSpec', () => {
  it('accepts specs that match the result', () => {
    expect(validateSpec({ kind: 'line', x: 'month', y: ['revenue'], grain: 'month', format: 'currency' }, columns)).toMatchObject({
      kind: 'line',
      grain: 'month',
    });
    expect(validateSpec({ kind: 'stacked-bar', x: 'region', y: ['revenue'], series: 'channel' }, columns)).not.toBeNull();
    expect(validateSpec({ kind: 'bar', x: 'region', y: ['revenue', 'orders'] }, columns)).not.toBeNull();
    expect(validateSpec({ kind: 'kpi', y: ['revenue'], previous: 'prev_revenue' }, columns)).not.toBeNull();
    expect(validateSpec({ kind: 'scatter', x: 'orders', y: ['revenue'], label: 'region' }, columns)).not.toBeNull();
    expect(validateSpec({ kind: 'pie', x: 'channel', y: ['revenue'], donut: true }, columns)).not.toBeNull();
    expect(validateSpec({ kind: 'table', y: ['region', 'payload'] }, columns)).not.toBeNull();
  });

  it('returns null when a referenced column is missing', () => {
    expect(validateSpec({ kind: 'bar', x: 'country', y: ['revenue'] }, columns)).toBeNull();
    expect(validateSpec({ kind: 'bar', x: 'region', y: ['revenue', 'profit'] }, columns)).toBeNull();
    expect(validateSpec({ kind: 'line', x: 'month', y: ['revenue'], series: 'segment' }, columns)).toBeNull();
    expect(validateSpec({ kind: 'kpi', y: ['revenue'], previous: 'last_year' }, columns)).toBeNull();
    expect(validateSpec({ kind: 'scatter', x: 'orders', y: ['revenue'], label: 'name' }, columns)).toBeNull();
    expect(validateSpec({ kind: 'table', y: ['nope'] }, columns)).toBeNull();
    // Names are exact: no case folding, no trimming tricks beyond zod's trim.
    expect(validateSpec({ kind: 'bar', x: 'Region', y: ['revenue'] }, columns)).toBeNull();
  });

  it('returns null for wrong types', () => {
    expect(validateSpec({ kind: 'bar', x: 'region', y: ['channel'] }, columns)).toBeNull(); // text y
    expect(validateSpec({ kind: 'line', x: 'revenue', y: ['month'] }, columns)).toBeNull(); // date y
    expect(validateSpec({ kind: 'kpi', y: ['region'] }, columns)).toBeNull();
    expect(validateSpec({ kind: 'kpi', y: ['revenue'], previous: 'month' }, columns)).toBeNull();
    expect(validateSpec({ kind: 'scatter', x: 'region', y: ['revenue'] }, columns)).toBeNull(); // scatter x must be numeric
    expect(validateSpec({ kind: 'pie', x: 'region', y: ['payload'] }, columns)).toBeNull();
  });

  it('returns null for anything that is not a spec', () => {
    expect(validateSpec(undefined, columns)).toBeNull();
    expect(validateSpec({}, columns)).toBeNull();
    expect(validateSpec({ kind: 'bar', x: 'region', y: 'revenue' }, columns)).toBeNull();
    expect(validateSpec({ kind: 'bar', x: 'region', y: ['revenue'] }, [])).toBeNull();
  });

  it('uses the first of duplicate column names', () => {
    const dup: QueryColumn[] = [
      { name: 'name', type: 'text' },
      { name: 'name', type: 'integer' },
      { name: 'total', type: 'integer' },
    ];
    expect(validateSpec({ kind: 'bar', x: 'name', y: ['total'] }, dup)).not.toBeNull();
    expect(validateSpec({ kind: 'bar', x: 'total', y: ['name'] }, dup)).toBeNull();
  });
});

describe('type helpers', () => {
  it('knows numeric and temporal Postgres types', () => {
    for (const t of ['bigint', 'integer', 'smallint', 'numeric', 'numeric(10,2)', 'double precision', 'real', 'int8']) {
      expect(isNumericType(t), t).toBe(true);
    }
    for (const t of ['text', 'money', 'integer[]', 'boolean', 'date', 'interval']) expect(isNumericType(t), t).toBe(false);
    for (const t of ['date', 'timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp(3) without time zone']) {
      expect(isPointInTimeType(t), t).toBe(true);
    }
    for (const t of ['time', 'interval', 'text', 'date[]']) expect(isPointInTimeType(t), t).toBe(false);
  });
});
