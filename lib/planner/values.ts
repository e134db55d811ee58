import type pg from 'pg';
import type { Catalog } from '@/lib/warehouse/catalog';
import { isEnum, isKeyColumn, isTextual } from './columns';

/** Columns with at most this many distinct values are sampled whole; others not at all. */
const MAX_DISTINCT = 300;

/**
 * The distinct values of each short text column, keyed `schema.table.column` like a dataset's
 * `sampledValues`: what the planner links "Europe" or "Electronics" to.
 */
export async function sampleValues(pool: pg.Pool, catalog: Catalog): Promise<Record<string, string[]>> {
  const values: Record<string, string[]> = {};
  for (const table of catalog.tables) {
    for (const column of table.columns) {
      if (!(isTextual(column) || isEnum(catalog, column)) || isKeyColumn(table, column)) continue;
      const ident = (s: string) => `"${s.replaceAll('"', '""')}"`;
      // A table that cannot be read (an unpopulated materialized view, no privilege) has no values to offer.
      const rows = await pool
        .query<{ v: string }>(
          `SELECT ${ident(column.name)}::text AS v FROM ${ident(table.schema)}.${ident(table.name)}
           WHERE ${ident(column.name)} IS NOT NULL AND length(${ident(column.name)}::text) <= 60
           GROUP BY 1 ORDER BY count(*) DESC LIMIT ${MAX_DISTINCT + 1}`,
        )
        .then((r) => r.rows, () => null);
      if (!rows) break;
      if (rows.length > 0 && rows.length <= MAX_DISTINCT) values[`${table.id}.${column.name}`] = rows.map((r) => r.v);
    }
  }
  return values;
}
