import pg from 'pg';
import type { TestProject } from 'vitest/node';

const URL = process.env.QUARRY_TEST_SYSTEM_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export default async function setup(project: TestProject) {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    project.provide('pg', { name: `system Postgres ${rows[0]!.server_version.split(' ')[0]}`, url: URL });
  } catch (error) {
    console.warn(`[tests] The system Postgres at ${URL} is not reachable (${(error as Error).message}); its project is skipped.`);
    project.provide('pg', null);
  } finally {
    await client.end().catch(() => {});
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: { name: string; url: string } | null;
  }
}
