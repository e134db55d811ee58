import pg from 'pg';
import { getDataset } from '@/db/queries';
import { DuplicateSlugError, insertDataset, slugTaken, updateDataset } from '@/db/datasets';
import type { Dataset, ExampleQuery, GlossaryTerm } from '@/db/schema';
import { decryptSecret, encryptSecret } from '@/lib/secrets';
import { applyDatasetChoices, datasetCatalog, introspect, invalidateCatalog, schemaCatalog, type Catalog } from '@/lib/warehouse/catalog';
import { openLoadTarget } from '@/lib/warehouse/csv/target';
import { CsvLoadError } from '@/lib/warehouse/csv/errors';
import { datasetPolicy } from '@/lib/warehouse/guard';
import { warehousePool } from '@/lib/warehouse/pools';
import { diffSnapshots, snapshotOf, type CatalogDiff } from './catalog-diff';
import { connectionProblem, describeConnectionError, maskConnection, testConnection, type ConnectionTest } from './connection';
import { checkExamples } from './examples';
import { sampleValues } from './sampled-values';
import type { DatasetSettings } from './settings';

/** A refusal with the HTTP status a route answers it with, and one sentence for the admin. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** What an admin's browser may see of a dataset: everything but the connection strings, which are masked. */
export type AdminDataset = Omit<Dataset, 'connectionEncrypted' | 'loadConnectionEncrypted'> & { connection: string; loadConnection: string | null; loadTarget: boolean };

function masked(sealed: string): string {
  try {
    return maskConnection(decryptSecret(sealed));
  } catch {
    // A key change leaves the string unreadable; the admin re-enters it.
    return '****';
  }
}

export function adminView(dataset: Dataset): AdminDataset {
  const { connectionEncrypted, loadConnectionEncrypted, ...rest } = dataset;
  return {
    ...rest,
    connection: masked(connectionEncrypted),
    loadConnection: loadConnectionEncrypted ? masked(loadConnectionEncrypted) : null,
    loadTarget: loadConnectionEncrypted !== null,
  };
}

export async function requireDataset(id: string): Promise<Dataset> {
  const dataset = await getDataset(id);
  if (!dataset) throw new AdminError(404, 'This dataset does not exist: it may have been deleted.');
  return dataset;
}

/** Tests a connection and refuses one that is unreachable or whose role could change data. */
async function acceptConnection(connection: string, schemas: string[], tables?: string[] | null): Promise<Extract<ConnectionTest, { ok: true }>> {
  const test = await testConnection(connection, schemas, tables);
  if (!test.ok) throw new AdminError(422, test.error);
  if (test.report.problems.length) throw new AdminError(422, `This connection is not safe for a dataset: ${test.report.problems.join(' ')}`);
  return test;
}

async function introspectConnection(connection: string, schemas: string[]): Promise<Catalog> {
  const pool = new pg.Pool({ connectionString: connection, max: 1, connectionTimeoutMillis: 5_000, application_name: 'quarry-check' });
  pool.on('error', () => {});
  try {
    return await introspect(pool, schemas);
  } catch (error) {
    throw new AdminError(422, describeConnectionError(error, connection));
  } finally {
    await pool.end().catch(() => {});
  }
}

type CreateInput = { name: string; slug: string; description: string; connection: string; schemas: string[] };

/**
 * Creates a dataset only once everything has been checked: the slug is free, the connection
 * works and is safe, and its schemas can be read. It starts exposing every table of its schemas.
 */
export async function createDataset(input: CreateInput): Promise<Dataset> {
  if (await slugTaken(input.slug)) throw new AdminError(409, new DuplicateSlugError(input.slug).message);
  await acceptConnection(input.connection, input.schemas);
  const catalog = await introspectConnection(input.connection, input.schemas);
  try {
    return await insertDataset({
      name: input.name,
      slug: input.slug,
      description: input.description,
      connectionEncrypted: encryptSecret(input.connection),
      schemas: input.schemas,
      tables: catalog.tables.map((t) => t.id),
      catalogSnapshot: snapshotOf(catalog),
    });
  } catch (error) {
    if (error instanceof DuplicateSlugError) throw new AdminError(409, error.message);
    throw error;
  }
}

