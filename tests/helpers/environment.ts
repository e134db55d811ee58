import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { bootstrap, SAMPLE_DATASET_SLUG, withDatabase } from '@/db/bootstrap';
import { useSession } from './chat';
import { auth, type Role } from '@/lib/auth/auth';
import { createUser } from '@/lib/auth/users';
import { decryptSecret } from '@/lib/secrets';

export type TestUser = { id: string; email: string; cookie: string };

async function signedInUser(name: string, role: Role): Promise<TestUser> {
  const email = `${name}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const password = 'correct horse battery';
  const id = await createUser(email, password, role);
  const response = await auth().api.signInEmail({ body: { email, password }, asResponse: true });
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { id, email, cookie };
}

/** The Postgres server of this test project, or null when it is not reachable. */
export const server = inject('pg');

export type TestEnvironment = {
  appUrl: string;
  warehouseUrl: string;
  /** The dataset's own connection: the least-privilege reader role. */
  readerUrl: string;
  datasetId: string;
  /** Signed-in users, each with the session cookie its requests carry. */
  users: Record<'analyst' | 'other' | 'admin', TestUser>;
  /** Runs SQL directly on the sample warehouse, bypassing Quarry. */
  warehouse: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;
  /** Runs SQL directly on the app database: to arrange a state or check what was saved. */
  app: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>;
  cleanup: () => Promise<void>;
};

/**
 * Fresh app and warehouse databases on this project's server, brought up by the real
 * bootstrap (migrations, sample warehouse at a small scale, default dataset).
 */
export async function createTestEnvironment(serverUrl: string): Promise<TestEnvironment> {
  const suffix = Math.random().toString(36).slice(2, 10);
  const appDb = `quarry_test_${suffix}`;
  const warehouseDb = `quarry_test_wh_${suffix}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${appDb}`);
  await admin.query(`CREATE DATABASE ${warehouseDb}`);
  const appUrl = withDatabase(serverUrl, appDb);
  const warehouseUrl = withDatabase(serverUrl, warehouseDb);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-test-'));
  Object.assign(process.env, {
    DATABASE_URL: appUrl,
    SAMPLE_WAREHOUSE_URL: warehouseUrl,
    QUARRY_SAMPLE_SCALE: '0.05',
    QUARRY_SECRET: 'test-secret-0123456789abcdef',
  });
  await bootstrap({ dataDir, seed: true, log: () => {} });
  const appPool = new pg.Pool({ connectionString: appUrl, max: 2 });
  const { rows } = await appPool.query<{ id: string; connection_encrypted: string }>(
    'SELECT id, connection_encrypted FROM datasets WHERE slug = $1',
    [SAMPLE_DATASET_SLUG],
  );
  const warehousePool = new pg.Pool({ connectionString: warehouseUrl, max: 2 });
  // Fault tests cut these servers' connections on purpose: an idle client dropped then is not an error.
  for (const pool of [appPool, warehousePool]) pool.on('error', () => {});
  const users = { analyst: await signedInUser('analyst', 'analyst'), other: await signedInUser('other', 'analyst'), admin: await signedInUser('admin', 'admin') };
  useSession(users.analyst.cookie);
  return {
    appUrl,
    warehouseUrl,
    readerUrl: decryptSecret(rows[0]!.connection_encrypted),
    datasetId: rows[0]!.id,
    users,
    warehouse: (sql, params) => warehousePool.query(sql, params),
    app: (sql, params) => appPool.query(sql, params),
    cleanup: async () => {
      await warehousePool.end();
      await appPool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${appDb} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${warehouseDb} WITH (FORCE)`);
      await admin.query(`DROP ROLE IF EXISTS ${warehouseDb}_reader`);
      await admin.query(`DROP ROLE IF EXISTS ${warehouseDb}_owner`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
