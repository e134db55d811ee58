import type { Catalog, CatalogTable } from '@/lib/warehouse/catalog';
import { graphOf, joinPath } from './link';
import type { Aggregate, Filter, Grouping, Measure, Plan } from './plan';

export type CompiledQuery = { sql: string; params: (string | number)[] };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const tableRef = (t: CatalogTable) => `${ident(t.schema)}.${ident(t.name)}`;

const aggregate = (fn: Aggregate, expr: string) => (fn === 'median' ? `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${expr})` : `${fn}(${expr})`);
const rounded = (fn: Aggregate, expr: string) => `round(${aggregate(fn, expr)}::numeric, 2)`;
/**
 * An aggregate of a stored number: averages and medians to two decimals, or to three significant
 * digits below 1, so that averages of fractions stay apart (0.0512 and 0.0487, not 0.05 for both).
 */
function ofColumn(fn: Aggregate, expr: string): string {
  if (fn !== 'avg' && fn !== 'median') return aggregate(fn, expr);
  const value = `${aggregate(fn, expr)}::numeric`;
  return `round(${value}, greatest(2, 2 - floor(log(nullif(abs(${value}), 0)))::int))`;
}

function measureSql(m: Measure, distinctKey: string | undefined): string {
  const col = (c: string) => `t0.${ident(c)}`;
  switch (m.value.kind) {
    case 'rows':
      return distinctKey ? `count(DISTINCT t0.${ident(distinctKey)})` : 'count(*)';
    case 'distinct':
      return `count(DISTINCT ${col(m.value.column)})`;
    case 'column':
      return ofColumn(m.fn, col(m.value.column));
    case 'rate': {
      const on = m.value.on.map(([c, own]) => `x.${ident(c)} = ${col(own)}`).join(' AND ');
      return `round(100.0 * count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${tableRef(m.value.child)} x WHERE ${on})) / nullif(count(*), 0), 2)`;
    }
    case 'revenue': {
      const { quantity, price, discount } = m.value;
      return rounded(m.fn, `${col(quantity)} * ${col(price)}${discount ? ` * (1 - ${col(discount)})` : ''}`);
    }
  }
}

/** What a grouping groups by, and the names it shows; an entity's key is grouped by but not shown. */
function dimensions(g: Grouping, at: (table: Grouping['table'], column: string) => string): { expr: string; name?: string }[] {
  if (g.kind === 'time') return [{ expr: `date_trunc('${g.grain}', ${at(g.table, g.column)})::date`, name: g.grain }];
  if (g.kind === 'column') return [{ expr: at(g.table, g.column), name: g.column }];
  return [...g.key.map((k) => ({ expr: at(g.table, k) })), ...g.labels.map((l) => ({ expr: at(g.table, l), name: l }))];
}

