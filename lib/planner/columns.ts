import type { Catalog, CatalogColumn, CatalogTable } from '@/lib/warehouse/catalog';

export const isNumeric = (c: CatalogColumn) => /^(smallint|integer|bigint|numeric|real|double precision|decimal|money)/.test(c.type);
export const isTextual = (c: CatalogColumn) => /^(text|character|citext|varchar)/.test(c.type);
export const isTemporal = (c: CatalogColumn) => /^(date|timestamp)/.test(c.type);
export const isKeyColumn = (t: CatalogTable, c: CatalogColumn) =>
  t.primaryKey.includes(c.name) || t.foreignKeys.some((f) => f.columns.includes(c.name)) || /(^|_)id$/.test(c.name);
/** Bookkeeping dates that do not place a fact in time. */
export const isBookkeeping = (c: CatalogColumn) => /^(last_update|updated_at|modified(_at)?|created_on_server)$/.test(c.name);
/** A column of one of the catalog's enum or domain types (format_type may leave the schema off). */
export const isEnum = (catalog: Catalog, c: CatalogColumn) => catalog.types.some((t) => t === c.type || t.endsWith(`.${c.type}`));
/** A fraction of each row's own amount (a discount, a percentage): summed over rows it means nothing. */
export const isFraction = (c: CatalogColumn) => /(^|_)(discount|pct|percent|percentage|ratio)(_|$)/.test(c.name);
