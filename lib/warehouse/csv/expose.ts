import { eq, sql } from 'drizzle-orm';
import { db } from '@/db/client';
import { datasets } from '@/db/schema';

/**
 * Makes a freshly loaded table part of its dataset: added to the chosen tables when the admin
 * picked some (every table of the schemas is exposed otherwise). The dataset's `updatedAt` moves
 * either way, so every instance introspects again (lib/warehouse/catalog.ts).
 */
export async function exposeLoadedTable(datasetId: string, tableId: string): Promise<void> {
  await db()
    .update(datasets)
    .set({
      tables: sql`CASE WHEN ${datasets.tables} IS NOT NULL AND NOT (${tableId} = ANY(${datasets.tables})) THEN array_append(${datasets.tables}, ${tableId}) ELSE ${datasets.tables} END`,
      updatedAt: new Date(),
    })
    .where(eq(datasets.id, datasetId));
}
