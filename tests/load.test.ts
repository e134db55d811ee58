import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequest, readChat, userMessage } from './helpers/chat';
import { instantModel } from './helpers/instant-model';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

/**
 * Bounded load, in process against the chat route: CONVERSATIONS concurrent conversations of
 * TURNS turns each, with an instant scripted model that makes one runQuery call per turn. Every
 * turn must complete, every question and answer must be in the app database afterwards, the
 * warehouse must never see more connections than the dataset's pool allows, and the heap must
 * come back near where it started.
 */
const CONVERSATIONS = Number(process.env.QUARRY_LOAD_CONVERSATIONS ?? 100);
const TURNS = Number(process.env.QUARRY_LOAD_TURNS ?? 20);
/** Heap growth tolerated after the run and a full GC: caches (catalog, prompts, pools) warm up once. */
const HEAP_SLACK_MB = 40;
/**
 * 2,000 turns take about two minutes on two shared cores, so the run is made once, against the
 * embedded Postgres 18 that Quarry ships with; the other project skips it.
 */
const runsHere = server?.name.startsWith('embedded') ?? false;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapMb = async () => {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
};

const { POST } = await import('@/app/api/chat/route');

describe.skipIf(!runsHere)(`${CONVERSATIONS} concurrent conversations x ${TURNS} turns on ${server?.name}`, () => {
  let env: TestEnvironment;
  let app: pg.Client;
  let monitor: pg.Client;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    app = new pg.Client({ connectionString: env.appUrl });
    await app.connect();
    monitor = new pg.Client({ connectionString: server!.url });
    await monitor.connect();
  });
  afterAll(async () => {
    await monitor?.end();
    await app?.end();
    await env?.cleanup();
  });

  it('completes every turn, persists every question and answer, stays within the pool and gives the memory back', { timeout: 300_000 }, async () => {
    scripted.model = instantModel('SELECT count(*) AS n FROM orders WHERE status = $1', 'Counted.', ['delivered']);
    const { getDataset } = await import('@/db/queries');
    const { warehousePool } = await import('@/lib/warehouse/pools');
    const poolBound = warehousePool((await getDataset(env.datasetId))!).options.max!;
    const warehouseDb = new URL(env.warehouseUrl).pathname.slice(1);

    const turn = async (conversationId: string, i: number) => {
      const { chunks, message } = await readChat(
        await POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage(`Question ${i} of ${conversationId}`) })),
      );
      const error = chunks.find((c) => c.type === 'error');
      if (error) throw new Error(`turn ${i} of ${conversationId}: ${JSON.stringify(error)}`);
      const tool = message?.parts.find((p) => p.type === 'tool-runQuery');
      if (tool?.type !== 'tool-runQuery' || tool.state !== 'output-available' || !tool.output.ok) throw new Error(`turn ${i} of ${conversationId}: no query result`);
    };
    // Warm-up: the catalog, the prompt and the pool exist before the baseline is taken.
    for (let i = 0; i < 3; i++) await turn(crypto.randomUUID(), i);
    const baseline = await heapMb();

    let peakConnections = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { rows } = await monitor.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'quarry'",
          [warehouseDb],
        );
        peakConnections = Math.max(peakConnections, rows[0]!.n);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();

    const ids = Array.from({ length: CONVERSATIONS }, () => crypto.randomUUID());
    const errors: string[] = [];
    const started = performance.now();
    await Promise.all(
      ids.map(async (id) => {
        for (let i = 0; i < TURNS; i++) await turn(id, i).catch((error: Error) => errors.push(error.message));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    const after = await heapMb();
    console.log(
      `load: ${CONVERSATIONS * TURNS} turns in ${seconds.toFixed(1)} s (${((CONVERSATIONS * TURNS) / seconds).toFixed(0)} turns/s), ` +
        `peak warehouse connections ${peakConnections}/${poolBound}, heap ${baseline.toFixed(0)} -> ${after.toFixed(0)} MB`,
    );

    expect(errors).toEqual([]);
    const { rows } = await app.query<{ role: string; status: string; n: number }>(
      'SELECT role, status, count(*)::int AS n FROM messages WHERE conversation_id = ANY($1::uuid[]) GROUP BY role, status ORDER BY role',
      [ids],
    );
    expect(rows).toEqual([
      { role: 'assistant', status: 'complete', n: CONVERSATIONS * TURNS },
      { role: 'user', status: 'complete', n: CONVERSATIONS * TURNS },
    ]);
    const runs = await app.query<{ n: number }>("SELECT count(*)::int AS n FROM query_runs WHERE conversation_id = ANY($1::uuid[]) AND status = 'ok'", [ids]);
    expect(runs.rows[0]!.n).toBe(CONVERSATIONS * TURNS);
    expect(peakConnections).toBeGreaterThan(0);
    expect(peakConnections).toBeLessThanOrEqual(poolBound);
    expect(after - baseline).toBeLessThan(HEAP_SLACK_MB);
  });
});
