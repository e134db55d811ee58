import type { CatalogColumn, CatalogTable } from '@/lib/warehouse/catalog';

/** A column of a hand-written catalog, for the planner's tests. */
export const col = (name: string, type = 'text'): CatalogColumn => ({ name, type, nullable: false, comment: null });

/** A table in schema public, keyed by its first column. */
export const table = (name: string, columns: CatalogColumn[], foreignKeys: CatalogTable['foreignKeys'] = []): CatalogTable => ({
  id: `public.${name}`,
  schema: 'public',
  name,
  comment: null,
  rowEstimate: 100,
  columns,
  primaryKey: [columns[0]!.name],
  foreignKeys,
});
