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
  const { measure, groupBy, limit } = plan;
  const base = measure.table;
  const path = groupBy ? joinPath(catalog, base, groupBy.table) : [];
  if (!path) return undefined;
  const fansOut = path.some((e) => e.fansOut);
  // Sums over a fanned-out join would count a row once per child: refuse rather than be wrong.
  if (fansOut && measure.value.kind !== 'rows') return undefined;
  const distinctKey = fansOut && base.primaryKey.length === 1 ? base.primaryKey[0] : undefined;
  if (fansOut && !distinctKey) return undefined;

  const from = [`FROM ${tableRef(base)} t0`];
  path.forEach((edge, i) => {
    const on = edge.fromColumns.map((c, k) => `t${i + 1}.${ident(edge.toColumns[k]!)} = t${i}.${ident(c)}`).join(' AND ');
    from.push(`JOIN ${tableRef(edge.to)} t${i + 1} ON ${on}`);
  });
  const g = `t${path.length}`;
  const value = `${measureSql(measure, 't0', distinctKey)} AS ${ident(measure.label)}`;
  const params: (string | number)[] = [];
  if (!groupBy) return { sql: `SELECT ${value}\n${from.join('\n')}`, params };

  const select =
    groupBy.kind === 'column'
      ? [`${g}.${ident(groupBy.column)} AS ${ident(groupBy.column)}`]
      : [`${g}.${ident(groupBy.label)} AS ${ident(groupBy.label)}`];
  const groupCols = groupBy.kind === 'column' ? [`${g}.${ident(groupBy.column)}`] : [...groupBy.key.map((k) => `${g}.${ident(k)}`), `${g}.${ident(groupBy.label)}`];
  let sql = `SELECT ${select.join(', ')}, ${value}\n${from.join('\n')}\nGROUP BY ${groupCols.join(', ')}\nORDER BY ${ident(measure.label)} DESC NULLS LAST`;
  if (limit !== undefined) {
    params.push(limit);
    sql += `\nLIMIT $${params.length}`;
  }
  return { sql, params };
}
