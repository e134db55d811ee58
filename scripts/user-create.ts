/** `npm run user:create -- --email someone@example.com [--admin] [--password ...]` */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { bootstrap } from '@/db/bootstrap';
import { closeDb } from '@/db/client';
import { createUser } from '@/lib/auth/users';

const { values } = parseArgs({ options: { email: { type: 'string' }, admin: { type: 'boolean', default: false }, password: { type: 'string' } } });
if (!values.email) {
  console.error('Usage: npm run user:create -- --email someone@example.com [--admin] [--password <at least 10 characters>]');
  process.exit(2);
}
const dataDir = path.resolve(process.env.QUARRY_DATA_DIR ?? '.data');

/** The database of a Quarry already running on this data folder, whose embedded Postgres cannot be started a second time. */
async function runningDatabase(): Promise<string | undefined> {
  const runtime = await readFile(path.join(dataDir, 'runtime.json'), 'utf8').then((text) => JSON.parse(text) as { databaseUrl?: string }, () => undefined);
  if (!runtime?.databaseUrl) return undefined;
  const client = new pg.Client({ connectionString: runtime.databaseUrl, connectionTimeoutMillis: 2000 });
  return client.connect().then(
    () => client.end().then(() => runtime.databaseUrl),
    () => undefined,
  );
}

const running = process.env.DATABASE_URL ? undefined : await runningDatabase();
if (running) process.env.DATABASE_URL = running;
const booted = await bootstrap({ dataDir, seed: false, log: () => {} }).catch((error: unknown) => {
  console.error(`Could not reach the app database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
process.env.DATABASE_URL = booted.databaseUrl;
const password = values.password ?? randomBytes(12).toString('base64url');
try {
  await createUser(values.email, password, values.admin ? 'admin' : 'analyst');
  console.log(`Created ${values.admin ? 'admin' : 'analyst'} ${values.email}${values.password ? '' : ` with password ${password}`}`);
} catch (error) {
  console.error(`Could not create ${values.email}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeDb();
  await booted.stop();
  process.exit();
}