/** Plan -> one parameterized SELECT. Undefined when no join avoids double counting. */
export function compilePlan(plan: Plan, catalog: Catalog): CompiledQuery | undefined {
  const graph = graphOf(catalog);
  const { measure, groupBy, filters, range, limit } = plan;
  const base = measure.table;
  // Join along the shortest path to every table the plan needs, each table once.
  const alias = new Map<string, string>([[base.id, 't0']]);
  const joins: string[] = [];
  let fanned = false;
  const part = plan.part ?? [];
  for (const target of [...groupBy.map((g) => g.table), ...[...filters, ...part].map((f) => f.table), range?.table, measure.per]) {
    if (!target) continue;
    const path = joinPath(graph, base, target);
    if (!path) return undefined;
    for (const edge of path) {
      fanned ||= edge.fansOut;
      if (alias.has(edge.to.id)) continue;
      const from = alias.get(edge.from.id)!;
      const to = `t${alias.size}`;
      alias.set(edge.to.id, to);
      const on = edge.fromColumns.map((c, k) => `${to}.${ident(edge.toColumns[k]!)} = ${from}.${ident(c)}`).join(' AND ');
      joins.push(`JOIN ${tableRef(edge.to)} ${to} ON ${on}`);
    }
  }
  // Sums over a fanned-out join would count a row once per child: refuse rather than be wrong.
  if (fanned && measure.value.kind !== 'rows' && measure.value.kind !== 'distinct') return undefined;
  const distinctKey = fanned && measure.value.kind === 'rows' ? base.primaryKey[0] : undefined;
  if (fanned && measure.value.kind === 'rows' && base.primaryKey.length !== 1) return undefined;

  const params: (string | number)[] = [];
  const param = (value: string | number) => `$${params.push(value)}`;
  const at = (table: CatalogTable, column: string) => `${alias.get(table.id)}.${ident(column)}`;
  const condition = (f: Filter) =>
    Array.isArray(f.value)
      ? `${at(f.table, f.column)} ${f.op === 'in' ? 'IN' : 'NOT IN'} (${f.value.map(param).join(', ')})`
      : `${at(f.table, f.column)} ${f.op} ${param(f.value)}`;
  const where = filters.map(condition);
  if (range) where.push(`${at(range.table, range.column)} >= ${param(range.from)}::date`, `${at(range.table, range.column)} < ${param(range.to)}::date`);
  let from = [`FROM ${tableRef(base)} t0`, ...joins].join('\n') + (where.length ? `\nWHERE ${where.join('\n  AND ')}` : '');
  let value = measureSql(measure, distinctKey);
  let dims = groupBy.flatMap((g) => dimensions(g, at));
  if (measure.per) {
    // "Median order value": each order's total first, with what it is grouped by, then the median of those totals.
    const keys = measure.per.primaryKey.map((k) => at(measure.per!, k));
    const inner = [...dims.map((d, i) => `${d.expr} AS g${i}`), `${measureSql({ ...measure, fn: 'sum' }, undefined)} AS "value"`];
    from = `FROM (\nSELECT ${inner.join(', ')}\n${from}\nGROUP BY ${[...keys, ...dims.map((d) => d.expr)].join(', ')}\n) s`;
    dims = dims.map((d, i) => ({ ...d, expr: `s.g${i}` }));
    value = ofColumn(measure.fn, 's."value"');
  }
  const name = ident(measure.label);
  if (plan.part && groupBy.length === 0) {
    // The part counted among the whole, in one pass: the matching rows, all rows, and the percentage.
    const matching = `${value} FILTER (WHERE ${plan.part.map(condition).join(' AND ')})`;
    const share = `round(100.0 * ${matching} / nullif(${value}, 0), 2) AS ${ident('share_pct')}`;
    return { sql: `SELECT ${matching} AS ${ident('matching')}, ${value} AS ${name}, ${share}\n${from}`, params };
  }
  if (groupBy.length === 0) return { sql: `SELECT ${value} AS ${name}\n${from}`, params };

  const select = dims.flatMap((d) => (d.name ? [`${d.expr} AS ${ident(d.name)}`] : []));
  const group = dims.map((d) => d.expr);
  const labels = select.map((_, i) => String(i + 1));
  const time = groupBy[0]!.kind === 'time';
  let sql = `SELECT ${[...select, `${value} AS ${name}`].join(', ')}\n${from}\nGROUP BY ${group.join(', ')}`;
  if (plan.share || plan.growth) {
    const v = ident('value');
    sql = `SELECT ${[...select, `${value} AS ${v}`].join(', ')}\n${from}\nGROUP BY ${group.join(', ')}`;
    const cols = select.map((s) => s.slice(s.lastIndexOf(' AS ') + 4));
    // "Revenue growth by region": each region against its own previous period.
    const previous = `lag(${v}) OVER (${cols.length > 1 ? `PARTITION BY ${cols.slice(1).join(', ')} ` : ''}ORDER BY ${cols[0]})`;
    const extra = plan.growth
      ? `round(100.0 * (${v} - ${previous}) / nullif(${previous}, 0), 2) AS ${ident('growth_pct')}`
      : `round(100.0 * ${v} / nullif(sum(${v}) OVER (), 0), 2) AS ${ident('share_pct')}`;
    sql = `SELECT ${cols.join(', ')}, ${v} AS ${name}, ${extra}\nFROM (\n${sql}\n) s`;
  }
  const direction = plan.direction === 'asc' ? 'ASC' : 'DESC';
  if (time && groupBy.length > 1 && limit !== undefined) {
    // "Top 5 products in 2024 vs 2025": the top 5 within each period, not 5 rows of the periods together.
    const shown = dims.filter((d) => d.name).map((d) => d.expr);
    const rank = ident('rank_in_period');
    const ranked = `row_number() OVER (PARTITION BY ${shown[0]} ORDER BY ${value} ${direction} NULLS LAST, ${shown.slice(1).join(', ')}) AS ${rank}`;
    const cols = [...select.map((s) => s.slice(s.lastIndexOf(' AS ') + 4)), name];
    sql = `SELECT ${cols.join(', ')}\nFROM (\nSELECT ${[...select, `${value} AS ${name}`, ranked].join(', ')}\n${from}\nGROUP BY ${group.join(', ')}\n) s\nWHERE ${rank} <= ${param(limit)}\nORDER BY 1, ${rank}`;
    return { sql, params };
  }
  // Rows tied on the measure stay tied: no order among them, so that the limit keeps them all.
  const order = time && limit === undefined ? labels.join(', ') : `${select.length + 1} ${direction} NULLS LAST${plan.ties ? '' : `, ${labels.join(', ')}`}`;
  sql += `\nORDER BY ${order}`;
  if (limit !== undefined) sql += plan.ties ? `\nFETCH FIRST ${param(limit)} ROWS WITH TIES` : `\nLIMIT ${param(limit)}`;
  return { sql, params };
}
