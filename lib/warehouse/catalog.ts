import type pg from 'pg';
import type { Dataset } from '@/db/schema';
import { warehousePool } from './pools';

export type CatalogColumn = { name: string; type: string; nullable: boolean; comment: string | null };
export type ForeignKey = { columns: string[]; table: string; refColumns: string[] };
export type CatalogTable = {
  /** `schema.name`, how SQL should name it. */
  id: string;
  schema: string;
  name: string;
  comment: string | null;
  rowEstimate: number;
  columns: CatalogColumn[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
};
export type Catalog = {
  tables: CatalogTable[];
  /** Enum and domain types of the schemas, `schema.name`. */
  types: string[];
};

const TABLES_SQL = `
SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name,
       obj_description(c.oid, 'pg_class') AS comment, greatest(c.reltuples, 0)::float8 AS estimate
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') AND n.nspname = ANY($1) AND NOT c.relispartition
ORDER BY n.nspname, c.relname`;

const COLUMNS_SQL = `
SELECT a.attrelid::int AS oid, a.attnum AS num, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       NOT a.attnotnull AS nullable, col_description(a.attrelid, a.attnum) AS comment
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE a.attnum > 0 AND NOT a.attisdropped AND n.nspname = ANY($1) AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
ORDER BY a.attrelid, a.attnum`;

const CONSTRAINTS_SQL = `
SELECT con.conrelid::int AS oid, con.contype AS kind, con.conkey AS keys, con.confrelid::int AS ref_oid, con.confkey AS ref_keys
FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE con.contype IN ('p', 'f') AND n.nspname = ANY($1)
ORDER BY con.conrelid, con.conname`;

const TYPES_SQL = `
SELECT n.nspname || '.' || t.typname AS id FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype IN ('e', 'd') AND n.nspname = ANY($1) ORDER BY 1`;

/** Tables, columns, types, keys and comments of the given schemas, read from pg_catalog. */
export async function introspect(pool: pg.Pool, schemas: string[]): Promise<Catalog> {
  const [tables, columns, constraints, types] = await Promise.all([
    pool.query<{ oid: number; schema: string; name: string; comment: string | null; estimate: number }>(TABLES_SQL, [schemas]),
    pool.query<{ oid: number; num: number; name: string; type: string; nullable: boolean; comment: string | null }>(COLUMNS_SQL, [schemas]),
    pool.query<{ oid: number; kind: 'p' | 'f'; keys: number[]; ref_oid: number; ref_keys: number[] | null }>(CONSTRAINTS_SQL, [schemas]),
    pool.query<{ id: string }>(TYPES_SQL, [schemas]),
  ]);
  const columnName = new Map(columns.rows.map((c) => [`${c.oid}:${c.num}`, c.name]));
  const names = (oid: number, nums: number[]) => nums.map((n) => columnName.get(`${oid}:${n}`) ?? '?');
  const byOid = new Map<number, CatalogTable>();
  for (const t of tables.rows) {
    byOid.set(t.oid, {
      id: `${t.schema}.${t.name}`,
      schema: t.schema,
      name: t.name,
      comment: t.comment,
      rowEstimate: Math.round(t.estimate),
      columns: [],
      primaryKey: [],
      foreignKeys: [],
    });
  }
  for (const c of columns.rows) {
    byOid.get(c.oid)?.columns.push({ name: c.name, type: c.type, nullable: c.nullable, comment: c.comment });
  }
  for (const k of constraints.rows) {
    const table = byOid.get(k.oid);
    if (!table) continue;
    if (k.kind === 'p') table.primaryKey = names(k.oid, k.keys);
    const ref = byOid.get(k.ref_oid);
    if (k.kind === 'f' && ref) table.foreignKeys.push({ columns: names(k.oid, k.keys), table: ref.id, refColumns: names(k.ref_oid, k.ref_keys ?? []) });
  }
  return { tables: [...byOid.values()], types: types.rows.map((t) => t.id) };
}

type DatasetChoices = Pick<Dataset, 'tables' | 'descriptions'>;

/**
 * What a dataset exposes of its schemas: only the chosen tables (keys to other tables dropped),
 * with admin descriptions over COMMENT ON text.
 */
export function applyDatasetChoices(catalog: Catalog, { tables, descriptions }: DatasetChoices): Catalog {
  const chosen = tables ? new Set(tables) : undefined;
  const kept = catalog.tables.filter((t) => !chosen || chosen.has(t.id));
  const ids = new Set(kept.map((t) => t.id));
  return {
    types: catalog.types,
    tables: kept.map((t) => ({
      ...t,
      comment: descriptions[t.id] || t.comment,
      foreignKeys: t.foreignKeys.filter((f) => ids.has(f.table)),
      columns: t.columns.map((c) => ({ ...c, comment: descriptions[`${t.id}.${c.name}`] || c.comment })),
    })),
  };
}

const CATALOG_TTL_MS = 5 * 60_000;
const holder = globalThis as unknown as { quarryCatalogs?: Map<string, { at: number; catalog: Promise<Catalog> }> };
const catalogs = (holder.quarryCatalogs ??= new Map());

type CatalogSource = Pick<Dataset, 'id' | 'connectionEncrypted' | 'schemas' | 'updatedAt'>;

/**
 * Every table of a dataset's schemas, introspected at most once per TTL; a failed introspection
 * is not cached. The key holds the dataset's `updatedAt`, which a CSV load, a refresh and every
 * admin edit move: every app instance reads the dataset row per request, so each one sees the
 * change at once, not only the instance that made it.
 */
export function schemaCatalog(dataset: CatalogSource): Promise<Catalog> {
  const key = `${dataset.id}:${dataset.updatedAt.getTime()}:${dataset.connectionEncrypted}:${dataset.schemas.join(',')}`;
  const hit = catalogs.get(key);
  if (hit && Date.now() - hit.at < CATALOG_TTL_MS) return hit.catalog;
  // Entries of the dataset's earlier versions would never be read again.
  invalidateCatalog(dataset.id);
  const catalog = introspect(warehousePool(dataset), dataset.schemas);
  catalogs.set(key, { at: Date.now(), catalog });
  catalog.catch(() => catalogs.delete(key));
  return catalog;
}

// The same choices over the same introspection give the same object, so per-catalog caches (retrieval) keep hitting.
const chosenViews = new WeakMap<Catalog, Map<string, Catalog>>();

/** A dataset's catalog as analysts and models see it. */
export async function datasetCatalog(dataset: CatalogSource & DatasetChoices): Promise<Catalog> {
  const schema = await schemaCatalog(dataset);
  const views = chosenViews.get(schema) ?? new Map<string, Catalog>();
  chosenViews.set(schema, views);
  const key = JSON.stringify([dataset.tables, dataset.descriptions]);
  let view = views.get(key);
  if (!view) views.set(key, (view = applyDatasetChoices(schema, dataset)));
  return view;
}

/** Forgets a dataset's cached introspection on this instance (a refresh introspects again now). */
export function invalidateCatalog(datasetId: string): void {
  for (const key of catalogs.keys()) if (key.startsWith(`${datasetId}:`)) catalogs.delete(key);
}
