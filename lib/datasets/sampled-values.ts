import pg from 'pg';
import type { Catalog } from '@/lib/warehouse/catalog';
import { isEnum } from '@/lib/planner/columns';
import { runReadOnly } from '@/lib/warehouse/run';

/** More distinct values than this and a column is not low-cardinality: its values are not sampled. */
export const MAX_SAMPLED_VALUES = 50;
const SAMPLE_TIMEOUT_MS = 10_000;
const MAX_VALUE_LENGTH = 100;

const TEXT_TYPE = /^(text|character varying|varchar|character|char|citext|name)\b/;

/** Text and enum columns whose values may be sampled, `schema.table.column`. */
export function sampleableColumns(catalog: Catalog): string[] {
  return catalog.tables.flatMap((t) => t.columns.filter((c) => TEXT_TYPE.test(c.type) || isEnum(catalog, c)).map((c) => `${t.id}.${c.name}`));
}

export type SampleOutcome = { column: string; values: string[] } | { column: string; error: string };

/** The distinct values of each column, read through the dataset's read-only role; a column with more than `maxValues` is refused. */
export async function sampleValues(pool: pg.Pool, catalog: Catalog, columns: string[], searchPath: string[], { maxValues = MAX_SAMPLED_VALUES } = {}): Promise<SampleOutcome[]> {
  const allowed = new Set(sampleableColumns(catalog));
  const outcomes: SampleOutcome[] = [];
  for (const column of columns) {
    if (!allowed.has(column)) {
      outcomes.push({ column, error: `${column} is not a text or enum column of this dataset: only those are sampled.` });
      continue;
    }
    const table = catalog.tables.find((t) => column.startsWith(`${t.id}.`) && t.columns.some((c) => `${t.id}.${c.name}` === column))!;
    const name = column.slice(table.id.length + 1);
    const c = pg.escapeIdentifier(name);
    const sql = `SELECT DISTINCT ${c}::text AS v FROM ${pg.escapeIdentifier(table.schema)}.${pg.escapeIdentifier(table.name)} WHERE ${c} IS NOT NULL ORDER BY 1`;
    try {
      const result = await runReadOnly(pool, sql, [], { maxRows: maxValues, timeoutMs: SAMPLE_TIMEOUT_MS, searchPath });
      if (result.truncated) {
        outcomes.push({ column, error: `${column} has more than ${maxValues} distinct values: only low-cardinality columns are sampled.` });
        continue;
      }
      const values = result.rows.map((r) => String(r[0]));
      if (values.some((v) => v.length > MAX_VALUE_LENGTH)) {
        outcomes.push({ column, error: `${column} holds values longer than ${MAX_VALUE_LENGTH} characters: it is free text, not a category.` });
        continue;
      }
      outcomes.push({ column, values });
    } catch (error) {
      outcomes.push({ column, error: `${column} could not be sampled: ${(error as Error).message}` });
    }
  }
  return outcomes;
}

/** Every sampleable column that holds few enough distinct values, as a dataset's `sampledValues`. */
export async function sampleAll(pool: pg.Pool, catalog: Catalog, searchPath: string[], options: { maxValues?: number } = {}): Promise<Record<string, string[]>> {
  const outcomes = await sampleValues(pool, catalog, sampleableColumns(catalog), searchPath, options);
  return Object.fromEntries(outcomes.flatMap((o) => ('values' in o ? [[o.column, o.values]] : [])));
}
