import type { Catalog, CatalogTable } from '@/lib/warehouse/catalog';
import type { Measure, Plan } from './plan';

export type CompiledQuery = { sql: string; params: (string | number)[] };

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const tableRef = (t: CatalogTable) => `${ident(t.schema)}.${ident(t.name)}`;

type Edge = { from: CatalogTable; to: CatalogTable; fromColumns: string[]; toColumns: string[]; fansOut: boolean };

/** Shortest join path along foreign keys; `fansOut` marks an edge from a parent to its children. */
function joinPath(catalog: Catalog, from: CatalogTable, to: CatalogTable): Edge[] | undefined {
  const byId = new Map(catalog.tables.map((t) => [t.id, t]));
  const edges = (t: CatalogTable): Edge[] => [
    ...t.foreignKeys.flatMap((f) => {
      const target = byId.get(f.table);
      return target ? [{ from: t, to: target, fromColumns: f.columns, toColumns: f.refColumns, fansOut: false }] : [];
    }),
    ...catalog.tables.flatMap((other) =>
      other.foreignKeys
        .filter((f) => f.table === t.id)
        .map((f) => ({ from: t, to: other, fromColumns: f.refColumns, toColumns: f.columns, fansOut: true })),
    ),
  ];
  const previous = new Map<string, Edge | null>([[from.id, null]]);
  const queue = [from];
  while (queue.length) {
    const table = queue.shift()!;
    if (table.id === to.id) break;
    for (const edge of edges(table)) {
      if (previous.has(edge.to.id)) continue;
      previous.set(edge.to.id, edge);
      queue.push(edge.to);
    }
  }
  if (!previous.has(to.id)) return undefined;
  const path: Edge[] = [];
  for (let e = previous.get(to.id); e; e = previous.get(e.from.id)) path.unshift(e);
  return path;
}

function measureSql(m: Measure, alias: string, distinctKey: string | undefined): string {
  const col = (c: string) => `${alias}.${ident(c)}`;
  switch (m.value.kind) {
    case 'rows':
      return distinctKey ? `count(DISTINCT ${alias}.${ident(distinctKey)})` : 'count(*)';
    case 'column':
      return m.fn === 'avg' ? `round(avg(${col(m.value.column)})::numeric, 2)` : `${m.fn}(${col(m.value.column)})`;
    case 'revenue': {
      const { quantity, price, discount } = m.value;
      const amount = `${col(quantity)} * ${col(price)}${discount ? ` * (1 - ${col(discount)})` : ''}`;
      return `round(${m.fn}(${amount})::numeric, 2)`;
    }
  }
}

/** Plan -> one parameterized SELECT. Returns undefined when no safe join exists. */
export function compilePlan(plan: Plan, catalog: Catalog): CompiledQuery | undefined {
  const { measure, groupBy, range, limit } = plan;
  const base = measure.table;
  // Join along the shortest path to every table the plan needs, each table once.
  const alias = new Map<string, string>([[base.id, 't0']]);
  const joins: string[] = [];
  let fansOut = false;
  for (const target of [groupBy?.table, range?.table]) {
    if (!target) continue;
    const path = joinPath(catalog, base, target);
    if (!path) return undefined;
    for (const edge of path) {
      fansOut ||= edge.fansOut;
      if (alias.has(edge.to.id)) continue;
      const from = alias.get(edge.from.id)!;
      const to = `t${alias.size}`;
      alias.set(edge.to.id, to);
      const on = edge.fromColumns.map((c, k) => `${to}.${ident(edge.toColumns[k]!)} = ${from}.${ident(c)}`).join(' AND ');
      joins.push(`JOIN ${tableRef(edge.to)} ${to} ON ${on}`);
    }
  }
  // Sums over a fanned-out join would count a row once per child: refuse rather than be wrong.
  if (fansOut && measure.value.kind !== 'rows') return undefined;
  const distinctKey = fansOut && base.primaryKey.length === 1 ? base.primaryKey[0] : undefined;
  if (fansOut && !distinctKey) return undefined;

  const params: (string | number)[] = [];
  const param = (value: string | number) => `$${params.push(value)}`;
  const from = [`FROM ${tableRef(base)} t0`, ...joins].join('\n');
  const where = range
    ? `\nWHERE ${alias.get(range.table.id)}.${ident(range.column)} >= ${param(range.from)}::date AND ${alias.get(range.table.id)}.${ident(range.column)} < ${param(range.to)}::date`
    : '';
  const value = `${measureSql(measure, 't0', distinctKey)} AS ${ident(measure.label)}`;
  if (!groupBy) return { sql: `SELECT ${value}\n${from}${where}`, params };

  const g = alias.get(groupBy.table.id)!;
  if (groupBy.kind === 'time') {
    const bucket = `date_trunc('${groupBy.grain}', ${g}.${ident(groupBy.column)})::date`;
    return { sql: `SELECT ${bucket} AS ${ident(groupBy.grain)}, ${value}\n${from}${where}\nGROUP BY 1\nORDER BY 1`, params };
  }
  const label = groupBy.kind === 'column' ? groupBy.column : groupBy.label;
  const groupCols = groupBy.kind === 'column' ? [`${g}.${ident(label)}`] : [...groupBy.key.map((k) => `${g}.${ident(k)}`), `${g}.${ident(label)}`];
  let sql = `SELECT ${g}.${ident(label)} AS ${ident(label)}, ${value}\n${from}${where}\nGROUP BY ${groupCols.join(', ')}\nORDER BY ${ident(measure.label)} DESC NULLS LAST`;
  if (limit !== undefined) sql += `\nLIMIT ${param(limit)}`;
  return { sql, params };
}
