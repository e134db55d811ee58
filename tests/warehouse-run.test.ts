import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReadOnly, type RunOptions } from '@/lib/warehouse/run';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

/** Layer 2 alone: the read-only executor, with no guard in front, as the reader role. */
describe.skipIf(!server)(`runReadOnly on ${server?.name}`, () => {
  let env: TestEnvironment;
  let reader: pg.Pool;
  let admin: pg.Pool;
  const options: RunOptions = { maxRows: 100, timeoutMs: 10_000, searchPath: ['public'] };

  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    reader = new pg.Pool({ connectionString: env.readerUrl, max: 2 });
    admin = new pg.Pool({ connectionString: env.warehouseUrl, max: 1 });
  });
  afterAll(async () => {
    await reader?.end();
    await admin?.end();
    await env?.cleanup();
  });

  const failure = (sql: string, params: unknown[] = [], opts: Partial<RunOptions> = {}) =>
    runReadOnly(reader, sql, params, { ...options, ...opts }).then(
      () => undefined,
      (error: pg.DatabaseError) => error,
    );

  it('returns typed columns, JSON-safe values and timing', async () => {
    const result = await runReadOnly(reader, 'SELECT count(*) AS n, min(order_date) AS first, sum(unit_price) AS total, $1::text AS label FROM order_items JOIN orders USING (order_id)', ['x'], options);
    expect(result.columns).toEqual([
      { name: 'n', type: 'bigint' },
      { name: 'first', type: 'date' },
      { name: 'total', type: 'numeric' },
      { name: 'label', type: 'text' },
    ]);
    const [n, first, total, label] = result.rows[0]!;
    expect(typeof n).toBe('number');
    expect(first).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof total).toBe('number');
    expect(label).toBe('x');
    expect(result.truncated).toBe(false);
  });

  it('reads at most maxRows + 1 rows of a huge result and says it was truncated', async () => {
    const result = await runReadOnly(reader, 'SELECT generate_series(1, 100000000) AS g', [], options);
    expect(result.rowCount).toBe(100);
    expect(result.truncated).toBe(true);
  });

  it('runs only queries: a statement that cannot be a subquery is a syntax error', async () => {
    expect((await failure('DELETE FROM orders'))?.code).toBe('42601');
    expect((await failure('COPY orders TO STDOUT'))?.code).toBe('42601');
    expect((await failure('WITH d AS (DELETE FROM orders RETURNING 1) SELECT count(*) FROM d'))?.code).toBe('0A000');
  });

  it('refuses writes inside the read-only transaction', async () => {
    await admin.query('CREATE OR REPLACE FUNCTION public.purge_orders() RETURNS int LANGUAGE plpgsql AS $$ BEGIN DELETE FROM orders; RETURN 1; END $$');
    expect((await failure('SELECT purge_orders()'))?.code).toBe('25006');
    await admin.query('DROP FUNCTION public.purge_orders()');
  });

  it('refuses a second statement that closes the wrapper to ride along (extended protocol)', async () => {
    expect((await failure('SELECT 1) AS x; DELETE FROM orders; SELECT * FROM (SELECT 1'))?.message).toMatch(/multiple commands/);
  });

  it('drops a trailing semicolon and comment, and points error positions into the statement as written', async () => {
    expect((await runReadOnly(reader, 'SELECT 1 AS one; -- done', [], options)).rows).toEqual([[1]]);
    expect((await runReadOnly(reader, 'SELECT 2 AS two -- no newline at the end', [], options)).rows).toEqual([[2]]);
    expect((await failure('SELECT nope FROM orders'))?.position).toBe('8');
  });

  it('stops a query at the statement timeout', async () => {
    expect((await failure('SELECT pg_sleep(5)', [], { timeoutMs: 200 }))?.code).toBe('57014');
  });

  it('cancels the query in Postgres when its signal aborts', async () => {
    const controller = new AbortController();
    const running = failure('SELECT count(*) FROM (SELECT generate_series(1, 3000000000)) s', [], { timeoutMs: 120_000, signal: controller.signal });
    await expect.poll(() => activeQueries('generate_series(1, 3000000000)'), { timeout: 10_000 }).toBe(1);
    controller.abort();
    expect((await running)?.code).toBe('57014');
    await expect.poll(() => activeQueries('generate_series(1, 3000000000)'), { timeout: 10_000 }).toBe(0);
  });

  it('destroys a connection that saw an error instead of pooling it', async () => {
    const pool = new pg.Pool({ connectionString: env.readerUrl, max: 1 });
    await runReadOnly(pool, 'SELECT 1', [], options);
    expect(pool.totalCount).toBe(1);
    await runReadOnly(pool, 'SELECT 1/0', [], options).catch(() => {});
    expect(pool.totalCount).toBe(0);
    await pool.end();
  });

  it('leaves nothing on a pooled session: advisory locks, LISTEN and settings are discarded', async () => {
    const pool = new pg.Pool({ connectionString: env.readerUrl, max: 1 });
    await runReadOnly(pool, 'SELECT pg_advisory_lock(4242)', [], options);
    await runReadOnly(pool, "SELECT set_config('statement_timeout', '0', false)", [], options);
    const locks = await admin.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 4242");
    expect(locks.rows[0].n).toBe(0);
    const after = await runReadOnly(pool, "SELECT current_setting('statement_timeout') AS t", [], options);
    expect(after.rows[0]![0]).not.toBe('0');
    await pool.end();
  });

  it('the reader role cannot read tables it was not granted, even unguarded', async () => {
    await admin.query('CREATE SCHEMA IF NOT EXISTS secrets; CREATE TABLE IF NOT EXISTS secrets.api_keys (id int, key text)');
    expect((await failure('SELECT * FROM secrets.api_keys'))?.code).toBe('42501');
    expect((await failure("SELECT pg_read_file('/etc/passwd')"))?.code).toBe('42501');
  });

  async function activeQueries(fragment: string): Promise<number> {
    const { rows } = await admin.query(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()",
      [`%${fragment}%`],
    );
    return rows[0].n;
  }
});
