import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '@/db/bootstrap';
import { E2E_DATA_DIR } from '../playwright.config';

/** The app database of the server on `dataDir` (the e2e server's by default), as it wrote it there. */
export function appDatabaseUrl(dataDir = E2E_DATA_DIR): string {
  return (JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8')) as { databaseUrl: string }).databaseUrl;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Runs SQL straight on the e2e server's sample warehouse, to check what the UI shows. */
export function queryWarehouse<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return query<T>(process.env.SAMPLE_WAREHOUSE_URL ?? withDatabase(appDatabaseUrl(), 'quarry_sample'), sql, params);
}

/** Runs SQL straight on the app database (the e2e server's, or the one on `dataDir`), to check what was saved. */
export function queryApp<T extends pg.QueryResultRow>(sql: string, params: unknown[] = [], dataDir = E2E_DATA_DIR): Promise<T[]> {
  return query<T>(appDatabaseUrl(dataDir), sql, params);
}
