import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { withDatabase } from '@/db/bootstrap';

/** Runs SQL straight on the e2e server's sample warehouse, to check what the UI shows. */
export async function queryWarehouse<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const { databaseUrl } = JSON.parse(readFileSync(path.join('.data/e2e', 'runtime.json'), 'utf8')) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: process.env.SAMPLE_WAREHOUSE_URL ?? withDatabase(databaseUrl, 'quarry_sample') });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
