import type { Catalog, CatalogColumn, CatalogTable } from '@/lib/warehouse/catalog';
import { identifierWords, words as questionWords } from './lexicon';

export type Aggregate = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type MeasureValue =
  | { kind: 'rows' }
  | { kind: 'column'; column: string }
  | { kind: 'revenue'; quantity: string; price: string; discount?: string };
export type Measure = { fn: Aggregate; table: CatalogTable; value: MeasureValue; label: string };
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type Grouping =
  | { kind: 'column'; table: CatalogTable; column: string }
  | { kind: 'entity'; table: CatalogTable; key: string[]; label: string }
  | { kind: 'time'; table: CatalogTable; column: string; grain: Grain };
/** Rows whose `column` falls in [from, to): dates as bound parameters. */
export type TimeRange = { table: CatalogTable; column: string; from: string; to: string; label: string };
export type Plan = { measure: Measure; groupBy?: Grouping; range?: TimeRange; limit?: number };
export type Planned = { ok: true; plan: Plan } | { ok: false; understood: string[]; missing: string[] };

const NUMERIC = /^(smallint|integer|bigint|numeric|real|double precision|decimal)/;
const TEXTUAL = /^(text|character|citext|varchar)/;
const REVENUE_WORDS = ['revenue', 'sale', 'turnover', 'income'];
const AGGREGATE_WORDS: Record<string, Aggregate> = {
  total: 'sum', sum: 'sum', average: 'avg', avg: 'avg', mean: 'avg', maximum: 'max', max: 'max', highest: 'max',
  minimum: 'min', min: 'min', lowest: 'min',
};

const TEMPORAL = /^(date|timestamp)/;
const GRAIN_WORDS: Record<string, Grain> = {
  daily: 'day', day: 'day', weekly: 'week', week: 'week', monthly: 'month', month: 'month',
  quarterly: 'quarter', quarter: 'quarter', yearly: 'year', annual: 'year', annually: 'year', year: 'year',
};

const isNumeric = (c: CatalogColumn) => NUMERIC.test(c.type);
const isKey = (t: CatalogTable, c: CatalogColumn) =>
  t.primaryKey.includes(c.name) || t.foreignKeys.some((f) => f.columns.includes(c.name)) || /(^|_)id$/.test(c.name);

/** How well `name`'s words appear in `ws`: 1 when all do, 0.6 when its head (last) word does. */
function nameScore(name: string, ws: string[]): number {
  const parts = identifierWords(name);
  if (parts.every((p) => ws.includes(p))) return 1 + 0.1 * parts.length;
  return ws.includes(parts.at(-1)!) ? 0.6 : 0;
}

function bestTable(catalog: Catalog, ws: string[]): CatalogTable | undefined {
  let best: { table: CatalogTable; score: number } | undefined;
  for (const table of catalog.tables) {
    const score = nameScore(table.name, ws);
    if (score > (best?.score ?? 0)) best = { table, score };
  }
  return best?.table;
}

function revenueMeasure(catalog: Catalog): Omit<Measure, 'fn'> | undefined {
  for (const table of catalog.tables) {
    const find = (re: RegExp) => table.columns.find((c) => isNumeric(c) && re.test(c.name));
    const quantity = find(/^(quantity|qty|units?)$/);
    const price = find(/^(unit_?price|price)$/);
    if (!quantity || !price) continue;
    const discount = find(/^discount(_rate|_pct)?$/);
    return { table, label: 'revenue', value: { kind: 'revenue', quantity: quantity.name, price: price.name, discount: discount?.name } };
  }
  return undefined;
}

function columnMeasure(catalog: Catalog, ws: string[]): Omit<Measure, 'fn'> | undefined {
  let best: { measure: Omit<Measure, 'fn'>; score: number } | undefined;
  for (const table of catalog.tables) {
    for (const column of table.columns) {
      if (!isNumeric(column) || isKey(table, column)) continue;
      const parts = identifierWords(column.name);
      const score = parts.every((p) => ws.includes(p)) ? parts.length : 0;
      if (score > (best?.score ?? 0)) best = { measure: { table, label: column.name, value: { kind: 'column', column: column.name } }, score };
    }
  }
  return best?.measure;
}

function dimension(catalog: Catalog, ws: string[]): Grouping | undefined {
  for (const table of catalog.tables) {
    for (const column of table.columns) {
      if (!TEXTUAL.test(column.type) || isKey(table, column)) continue;
      if (identifierWords(column.name).every((p) => ws.includes(p))) return { kind: 'column', table, column: column.name };
    }
  }
  return undefined;
}

