import type { Catalog, CatalogColumn, CatalogTable, ForeignKey } from '@/lib/warehouse/catalog';
import { isBookkeeping, isKeyColumn, isNumeric, isTemporal, isTextual } from './columns';
import { identifierWords } from './lexicon';

export type Edge = { from: CatalogTable; to: CatalogTable; fromColumns: string[]; toColumns: string[]; fansOut: boolean };

/** The catalog with its foreign-key graph indexed once: planning a question must stay fast on 1,000 tables. */
export type Graph = {
  catalog: Catalog;
  byId: Map<string, CatalogTable>;
  edges: Map<string, Edge[]>;
  tableWords: Map<CatalogTable, string[]>;
  columnWords: Map<CatalogColumn, string[]>;
  /** Word -> the tables and columns whose names hold it. */
  byWord: Map<string, { tables: Set<CatalogTable>; columns: Set<[CatalogTable, CatalogColumn]> }>;
  /** Every table and column name as its words joined by spaces. */
  names: Set<string>;
  /** For each table searched from: how every reachable table was first reached. */
  trees: Map<string, Map<string, Edge | null>>;
};

const graphs = new WeakMap<Catalog, Graph>();

/**
 * Keys a table lacks but its names imply, for warehouses that declare none (or only on their
 * partitions): `customer_id` refers to the one table named customer or customers whose primary
 * key is `customer_id`.
 */
function impliedForeignKeys(table: CatalogTable, catalog: Catalog): ForeignKey[] {
  const declared = new Set(table.foreignKeys.flatMap((f) => f.columns));
  const out: ForeignKey[] = [];
  for (const column of table.columns) {
    const m = /^(.+)_id$/.exec(column.name);
    if (!m || declared.has(column.name) || (table.primaryKey.length === 1 && table.primaryKey[0] === column.name)) continue;
    const targets = catalog.tables.filter(
      (t) => t !== table && t.schema === table.schema && (t.name === m[1] || t.name === `${m[1]}s`) && t.primaryKey.length === 1 && t.primaryKey[0] === column.name,
    );
    if (targets.length === 1) out.push({ columns: [column.name], table: targets[0]!.id, refColumns: [column.name] });
  }
  return out;
}

export function graphOf(catalog: Catalog): Graph {
  const hit = graphs.get(catalog);
  if (hit) return hit;
  const byId = new Map(catalog.tables.map((t) => [t.id, t]));
  const edges = new Map<string, Edge[]>(catalog.tables.map((t) => [t.id, []]));
  for (const t of catalog.tables) {
    for (const f of [...t.foreignKeys, ...impliedForeignKeys(t, catalog)]) {
      const target = byId.get(f.table);
      if (!target) continue;
      edges.get(t.id)!.push({ from: t, to: target, fromColumns: f.columns, toColumns: f.refColumns, fansOut: false });
      edges.get(target.id)!.push({ from: target, to: t, fromColumns: f.refColumns, toColumns: f.columns, fansOut: true });
    }
  }
  // Parents first, so a many-to-one path wins a tie in the search below.
  for (const list of edges.values()) list.sort((a, b) => Number(a.fansOut) - Number(b.fansOut));
  const tableWords = new Map(catalog.tables.map((t) => [t, identifierWords(t.name)]));
  const columnWords = new Map(catalog.tables.flatMap((t) => t.columns.map((c) => [c, identifierWords(c.name)] as const)));
  const byWord = new Map<string, { tables: Set<CatalogTable>; columns: Set<[CatalogTable, CatalogColumn]> }>();
  const entry = (w: string) => byWord.get(w) ?? byWord.set(w, { tables: new Set(), columns: new Set() }).get(w)!;
  for (const [t, ws] of tableWords) for (const w of ws) entry(w).tables.add(t);
  for (const t of catalog.tables) {
    for (const c of t.columns) {
      const pair: [CatalogTable, CatalogColumn] = [t, c];
      for (const w of columnWords.get(c)!) entry(w).columns.add(pair);
    }
  }
  const names = new Set([...tableWords.values(), ...columnWords.values()].map((ws) => ws.join(' ')));
  const graph = { catalog, byId, edges, tableWords, columnWords, byWord, names, trees: new Map() };
  graphs.set(catalog, graph);
  return graph;
}

/** Shortest join path along foreign keys; `fansOut` marks an edge from a parent to its children. */
export function joinPath(graph: Graph, from: CatalogTable, to: CatalogTable): Edge[] | undefined {
  let tree = graph.trees.get(from.id);
  if (!tree) graph.trees.set(from.id, (tree = searchTree(graph, from)));
  if (!tree.has(to.id)) return undefined;
  const path: Edge[] = [];
  for (let e = tree.get(to.id); e; e = tree.get(e.from.id)) path.unshift(e);
  return path;
}

/** Breadth-first over the foreign keys from one table: the shortest way to reach each other table. */
function searchTree(graph: Graph, from: CatalogTable): Map<string, Edge | null> {
  const previous = new Map<string, Edge | null>([[from.id, null]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    for (const edge of graph.edges.get(queue[head]!.id)!) {
      if (previous.has(edge.to.id)) continue;
      previous.set(edge.to.id, edge);
      queue.push(edge.to);
    }
  }
  return previous;
}

export const fansOut = (path: Edge[]) => path.some((e) => e.fansOut);

/** The date column that places a table's rows in time: on the table, else on a parent's. */
export function timeColumn(graph: Graph, base: CatalogTable): { table: CatalogTable; column: string } | undefined {
  const seen = new Set<string>();
  const queue = [base];
  while (queue.length) {
    const table = queue.shift()!;
    if (seen.has(table.id)) continue;
    seen.add(table.id);
    const dated = table.columns.filter((c) => isTemporal(c) && !isBookkeeping(c));
    // On a parent, only the date of the parent's own event places the child: order_items by orders.order_date, not rentals by the customer's sign-up date.
    const own = identifierWords(table.name).at(-1)!;
    const eligible = table === base ? dated : dated.filter((c) => identifierWords(c.name).includes(own));
    const column = eligible.find((c) => /date|_at$|_on$|time/.test(c.name) && !/birth|required|shipped|due|hire|signup|launch/.test(c.name)) ?? eligible[0];
    if (column) return { table, column: column.name };
    for (const edge of graph.edges.get(table.id)!) if (!edge.fansOut) queue.push(edge.to);
  }
  return undefined;
}

/** Columns that can be grouped on: text and dates that are not keys. */
export const isDimension = (t: CatalogTable, c: CatalogColumn) =>
  !isNumeric(c) && !isKeyColumn(t, c) && !/^(bytea|tsvector|json|jsonb|tsrange)|\[\]$/.test(c.type) && !isBookkeeping(c);

/** The columns naming a table's rows: name or <table>_name, else first and last name, else a title or company, full or display name. */
export function labelColumns(table: CatalogTable): string[] | undefined {
  const text = table.columns.filter((c) => isTextual(c) && !isKeyColumn(table, c));
  const first = text.find((c) => c.name === 'first_name');
  const last = text.find((c) => c.name === 'last_name');
  const own = identifierWords(table.name).at(-1)!;
  const named =
    text.find((c) => c.name === 'name') ??
    text.find((c) => identifierWords(c.name).join(' ') === `${own} name` || c.name === own) ??
    (first && last ? undefined : text.find((c) => /^(title|company_name|full_name|display_name)$/.test(c.name)));
  if (named) return [named.name];
  return first && last ? [first.name, last.name] : undefined;
}
