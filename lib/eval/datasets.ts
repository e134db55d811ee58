import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '@/db/bootstrap';
import { startEmbeddedPostgres } from '@/db/embedded';
import { loadSampleWarehouse } from '@/db/seed/warehouse';

/** The public sample databases (Chinook, Northwind, Pagila) as ../shared/datasets holds them. */
export const SHARED_DATASETS_DIR = path.resolve(process.env.QUARRY_DATASETS_DIR ?? path.join(process.cwd(), '../shared/datasets'));

const SHARED_FILES: Record<string, string[]> = {
  chinook: ['chinook/Chinook_PostgreSql.sql'],
  northwind: ['northwind/northwind.sql'],
  pagila: ['pagila/pagila-schema.sql', 'pagila/pagila-data.sql'],
};

export const PROVISIONABLE = ['sample', ...Object.keys(SHARED_FILES)];

/** A Postgres server to create scratch databases on: the given one, or an embedded one. */
export async function scratchServer(url?: string): Promise<{ url: string; stop: () => Promise<void> }> {
  if (url) return { url, stop: async () => {} };
  const dir = await mkdtemp(path.join(tmpdir(), 'quarry-eval-'));
  const server = await startEmbeddedPostgres(dir);
  return {
    url: server.url('postgres'),
    stop: async () => {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The dump as psql should run it into any database (Chinook's script makes its own database). */
function dumpFor(file: string): string {
  return readFileSync(path.join(SHARED_DATASETS_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*(DROP DATABASE|CREATE DATABASE|\\c )/i.test(line))
    .join('\n');
}

/**
 * A fresh database on `serverUrl` holding the named dataset: the sample warehouse (generated at
 * `QUARRY_SAMPLE_SCALE`, default 0.05) or a public sample database loaded with psql.
 */
export async function provisionDataset(name: string, serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!PROVISIONABLE.includes(name)) throw new Error(`No database for dataset "${name}": pass --db ${name}=<postgres url>.`);
  const database = `quarry_eval_${name}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = withDatabase(serverUrl, database);
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.end();
  };
  try {
    if (name === 'sample') {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await loadSampleWarehouse(client, { scale: Number(process.env.QUARRY_SAMPLE_SCALE ?? 0.05) }).finally(() => client.end());
    } else {
      for (const file of SHARED_FILES[name]!) {
        if (!existsSync(path.join(SHARED_DATASETS_DIR, file))) throw new Error(`${path.join(SHARED_DATASETS_DIR, file)} is missing: set QUARRY_DATASETS_DIR or pass --db ${name}=<postgres url>.`);
        // ON_ERROR_STOP off: Pagila's schema has statements Postgres 15 refuses, and loads without them.
        execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=0', '-d', url], {
          input: dumpFor(file),
          stdio: ['pipe', 'ignore', 'ignore'],
          env: { ...process.env, PGOPTIONS: '--client-min-messages=error' },
          maxBuffer: 1 << 30,
        });
      }
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, drop };
}
