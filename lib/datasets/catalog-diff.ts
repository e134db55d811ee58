import type { Catalog } from '@/lib/warehouse/catalog';

/** Each table's columns, `schema.table` -> names: what a refresh compares against. */
export type CatalogSnapshot = Record<string, string[]>;

export function snapshotOf(catalog: Catalog): CatalogSnapshot {
  return Object.fromEntries(catalog.tables.map((t) => [t.id, t.columns.map((c) => c.name)]));
}

export type CatalogDiff = {
  addedTables: string[];
  removedTables: string[];
  /** `schema.table.column` */
  addedColumns: string[];
  removedColumns: string[];
};

/** What changed between two snapshots; tables added or removed whole are not listed again by column. */
export function diffSnapshots(before: CatalogSnapshot, after: CatalogSnapshot): CatalogDiff {
  const diff: CatalogDiff = { addedTables: [], removedTables: [], addedColumns: [], removedColumns: [] };
  for (const [table, columns] of Object.entries(after)) {
    const old = before[table];
    if (!old) {
      diff.addedTables.push(table);
      continue;
    }
    diff.addedColumns.push(...columns.filter((c) => !old.includes(c)).map((c) => `${table}.${c}`));
    diff.removedColumns.push(...old.filter((c) => !columns.includes(c)).map((c) => `${table}.${c}`));
  }
  for (const table of Object.keys(before)) if (!after[table]) diff.removedTables.push(table);
  for (const list of Object.values(diff)) list.sort();
  return diff;
}

export const isEmptyDiff = (diff: CatalogDiff) => Object.values(diff).every((list) => list.length === 0);
