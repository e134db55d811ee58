import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { db } from './client';
import { datasetGrants, datasets, user, type Dataset } from './schema';

export type NewDataset = typeof datasets.$inferInsert;
export type DatasetChanges = Partial<Omit<NewDataset, 'id' | 'createdAt' | 'updatedAt'>>;

/** Every dataset, enabled or not, with how many analysts may use it: the admin list. */
export async function listAllDatasets() {
  return db()
    .select({
      id: datasets.id,
      slug: datasets.slug,
      name: datasets.name,
      description: datasets.description,
      enabled: datasets.enabled,
      isDefault: datasets.isDefault,
      tables: datasets.tables,
      updatedAt: datasets.updatedAt,
      grants: sql<number>`(SELECT count(*)::int FROM ${datasetGrants} g WHERE g.dataset_id = ${datasets.id})`,
    })
    .from(datasets)
    .orderBy(asc(datasets.name));
}

export class DuplicateSlugError extends Error {
  constructor(slug: string) {
    super(`Another dataset already uses the slug "${slug}": pick another one.`);
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string; cause?: { code?: string } }).code === '23505' || (error as { cause?: { code?: string } }).cause?.code === '23505';

export async function slugTaken(slug: string, exceptId?: string): Promise<boolean> {
  const [row] = await db()
    .select({ n: count() })
    .from(datasets)
    .where(and(eq(datasets.slug, slug), exceptId ? ne(datasets.id, exceptId) : undefined));
  return row!.n > 0;
}

export async function insertDataset(values: NewDataset): Promise<Dataset> {
  try {
    const [row] = await db().insert(datasets).values(values).returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateSlugError(values.slug);
    throw error;
  }
}

export async function updateDataset(id: string, changes: DatasetChanges): Promise<Dataset | undefined> {
  try {
    const [row] = await db().update(datasets).set({ ...changes, updatedAt: new Date() }).where(eq(datasets.id, id)).returning();
    return row;
  } catch (error) {
    if (isUniqueViolation(error) && changes.slug) throw new DuplicateSlugError(changes.slug);
    throw error;
  }
}

/** Deletes a dataset with its grants, conversations and query runs (foreign keys cascade). */
export async function deleteDataset(id: string): Promise<boolean> {
  const rows = await db().delete(datasets).where(eq(datasets.id, id)).returning({ id: datasets.id });
  return rows.length > 0;
}

/** Analysts, each with whether they may use the dataset. Admins use every dataset and are not listed. */
export async function datasetAccess(datasetId: string) {
  return db()
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      granted: sql<boolean>`EXISTS (SELECT 1 FROM ${datasetGrants} g WHERE g.dataset_id = ${datasetId} AND g.user_id = ${user.id})`,
    })
    .from(user)
    .where(ne(user.role, 'admin'))
    .orderBy(asc(user.name), asc(user.email));
}

/** Replaces who may use a dataset with exactly `userIds` (analysts only), in one transaction. */
export async function setDatasetGrants(datasetId: string, userIds: string[]): Promise<void> {
  await db().transaction(async (tx) => {
    const analysts = userIds.length
      ? (await tx.select({ id: user.id }).from(user).where(and(inArray(user.id, userIds), ne(user.role, 'admin')))).map((u) => u.id)
      : [];
    await tx.delete(datasetGrants).where(eq(datasetGrants.datasetId, datasetId));
    if (analysts.length) await tx.insert(datasetGrants).values(analysts.map((userId) => ({ datasetId, userId })));
  });
}
