import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '@/db/bootstrap';
import { introspect, type Catalog } from '@/lib/warehouse/catalog';
import { checkSql, datasetPolicy } from '@/lib/warehouse/guard';
import { runReadOnly } from '@/lib/warehouse/run';
import { server } from './helpers/environment';
import { hasSharedDatasets, loadSqlFiles } from './helpers/shared-datasets';

/**
 * Real SQL nobody here wrote: the definition of every view and materialized view of Pagila,
 * run as a plain SELECT through the guard (with Pagila's own aggregate group_concat allowed, as
 * a dataset admin would allow it) and then through the read-only executor.
 */
describe.skipIf(!server || !hasSharedDatasets)(`Pagila's views pass the guard and run, on ${server?.name}`, () => {
  const database = `quarry_test_pagila_${Math.random().toString(36).slice(2, 8)}`;
  let admin: pg.Client;
  let pool: pg.Pool;
  let views: { name: string; sql: string }[] = [];
  let catalog: Catalog;

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    const url = withDatabase(server!.url, database);
    loadSqlFiles(url, ['pagila/pagila-schema.sql', 'pagila/pagila-data.sql']);
    pool = new pg.Pool({ connectionString: url, max: 2 });
    views = (
      await pool.query<{ name: string; sql: string }>(
        `SELECT n.nspname || '.' || c.relname AS name, pg_get_viewdef(c.oid, true) AS sql
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('v', 'm') AND n.nspname = 'public' ORDER BY 1`,
      )
    ).rows;
    catalog = await introspect(pool, ['public']);
  }, 180_000);

  afterAll(async () => {
    await pool?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin?.end();
  });

  it('finds the views (films_per_customer_rental needs Postgres 17)', () => {
    expect(views.map((v) => v.name)).toEqual(expect.arrayContaining(['public.actor_info', 'public.film_list', 'public.sales_by_store', 'public.nicer_but_slower_film_list']));
    expect(views.length).toBeGreaterThanOrEqual(10);
  });

  it('accepts and runs every view definition', async () => {
    const policy = datasetPolicy({ schemas: ['public'], allowedFunctions: ['public.group_concat'] }, catalog);
    for (const view of views) {
      const verdict = await checkSql(view.sql, [], policy);
      expect(verdict, view.name).toMatchObject({ ok: true });
      const result = await runReadOnly(pool, view.sql, [], { maxRows: 50, timeoutMs: 20_000, searchPath: ['public'] });
      expect(result.columns.length, view.name).toBeGreaterThan(0);
    }
  });

  it('rejects group_concat when the dataset has not allowed it', async () => {
    const actorInfo = views.find((v) => v.name === 'public.actor_info')!;
    const verdict = await checkSql(actorInfo.sql, [], datasetPolicy({ schemas: ['public'] }, catalog));
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/group_concat/) });
  });
});
