import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSql, type GuardPolicy } from '@/lib/warehouse/guard';
import { runReadOnly } from '@/lib/warehouse/run';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { fingerprint } from './helpers/fingerprint';
import { allowed } from './guard/allowed';
import { attacks, type Attack, type AttackCategory } from './guard/attacks';

const POLICY: GuardPolicy = {
  tables: ['customers', 'products', 'orders', 'order_items', 'returns', 'social_posts'].map((t) => `public.${t}`),
  searchPath: ['public'],
};

/**
 * Queries built only from allowed tables and harmless functions that are still too expensive: no
 * parse check can tell a blow-up from a big aggregate, so the executor stops them (statement
 * timeout, temp_file_limit). Calling a function through attribute notation (`o.evil`) reads as
 * a column to the parser; Postgres resolves it, and the role decides whether it may run.
 */
const STOPPED_AT_EXECUTION = new Set<AttackCategory>(['resource-exhaustion', 'recursive-cte']);
const stoppedAtExecution = (a: Attack) => STOPPED_AT_EXECUTION.has(a.category) || a.name === 'function via attribute notation';

/** Categories the read-only transaction and the reader role must stop on their own, without the guard. */
const EXECUTOR_HOLDS_ALONE = new Set<AttackCategory>([
  'ddl', 'dml', 'dml-in-cte', 'multi-statement', 'copy', 'file-and-large-object', 'dblink-fdw', 'temp-table',
  'select-into', 'outside-allowlist', 'row-lock', 'lock-table', 'resource-exhaustion', 'recursive-cte',
]);

/**
 * Statements in those categories that run without error when the guard is bypassed, and why
 * that is harmless (the fingerprint test below proves nothing changed).
 */
const HARMLESS_WHEN_RUN: Record<string, string> = {
  analyze: 'ANALYZE by a role that does not own the table only warns and skips it',
  'discard temp': 'DISCARD TEMP drops only temporary objects, which the role cannot create',
  lo_from_bytea: 'Postgres 15 creates the large object inside the read-only transaction; the rollback removes it',
  lo_create: 'Postgres 15 creates the large object inside the read-only transaction; the rollback removes it',
};

describe('layer 1 alone: the parse check', () => {
  it('has a corpus of at least 200 attacks and 40 tricky allowed SELECTs', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(200);
    expect(allowed.length).toBeGreaterThanOrEqual(40);
    expect(new Set(attacks.map((a) => a.name)).size).toBe(attacks.length);
  });

  it.each(attacks.filter((a) => !stoppedAtExecution(a)).map((a) => [a.category, a.name, a] as const))('rejects %s: %s', async (_c, _n, attack) => {
    const verdict = await checkSql(attack.sql, attack.params ?? [], POLICY);
    expect(verdict.ok, attack.sql).toBe(false);
    if (!verdict.ok) expect(verdict.reason.length).toBeGreaterThan(15);
  });

  it.each(allowed.map((a) => [a.name, a] as const))('accepts %s', async (_n, query) => {
    expect(await checkSql(query.sql, query.params ?? [], POLICY)).toMatchObject({ ok: true });
  });

  it('explains rejections in words a model can act on', async () => {
    const outside = await checkSql('SELECT key FROM secrets.api_keys', [], POLICY);
    expect(outside).toMatchObject({ ok: false, reason: expect.stringContaining('not in this dataset. Available tables: public.customers') });
    const fn = await checkSql('SELECT pg_sleep(100)', [], POLICY);
    expect(fn).toMatchObject({ ok: false, reason: expect.stringMatching(/pg_sleep\(\) is not allowed/) });
    const params = await checkSql('SELECT * FROM orders WHERE order_id = $2', [1], POLICY);
    expect(params).toMatchObject({ ok: false, reason: expect.stringMatching(/\$2.*1 value/) });
  });
});

describe.skipIf(!server)(`layers 2 and 3 alone, and all three together, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let admin: pg.Pool;
  let reader: pg.Pool;
  let before: Record<string, string>;
  const outcomes = new Map<string, { ran: boolean; error?: string }>();

  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    admin = new pg.Pool({ connectionString: env.warehouseUrl, max: 1 });
    await admin.query(`
      CREATE SCHEMA secrets; CREATE TABLE secrets.api_keys (id int, key text); INSERT INTO secrets.api_keys VALUES (1, 'sk-live-1');
      CREATE TABLE public.internal_notes (id int, note text); INSERT INTO public.internal_notes VALUES (1, 'layoffs in Q3')`);
    reader = new pg.Pool({ connectionString: env.readerUrl, max: 3 });
    before = await fingerprint(admin);
    // Straight into the executor as the reader role: the guard is bypassed on purpose.
    for (const attack of attacks) {
      try {
        await runReadOnly(reader, attack.sql, attack.params ?? [], { maxRows: 10, timeoutMs: 1_000, searchPath: ['public'] });
        outcomes.set(attack.name, { ran: true });
      } catch (error) {
        outcomes.set(attack.name, { ran: false, error: (error as Error).message });
      }
    }
  }, 600_000);

  afterAll(async () => {
    await reader?.end();
    await admin?.end();
    await env?.cleanup();
  });

  it('the executor and the role stop every write, escape, lock and unbounded query on their own', () => {
    const escaped = attacks
      .filter((a) => EXECUTOR_HOLDS_ALONE.has(a.category) && outcomes.get(a.name)?.ran && !HARMLESS_WHEN_RUN[a.name])
      .map((a) => `${a.category}: ${a.name}`);
    expect(escaped).toEqual([]);
  });

  it('the queries the guard lets through as plain SELECTs are stopped when they run', async () => {
    for (const attack of attacks.filter(stoppedAtExecution)) {
      const verdict = await checkSql(attack.sql, attack.params ?? [], POLICY);
      if (!verdict.ok) continue;
      const run = runReadOnly(reader, attack.sql, attack.params ?? [], { maxRows: 10, timeoutMs: 1_000, searchPath: ['public'] });
      await expect(run, attack.name).rejects.toThrow(/timeout|temporary file size|does not exist|memory/i);
    }
  });

  it('the warehouse is exactly as before: tables, checksums, roles, settings', async () => {
    expect(await fingerprint(admin)).toEqual(before);
    const { rows } = await admin.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
    expect(rows[0].n).toBe(0);
  });

  it('every tricky allowed SELECT also runs as the reader role', async () => {
    for (const query of allowed) {
      const result = await runReadOnly(reader, query.sql, query.params ?? [], { maxRows: 10, timeoutMs: 10_000, searchPath: ['public'] });
      expect(result.columns.length, query.name).toBeGreaterThan(0);
    }
  });
});