/** A load connection must reach the warehouse as a role other than the reader, not a superuser, that may create tables. */
async function acceptLoadConnection(dataset: Dataset, connectionEncrypted: string, loadConnection: string): Promise<string> {
  const problem = connectionProblem(loadConnection);
  if (problem) throw new AdminError(422, problem);
  const sealed = encryptSecret(loadConnection);
  try {
    const target = await openLoadTarget({ ...dataset, connectionEncrypted, loadConnectionEncrypted: sealed });
    await target.close();
  } catch (error) {
    if (error instanceof CsvLoadError) throw new AdminError(422, error.message.replaceAll(loadConnection, maskConnection(loadConnection)));
    throw error;
  }
  return sealed;
}

type UpdateInput = Partial<{ name: string; slug: string; description: string; enabled: boolean; connection: string; loadConnection: string | null }>;

export async function editDataset(dataset: Dataset, { connection, loadConnection, ...fields }: UpdateInput): Promise<Dataset> {
  if (fields.slug && (await slugTaken(fields.slug, dataset.id))) throw new AdminError(409, new DuplicateSlugError(fields.slug).message);
  const changes: Parameters<typeof updateDataset>[1] = { ...fields };
  if (connection) {
    await acceptConnection(connection, dataset.schemas, dataset.tables);
    changes.connectionEncrypted = encryptSecret(connection);
  }
  if (loadConnection === null) changes.loadConnectionEncrypted = null;
  else if (loadConnection) changes.loadConnectionEncrypted = await acceptLoadConnection(dataset, changes.connectionEncrypted ?? dataset.connectionEncrypted, loadConnection);
  try {
    const updated = await updateDataset(dataset.id, changes);
    if (!updated) throw new AdminError(404, 'This dataset does not exist: it may have been deleted.');
    return updated;
  } catch (error) {
    if (error instanceof DuplicateSlugError) throw new AdminError(409, error.message);
    throw error;
  }
}

/** Tests a new connection string, or the saved one of a dataset. */
export async function testDatasetConnection(input: { connection?: string; datasetId?: string; schemas?: string[] }): Promise<ConnectionTest> {
  const dataset = input.datasetId ? await requireDataset(input.datasetId) : undefined;
  const connection = input.connection ?? (dataset ? decryptSecret(dataset.connectionEncrypted) : undefined);
  if (!connection) throw new AdminError(400, 'Enter a connection string to test.');
  return testConnection(connection, input.schemas ?? dataset?.schemas ?? ['public'], input.connection ? undefined : dataset?.tables);
}

const SCHEMAS_SQL = `SELECT nspname AS name FROM pg_namespace
WHERE nspname <> 'information_schema' AND nspname NOT LIKE 'pg\\_%' AND has_schema_privilege(oid, 'USAGE') ORDER BY 1`;

export type TableChoice = { id: string; schema: string; name: string; comment: string | null; columns: number; rowEstimate: number };

/** Every table the dataset's role can see, for the tree, and the ones the dataset exposes. */
export async function tableChoices(dataset: Dataset): Promise<{ tables: TableChoice[]; chosen: string[] }> {
  const pool = warehousePool(dataset);
  let catalog: Catalog;
  try {
    const schemas = (await pool.query<{ name: string }>(SCHEMAS_SQL)).rows.map((r) => r.name);
    catalog = await introspect(pool, schemas);
  } catch (error) {
    throw new AdminError(503, `The warehouse of "${dataset.name}" is unreachable (${(error as Error).message}). Check that it is running, then retry.`);
  }
  const tables = catalog.tables.map((t) => ({ id: t.id, schema: t.schema, name: t.name, comment: t.comment, columns: t.columns.length, rowEstimate: t.rowEstimate }));
  const inSchemas = tables.filter((t) => dataset.schemas.includes(t.schema)).map((t) => t.id);
  return { tables, chosen: dataset.tables ? dataset.tables.filter((id) => tables.some((t) => t.id === id)) : inSchemas };
}

/** Exposes exactly `tables`; the dataset's schemas become theirs, and the role must not be able to write to them. */
export async function chooseTables(dataset: Dataset, tables: string[]): Promise<Dataset> {
  const schemas = [...new Set(tables.map((t) => t.slice(0, t.indexOf('.'))))].sort((a, b) => (a === 'public' ? -1 : b === 'public' ? 1 : a.localeCompare(b)));
  const connection = decryptSecret(dataset.connectionEncrypted);
  const catalog = await introspectConnection(connection, schemas);
  const known = new Set(catalog.tables.map((t) => t.id));
  const missing = tables.filter((t) => !known.has(t));
  if (missing.length) throw new AdminError(422, `These tables do not exist or the dataset's role cannot see them: ${missing.slice(0, 10).join(', ')}. Refresh the list and choose again.`);
  await acceptConnection(connection, schemas, tables);
  // Schemas newly brought in start from what they hold now, so the next refresh shows real changes only.
  const snapshot = { ...snapshotOf(catalog), ...Object.fromEntries(Object.entries(dataset.catalogSnapshot ?? {}).filter(([id]) => schemas.includes(id.slice(0, id.indexOf('.'))))) };
  const updated = await updateDataset(dataset.id, { schemas, tables: [...new Set(tables)].sort(), catalogSnapshot: snapshot });
  return updated!;
}

