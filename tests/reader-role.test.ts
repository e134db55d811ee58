import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection } from '@/lib/warehouse/check';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

const TABLES = ['public.customers', 'public.products', 'public.orders', 'public.order_items', 'public.returns', 'public.social_posts'];

/** Layer 3: the role a dataset connects as, and the check that reports what it can do. */
describe.skipIf(!server)(`the warehouse reader role and the connection check, on ${server?.name}`, () => {
  let env: TestEnvironment;
  const writer = `quarry_test_writer_${Math.random().toString(36).slice(2, 8)}`;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    const admin = new pg.Pool({ connectionString: env.warehouseUrl, max: 1 });
    await admin.query(`DROP OWNED BY ${writer}`).catch(() => {});
    await admin.end();
    await env?.cleanup();
    const root = new pg.Pool({ connectionString: server!.url, max: 1 });
    await root.query(`DROP ROLE IF EXISTS ${writer}`);
    await root.end();
  });

  const check = async (url: string) => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      return await checkConnection(pool, TABLES, ['public']);
    } finally {
      await pool.end();
    }
  };

  it('the provisioned reader passes: no superuser, no writes, read-only by default, with timeouts', async () => {
    const report = await check(env.readerUrl);
    expect(report).toMatchObject({ superuser: false, writableTables: [], creatableSchemas: [], dangerousRoles: [], remoteAccess: [], problems: [] });
    expect(report.settings).toMatchObject({ readOnlyByDefault: true, tempFileLimit: '256MB' });
    expect(report.settings.statementTimeout).not.toBe('0');
  });

  it('refuses a superuser connection and says why', async () => {
    const report = await check(env.warehouseUrl);
    expect(report.superuser).toBe(true);
    expect(report.problems.join(' ')).toMatch(/superuser/);
  });

  it('refuses a role that can write to a dataset table, naming the table', async () => {
    const admin = new pg.Pool({ connectionString: env.warehouseUrl, max: 1 });
    await admin.query(`CREATE ROLE ${writer} LOGIN PASSWORD 'w'`);
    await admin.query(`GRANT CONNECT ON DATABASE ${new URL(env.warehouseUrl).pathname.slice(1)} TO ${writer}`);
    await admin.query(`GRANT USAGE ON SCHEMA public TO ${writer}; GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${writer}; GRANT INSERT ON public.orders TO ${writer}`);
    await admin.end();
    const url = new URL(env.warehouseUrl);
    url.username = writer;
    url.password = 'w';
    const report = await check(url.toString());
    expect(report.writableTables).toEqual(['public.orders']);
    expect(report.problems.join(' ')).toMatch(/can write to public\.orders/);
    expect(report.warnings.join(' ')).toMatch(/read-only/);
  });
});
