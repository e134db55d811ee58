import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { sampleAll } from '@/lib/datasets/sampled-values';
import { encryptSecret } from '@/lib/secrets';
import { introspect } from '@/lib/warehouse/catalog';
import { assertSafeConnection, checkConnection } from '@/lib/warehouse/check';
import { ownerPassword, provisionOwnerRole } from '@/lib/warehouse/csv/owner-role';
import { provisionReaderRole, readerPassword } from '@/lib/warehouse/reader-role';
import { startEmbeddedPostgres } from './embedded';
import { migrateAppDatabase } from './migrate';
import { datasets, user } from './schema';
import { hasSampleWarehouse, loadSampleWarehouse } from './seed/warehouse';

export const SAMPLE_DATASET_SLUG = 'sample';

export const SAMPLE_STARTER_QUESTIONS = [
  'How many orders are there?',
  'Total revenue by region',
  'Monthly revenue',
  'Top 5 products by revenue',
  '按地区统计订单数',
];

type BootOptions = { dataDir: string; seed: boolean; log: (line: string) => void };
export type Booted = { databaseUrl: string; secret: string; stop: () => Promise<void> };

/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

async function loadSecret(dataDir: string): Promise<string> {
  if (process.env.QUARRY_SECRET) return process.env.QUARRY_SECRET;
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

const SAMPLE_SCHEMAS = ['public'];

const asRole = (url: string, role: string, password: string) => {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
};

/**
 * Loads the sample warehouse if it is missing and returns the URLs of its least-privilege reader
 * role, which is what the dataset connects as, and of its owner role, which CSV loads write through.
 */
async function ensureSampleWarehouse(url: string, secret: string, log: (line: string) => void): Promise<{ readerUrl: string; ownerUrl: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (!(await hasSampleWarehouse(client))) {
      const scale = Number(process.env.QUARRY_SAMPLE_SCALE ?? 1);
      log(`Loading the sample warehouse (scale ${scale})...`);
      await loadSampleWarehouse(client, { scale, onProgress: log });
    }
    const database = new URL(url).pathname.slice(1);
    const role = `${database}_reader`.slice(0, 63);
    const password = readerPassword(secret, database);
    await provisionReaderRole({ admin: client, role, password, schemas: SAMPLE_SCHEMAS });
    const owner = `${database}_owner`.slice(0, 63);
    const ownerSecret = ownerPassword(secret, database);
    await provisionOwnerRole({ admin: client, role: owner, password: ownerSecret, schema: SAMPLE_SCHEMAS[0]! });
    return { readerUrl: asRole(url, role, password), ownerUrl: asRole(url, owner, ownerSecret) };
  } finally {
    await client.end();
  }
}

/** Refuses a warehouse connection whose role could change data or reach the server. */
async function assertSafeReader(readerUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: readerUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ id: string }>(
      `SELECT n.nspname || '.' || c.relname AS id FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'v', 'm', 'p') AND n.nspname = ANY($1)`,
      [SAMPLE_SCHEMAS],
    );
    assertSafeConnection(await checkConnection(pool, rows.map((r) => r.id), SAMPLE_SCHEMAS));
  } finally {
    await pool.end();
  }
}

/** The values of the sample's low-cardinality text columns, so "only Europe" or "欧洲" link to them from the start. */
async function sampleWarehouseValues(readerUrl: string): Promise<Record<string, string[]>> {
  const pool = new pg.Pool({ connectionString: readerUrl, max: 1 });
  try {
    return await sampleAll(pool, await introspect(pool, SAMPLE_SCHEMAS), SAMPLE_SCHEMAS);
  } finally {
    await pool.end();
  }
}

async function registerSampleDataset(appUrl: string, warehouseUrl: string, loadUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: appUrl, max: 1 });
  try {
    const db = drizzle(pool);
    const connections = { connectionEncrypted: encryptSecret(warehouseUrl), loadConnectionEncrypted: encryptSecret(loadUrl) };
    const [existing] = await db.select({ id: datasets.id }).from(datasets).where(eq(datasets.slug, SAMPLE_DATASET_SLUG));
    // The embedded server gets a new port on every start, so the connections are refreshed each
    // boot; what an admin edited (starter questions, descriptions, settings) is left alone.
    if (existing) {
      await db.update(datasets).set(connections).where(eq(datasets.id, existing.id));
      return;
    }
    // Only a new install gets the sample: once there are users, a missing sample is one an admin deleted.
    const [{ users }] = await db.select({ users: count() }).from(user);
    if (users > 0) return;
    await db
      .insert(datasets)
      .values({
        slug: SAMPLE_DATASET_SLUG,
        name: 'Sample store',
        description: 'An online store: customers, products, orders, order items, returns, and social media posts about it.',
        ...connections,
        starterQuestions: SAMPLE_STARTER_QUESTIONS,
        sampledValues: await sampleWarehouseValues(warehouseUrl),
        isDefault: true,
      })
      .onConflictDoNothing();
  } finally {
    await pool.end();
  }
}

/**
 * Brings up everything Quarry needs before it serves: the Postgres server (the one in
 * DATABASE_URL, or an embedded one under dataDir), the app database with its migrations, and,
 * when `seed` is set, the sample warehouse registered as the default dataset.
 */
export async function bootstrap({ dataDir, seed, log }: BootOptions): Promise<Booted> {
  await mkdir(dataDir, { recursive: true });
  const secret = await loadSecret(dataDir);
  process.env.QUARRY_SECRET = secret;

  let databaseUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!databaseUrl) {
    const server = await startEmbeddedPostgres(dataDir, (line) => process.env.QUARRY_DEBUG && log(line.trimEnd()));
    await ensureDatabase(server.url('postgres'), 'quarry');
    databaseUrl = server.url('quarry');
    stop = server.stop;
  }
  try {
    await migrateAppDatabase(databaseUrl);
    if (seed) {
      const warehouseUrl = process.env.SAMPLE_WAREHOUSE_URL ?? withDatabase(databaseUrl, 'quarry_sample');
      if (!process.env.SAMPLE_WAREHOUSE_URL) await ensureDatabase(databaseUrl, 'quarry_sample');
      const { readerUrl, ownerUrl } = await ensureSampleWarehouse(warehouseUrl, secret, log);
      await assertSafeReader(readerUrl);
      await registerSampleDataset(databaseUrl, readerUrl, ownerUrl);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { databaseUrl, secret, stop };
}