function entity(table: CatalogTable): Grouping | undefined {
  const label =
    table.columns.find((c) => TEXTUAL.test(c.type) && /^(name|title|.*_name)$/.test(c.name)) ??
    table.columns.find((c) => TEXTUAL.test(c.type));
  if (!label || table.primaryKey.length === 0) return undefined;
  return { kind: 'entity', table, key: table.primaryKey, label: label.name };
}

/** The date column that places a measure's rows in time: on its table, else on a parent's. */
function timeColumn(catalog: Catalog, base: CatalogTable): { table: CatalogTable; column: string } | undefined {
  const byId = new Map(catalog.tables.map((t) => [t.id, t]));
  const seen = new Set<string>();
  const queue = [base];
  while (queue.length) {
    const table = queue.shift()!;
    if (seen.has(table.id)) continue;
    seen.add(table.id);
    const column = table.columns.find((c) => TEMPORAL.test(c.type));
    if (column) return { table, column: column.name };
    // Only towards parents (many-to-one), so every row keeps exactly one date.
    for (const fk of table.foreignKeys) {
      const parent = byId.get(fk.table);
      if (parent) queue.push(parent);
    }
  }
  return undefined;
}

const after = (ws: string[], marker: string) => {
  const i = ws.indexOf(marker);
  return i < 0 ? [] : ws.slice(i + 1);
};

/** Question -> plan over the catalog, or what was and was not understood. */
export function planQuestion(question: string, catalog: Catalog): Planned {
  const ws = questionWords(question);
  const text = ws.join(' ');
  const topAt = ws.indexOf('top');
  const limit = topAt >= 0 && /^\d+$/.test(ws[topAt + 1] ?? '') ? Number(ws[topAt + 1]) : topAt >= 0 ? 10 : undefined;
  // "按地区统计订单数" reads "by region count orders": the grouping comes first.
  const leadingBy = ws[0] === 'by';
  const byWords = leadingBy ? ws.slice(1, 2) : ws.includes('by') ? after(ws, 'by') : after(ws, 'per');
  const subjectWords = leadingBy ? ws.slice(2) : byWords.length ? ws.slice(0, ws.length - byWords.length) : ws;
  const grain = Object.entries(GRAIN_WORDS).find(([w]) => ws.includes(w))?.[1];
  const year = /\b(19|20)\d{2}\b/.exec(question)?.[0];
  const counting = /\b(how many|number of|count)\b/.test(text);

  let measure: Measure | undefined;
  const fn = (Object.entries(AGGREGATE_WORDS).find(([w]) => ws.includes(w))?.[1] ?? 'sum') as Aggregate;
  const wantsRevenue = REVENUE_WORDS.some((w) => ws.includes(w));
  if (wantsRevenue) {
    const revenue = revenueMeasure(catalog);
    if (revenue) measure = { ...revenue, fn: fn === 'count' ? 'sum' : fn };
  } else if (counting) {
    const table = bestTable(catalog, topAt >= 0 ? subjectWords.slice(0, topAt) : subjectWords);
    if (table) measure = { fn: 'count', table, value: { kind: 'rows' }, label: table.name };
  } else {
    const column = columnMeasure(catalog, byWords.length ? subjectWords : ws);
    if (column) measure = { ...column, fn };
  }

  const when = measure && (grain || year) ? timeColumn(catalog, measure.table) : undefined;
  let groupBy: Grouping | undefined;
  if (grain && when) {
    groupBy = { kind: 'time', ...when, grain };
  } else if (topAt >= 0) {
    const rest = ws.slice(topAt + 1).filter((w) => !/^\d+$/.test(w));
    const head = rest.slice(0, Math.max(1, rest.indexOf('by')));
    const table = bestTable(catalog, head);
    groupBy = dimension(catalog, head) ?? (table && table !== measure?.table ? entity(table) : undefined);
  } else if (byWords.length) {
    groupBy = dimension(catalog, byWords) ?? (bestTable(catalog, byWords) && entity(bestTable(catalog, byWords)!));
  }

  const understood = [measure && `${measure.fn} of ${measure.label}`, groupBy && `grouped by ${groupLabel(groupBy)}`].filter(Boolean) as string[];
  const range = year && when ? { ...when, from: `${year}-01-01`, to: `${Number(year) + 1}-01-01`, label: year } : undefined;
  if (range) understood.push(`in ${year}`);
  const missing = [
    !measure && 'what to measure',
    (topAt >= 0 || byWords.length > 0) && !groupBy && 'what to group by',
    (grain || year) && measure && !when && 'which date to use',
  ].filter(Boolean) as string[];
  if (!measure || missing.length) return { ok: false, understood, missing };
  return { ok: true, plan: { measure, groupBy, range, limit: topAt >= 0 ? limit : undefined } };
}

export function groupLabel(g: Grouping): string {
  return g.kind === 'column' ? g.column : g.kind === 'time' ? g.grain : g.table.name;
}