/**
 * Introspects again and says what changed since the last refresh; the new state becomes the base.
 * A dataset never refreshed before (the bootstrapped sample) gets its first base: `baseline`.
 */
export async function refreshCatalog(dataset: Dataset): Promise<{ diff: CatalogDiff; baseline: boolean; tables: number }> {
  invalidateCatalog(dataset.id);
  let catalog: Catalog;
  try {
    catalog = await schemaCatalog(dataset);
  } catch (error) {
    throw new AdminError(503, `The warehouse of "${dataset.name}" is unreachable (${(error as Error).message}). Check that it is running, then retry.`);
  }
  const snapshot = snapshotOf(catalog);
  const baseline = dataset.catalogSnapshot === null;
  const diff = diffSnapshots(dataset.catalogSnapshot ?? snapshot, snapshot);
  await updateDataset(dataset.id, { catalogSnapshot: snapshot });
  return { diff, baseline, tables: catalog.tables.length };
}

/** The dataset's catalog with COMMENT ON text only, for the describe form to prefill from. */
export async function describableCatalog(dataset: Dataset): Promise<Catalog> {
  try {
    return applyDatasetChoices(await schemaCatalog(dataset), { tables: dataset.tables, descriptions: {} });
  } catch (error) {
    throw new AdminError(503, `The warehouse of "${dataset.name}" is unreachable (${(error as Error).message}). Check that it is running, then retry.`);
  }
}

type DescribeInput = { descriptions: Record<string, string>; glossary: GlossaryTerm[]; examples: ExampleQuery[]; starterQuestions: string[] };

/** Saves descriptions, glossary, examples and starter questions; every example must pass the guard and run first. */
export async function describeDataset(dataset: Dataset, input: DescribeInput, adminId: string): Promise<Dataset> {
  const catalog = await describableCatalog(dataset);
  const keys = new Set(catalog.tables.flatMap((t) => [t.id, ...t.columns.map((c) => `${t.id}.${c.name}`)]));
  const unknown = Object.keys(input.descriptions).filter((k) => !keys.has(k));
  if (unknown.length) throw new AdminError(422, `These are not tables or columns of this dataset: ${unknown.slice(0, 5).join(', ')}. Refresh the page and try again.`);
  const policy = datasetPolicy(dataset, await datasetCatalog(dataset));
  const problems = await checkExamples(dataset, policy, input.examples, adminId);
  if (problems.length) {
    const [first] = problems;
    throw new AdminError(422, `Example ${first!.index + 1} ("${first!.question}") does not run: ${first!.error}`);
  }
  // Text equal to the warehouse's own comment is not an override: a later COMMENT ON change still shows.
  const comments = new Map(catalog.tables.flatMap((t) => [[t.id, t.comment], ...t.columns.map((c) => [`${t.id}.${c.name}`, c.comment] as const)]));
  const descriptions = Object.fromEntries(Object.entries(input.descriptions).filter(([k, v]) => v && v !== comments.get(k)));
  const updated = await updateDataset(dataset.id, { ...input, descriptions });
  return updated!;
}

/** Samples the chosen columns' distinct values and keeps them; any column that cannot be sampled saves nothing. */
export async function sampleColumns(dataset: Dataset, columns: string[]): Promise<Dataset> {
  const catalog = await describableCatalog(dataset);
  const outcomes = await sampleValues(warehousePool(dataset), catalog, columns, dataset.schemas);
  const failed = outcomes.filter((o) => 'error' in o);
  if (failed.length) throw new AdminError(422, failed.map((o) => ('error' in o ? o.error : '')).join(' '));
  const sampledValues = Object.fromEntries(outcomes.map((o) => [o.column, 'values' in o ? o.values : []]));
  const updated = await updateDataset(dataset.id, { sampledValues });
  return updated!;
}

export async function saveSettings(dataset: Dataset, settings: DatasetSettings): Promise<Dataset> {
  const updated = await updateDataset(dataset.id, settings);
  return updated!;
}
