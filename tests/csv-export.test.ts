import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineParams } from '@/lib/warehouse/guard';
import { chatRequest, jsonRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

// A small display cap, so the export is shown to return what the chat answer cut off.
process.env.QUARRY_MAX_ROWS = '1000';
const { POST } = await import('@/app/api/chat/route');
const { GET } = await import('@/app/api/queries/[id]/csv/route');

describe('inlineParams', () => {
  it('replaces placeholders with quoted literals and leaves strings and comments alone', async () => {
    const sql = "SELECT '$1' AS s, $1 AS a, $2::date AS d /* $3 */, $3 AS n FROM orders WHERE name = $4 -- trailing $1";
    expect(await inlineParams(sql, ["it's", '2024-01-01', -5, '北美'])).toBe(
      "SELECT '$1' AS s , 'it''s' AS a , '2024-01-01' :: date AS d , (-5) AS n FROM orders WHERE name = '北美'",
    );
  });
  it('drops trailing semicolons and escapes backslashes', async () => {
    expect(await inlineParams('SELECT $1;;', ['a\\b'])).toBe("SELECT  E'a\\\\b'");
  });
});

describe.skipIf(!server)(`GET /api/queries/[id]/csv on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  async function runQuery(sql: string, params: unknown[] = []): Promise<{ ok: boolean; queryRunId: string | null; truncated?: boolean }> {
    scripted.model = scriptedModel(sql, 'Done.', params);
    const { message } = await readChat(await POST(chatRequest({ conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: userMessage('q') })));
    const part = message!.parts.find((p) => p.type === 'tool-runQuery');
    if (part?.type !== 'tool-runQuery' || part.state !== 'output-available') throw new Error('no query output');
    return part.output;
  }
  const download = (id: string, cookie?: string) => GET(jsonRequest(`/api/queries/${id}/csv`, null, { method: 'GET', cookie }), { params: Promise.resolve({ id }) });

  it('streams every row of the result as CSV, equal to a direct query, past the display cap', async () => {
    const run = await runQuery('SELECT order_id, line_number, quantity FROM order_items WHERE quantity >= $1 ORDER BY 1, 2', [1]);
    expect(run).toMatchObject({ ok: true, truncated: true });
    const response = await download(run.queryRunId!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="quarry-/);
    const csv = await response.text();
    const { rows } = await env.warehouse('SELECT order_id, line_number, quantity FROM order_items ORDER BY 1, 2');
    expect(rows.length).toBeGreaterThan(1000);
    expect(csv.trimEnd().split('\n')).toEqual(['order_id,line_number,quantity', ...rows.map((r) => `${r.order_id},${r.line_number},${r.quantity}`)]);
  });

  it('stops the COPY in Postgres and frees its connection when the reader cancels the download', async () => {
    const run = await runQuery('SELECT a.order_id, b.order_id AS other FROM orders a CROSS JOIN orders b');
    const response = await download(run.queryRunId!);
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    // The COPY's connection is neither running nor held in its transaction.
    const busy = () => env.warehouse("SELECT state, left(query, 60) AS query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'quarry' AND state <> 'idle'");
    await expect.poll(async () => (await busy()).rows, { timeout: 10_000 }).toEqual([]);
  });

  it('exports a query with a multibyte literal parameter', async () => {
    const run = await runQuery('SELECT count(*) AS n FROM customers WHERE region <> $1', ['北美 "quoted"']);
    const csv = await (await download(run.queryRunId!)).text();
    const { rows } = await env.warehouse('SELECT count(*)::int AS n FROM customers');
    expect(csv).toBe(`n\n${rows[0].n}\n`);
  });

  it('answers bad ids and refused queries with a clear error', async () => {
    expect((await download('not-a-uuid')).status).toBe(400);
    const missing = await download(crypto.randomUUID());
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/does not exist/);
    const rejected = await runQuery('DELETE FROM orders');
    expect(rejected.ok).toBe(false);
    const refused = await download(rejected.queryRunId!);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/ran successfully/);
  });
});
