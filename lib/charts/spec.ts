import { z } from 'zod';
import { isNumericType, isTemporalType, normalizeType } from '@/lib/format';
import type { QueryColumn } from '@/lib/warehouse/run';

/**
 * A chart is data, never code: a ChartSpec names columns of a query result and how to draw them,
 * and only our components render it. Specs proposed by a model go through `validateSpec`.
 */

export const CHART_KINDS = ['kpi', 'bar', 'horizontal-bar', 'stacked-bar', 'line', 'area', 'pie', 'scatter', 'table'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export const TIME_GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TimeGrain = (typeof TIME_GRAINS)[number];

export const VALUE_FORMATS = ['number', 'currency', 'percent'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

export const SORT_ORDERS = ['x-asc', 'y-desc', 'none'] as const;

/** Kinds drawn on an x axis of categories or time. */
const AXIS_KINDS: ReadonlySet<ChartKind> = new Set(['bar', 'horizontal-bar', 'stacked-bar', 'line', 'area', 'pie', 'scatter']);

/** Postgres result column names are at most 63 bytes; leave room for multibyte characters. */
const columnName = z.string().trim().min(1).max(128);

export const chartSpecSchema = z
  .object({
    kind: z.enum(CHART_KINDS).describe('How to draw the result; "table" shows the table only.'),
    x: columnName.optional().describe('Column on the x axis (categories or time); for scatter, a numeric column.'),
    y: z.array(columnName).min(1).max(8).describe('Numeric column(s) to plot; kpi and pie take exactly one.'),
    series: columnName.optional().describe('Column whose values split one measure into series (long format).'),
    previous: columnName.optional().describe('kpi only: numeric column holding the previous value, for a delta.'),
    label: columnName.optional().describe('scatter only: column naming each point in tooltips.'),
    sort: z.enum(SORT_ORDERS).optional(),
    format: z.enum(VALUE_FORMATS).default('number').describe('How y values are shown.'),
    xFormat: z.enum(VALUE_FORMATS).optional().describe('scatter only: how x values are shown.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .describe('ISO 4217 code for the currency format; USD when omitted.'),
    grain: z.enum(TIME_GRAINS).optional().describe('Time grain of the x values, when x is a date.'),
    donut: z.boolean().optional().describe('pie only: draw a ring.'),
    title: z.string().trim().max(120).optional(),
  })
  .superRefine((spec, ctx) => {
    const issue = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (AXIS_KINDS.has(spec.kind) && !spec.x) issue(`a ${spec.kind} chart needs x`, 'x');
    if ((spec.kind === 'kpi' || spec.kind === 'pie') && spec.y.length !== 1) issue(`a ${spec.kind} takes exactly one y`, 'y');
    if ((spec.kind === 'kpi' || spec.kind === 'pie' || spec.kind === 'table') && spec.series) issue(`a ${spec.kind} has no series`, 'series');
    if (spec.series && spec.y.length !== 1) issue('series split exactly one y column', 'series');
    if (spec.series && spec.series === spec.x) issue('series must differ from x', 'series');
    if (spec.x && spec.y.includes(spec.x)) issue('x must not also be a y column', 'x');
    if (new Set(spec.y).size !== spec.y.length) issue('y columns must be distinct', 'y');
    if (spec.previous && spec.kind !== 'kpi') issue('previous is for kpi only', 'previous');
  });

export type ChartSpec = z.infer<typeof chartSpecSchema>;
/** What a model (or a person) may write: `format` is optional before parsing. */
export type ChartSpecInput = z.input<typeof chartSpecSchema>;

/** Postgres date and timestamp types: points in time (`time` and `interval` are not). */
export function isPointInTimeType(type: string): boolean {
  return isTemporalType(type) && !/^time(tz)?( with(out)? time zone)?$/.test(normalizeType(type));
}

/**
 * The spec, parsed and checked against the result's columns, or null when it cannot be drawn
 * from them (unknown column, non-numeric y, ...). Callers fall back to `suggestChart` silently.
 */
export function validateSpec(spec: unknown, columns: QueryColumn[]): ChartSpec | null {
  const parsed = chartSpecSchema.safeParse(spec);
  if (!parsed.success) return null;
  const s = parsed.data;
  const types = new Map<string, string>();
  for (const c of columns) if (!types.has(c.name)) types.set(c.name, c.type);
  const exists = (name: string | undefined) => name === undefined || types.has(name);
  const numeric = (name: string | undefined) => name === undefined || isNumericType(types.get(name) ?? '');

  if (![s.x, s.series, s.label, s.previous, ...s.y].every(exists)) return null;
  if (s.kind === 'table') return s;
  if (!s.y.every(numeric) || !numeric(s.previous)) return null;
  if (s.kind === 'scatter' && !numeric(s.x)) return null;
  if (s.x !== undefined && types.get(s.x)?.trim().endsWith('[]')) return null;
  return s;
}
