import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { datasets } from '@/db/schema';
import { invalidateCatalog } from '@/lib/warehouse/catalog';

/**
 * Makes a freshly loaded table part of its dataset: added to the chosen tables when the admin
 * picked some (every table of the schemas is exposed otherwise), and the cached catalog dropped.
 */
export async function exposeLoadedTable(datasetId: string, tableId: string): Promise<void> {
  await db()
    .update(datasets)
    .set({ tables: sql`array_append(${datasets.tables}, ${tableId})`, updatedAt: new Date() })
    .where(and(eq(datasets.id, datasetId), isNotNull(datasets.tables), sql`NOT (${tableId} = ANY(${datasets.tables}))`));
  invalidateCatalog(datasetId);
}
