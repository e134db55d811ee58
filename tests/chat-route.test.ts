import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import { chatRequest, readChat, scriptedModel, textParts, usage, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

const { POST } = await import('@/app/api/chat/route');

describe.skipIf(!server)(`POST /api/chat on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const ask = (text: string, conversationId = crypto.randomUUID()) =>
    POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage(text) }));

  it('streams a tool call, its output, then text, and persists the turn and the query run', async () => {
    scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'There are many orders.');
    const conversationId = crypto.randomUUID();
    const response = await ask('How many orders?', conversationId);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const { chunks, message } = await readChat(response);
    const types = chunks.map((c) => c.type);
    expect(types.indexOf('tool-output-available')).toBeGreaterThan(types.indexOf('tool-input-available'));
    expect(types.indexOf('text-delta')).toBeGreaterThan(types.indexOf('tool-output-available'));
    expect(types.at(-1)).toBe('finish');

    const tool = message!.parts.find((p) => p.type === 'tool-runQuery');
    const { rows } = await env.warehouse('SELECT count(*)::int AS n FROM orders');
    expect(tool).toMatchObject({ state: 'output-available', output: { ok: true, rows: [[rows[0].n]], truncated: false } });
    expect(message!.parts.some((p) => p.type === 'text' && p.text === 'There are many orders.')).toBe(true);

    const stored = await env.app('SELECT role, parts FROM messages WHERE conversation_id = $1 ORDER BY created_at', [conversationId]);
    expect(stored.rows.map((r) => r.role)).toEqual(['user', 'assistant']);
    const runs = await env.app('SELECT status, row_count, sql FROM query_runs WHERE conversation_id = $1', [conversationId]);
    expect(runs.rows).toEqual([{ status: 'ok', row_count: 1, sql: 'SELECT count(*) AS n FROM orders' }]);
  });

  it('returns a Postgres error to the model as tool output, still streams text and completes', async () => {
    scripted.model = scriptedModel('SELECT nope FROM orders', 'That column does not exist.');
    const { chunks, message } = await readChat(await ask('Break it'));
    const tool = message!.parts.find((p) => p.type === 'tool-runQuery');
    expect(tool).toMatchObject({ state: 'output-available', output: { ok: false, code: '42703' } });
    expect(tool?.type === 'tool-runQuery' && tool.state === 'output-available' && !tool.output.ok && tool.output.error).toMatch(/nope/);
    expect(chunks.some((c) => c.type === 'text-delta')).toBe(true);
    expect(chunks.at(-1)?.type).toBe('finish');
  });

  it('never lets generated SQL write: the guard rejects DML and says why', async () => {
    const before = await env.warehouse('SELECT count(*)::int AS n FROM orders');
    scripted.model = scriptedModel('DELETE FROM orders', 'Deleted.');
    const { message } = await readChat(await ask('Delete everything'));
    expect(message!.parts.find((p) => p.type === 'tool-runQuery')).toMatchObject({
      output: { ok: false, rejected: true, error: expect.stringMatching(/DELETE is not allowed/) },
    });
    const after = await env.warehouse('SELECT count(*)::int AS n FROM orders');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('answers "How many orders are there?" with the local planner through a real runQuery call', async () => {
    scripted.model = undefined;
    const { message } = await readChat(await ask('How many orders are there?'));
    const { rows } = await env.warehouse('SELECT count(*)::int AS n FROM orders');
    expect(message!.parts.find((p) => p.type === 'tool-runQuery')).toMatchObject({ output: { ok: true, rows: [[rows[0].n]] } });
    const text = message!.parts.filter((p) => p.type === 'text').map((p) => p.text).join('');
    expect(text).toContain(new Intl.NumberFormat('en-US').format(rows[0].n));
  });

  it('follows up with the local planner on a value it knows from the dataset\'s sampled values ("only Europe")', async () => {
    scripted.model = undefined;
    const conversationId = crypto.randomUUID();
    await readChat(await ask('Total revenue by region', conversationId));
    const { message } = await readChat(await ask('only Europe', conversationId));
    const tool = message!.parts.find((p) => p.type === 'tool-runQuery');
    expect(tool?.type === 'tool-runQuery' && tool.input?.params).toContain('Europe');
    expect(tool).toMatchObject({ state: 'output-available', output: { ok: true, rowCount: 1 } });
  });

  it('runs the query when the model proposes a malformed chart or one naming a missing column', async () => {
    for (const chart of [{ kind: 'radar', x: 'n' }, { kind: 'bar', x: 'missing', y: ['n'] }]) {
      scripted.model = new MockLanguageModelV4({
        doStream: async (options) => ({
          stream: convertArrayToReadableStream<LanguageModelV4StreamPart>(
            options.prompt.some((m) => m.role === 'tool')
              ? textParts('Done.')
              : [
                  { type: 'tool-call', toolCallId: 'c', toolName: 'runQuery', input: JSON.stringify({ sql: 'SELECT 1 AS n', params: [], purpose: 'p', chart }) },
                  { type: 'finish', finishReason: { unified: 'tool-calls', raw: undefined }, usage },
                ],
          ),
        }),
      });
      const { message } = await readChat(await ask('chart it'));
      expect(message!.parts.find((p) => p.type === 'tool-runQuery'), JSON.stringify(chart)).toMatchObject({ output: { ok: true, rows: [[1]] } });
    }
  });

  it('cancels the running query in Postgres when the browser disconnects or the user presses Stop', async () => {
    const sql = 'SELECT count(*) FROM (SELECT generate_series(1, 3000000000)) s';
    scripted.model = scriptedModel(sql, 'Counted.');
    const admin = new pg.Pool({ connectionString: env.warehouseUrl, max: 1 });
    const running = async () =>
      (await admin.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND strpos(query, $1) > 0 AND pid <> pg_backend_pid()", [sql])).rows[0].n;
    const controller = new AbortController();
    const request = chatRequest({ conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: userMessage('Count a lot') });
    const response = await POST(new Request(request, { signal: controller.signal }));
    const body = response.body!.getReader();
    await expect.poll(running, { timeout: 10_000 }).toBe(1);
    controller.abort();
    await body.cancel().catch(() => {});
    await expect.poll(running, { timeout: 10_000 }).toBe(0);
    await admin.end();
  });

  describe('bad input gets a 4xx with a clear message', () => {
    const expectError = async (response: Response, status: number, pattern: RegExp) => {
      expect(response.status).toBe(status);
      const body = (await response.json()) as { error: string };
      expect(body.error).toMatch(pattern);
    };
    const valid = () => ({ conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: userMessage('How many orders?') });

    it('malformed JSON', async () => {
      await expectError(await POST(chatRequest('{"conversationId": ')), 400, /not valid JSON/);
    });
    it('missing fields', async () => {
      await expectError(await POST(chatRequest({ datasetId: env.datasetId })), 400, /conversationId|message/);
      const { message: _omitted, ...noMessage } = valid();
      await expectError(await POST(chatRequest(noMessage)), 400, /message/);
    });
    it('an unknown dataset', async () => {
      await expectError(await POST(chatRequest({ ...valid(), datasetId: crypto.randomUUID() })), 404, /dataset does not exist/);
    });
    it('an empty question', async () => {
      await expectError(await POST(chatRequest({ ...valid(), message: userMessage('   ') })), 400, /empty/);
    });
    it('a 100 KB question', async () => {
      await expectError(await POST(chatRequest({ ...valid(), message: userMessage('x'.repeat(100 * 1024)) })), 413, /too large|limit/);
    });
    it('a question just over the character limit', async () => {
      await expectError(await POST(chatRequest({ ...valid(), message: userMessage('y'.repeat(4001)) })), 413, /4000/);
    });
    it('an assistant message in place of a user message', async () => {
      await expectError(await POST(chatRequest({ ...valid(), message: { ...userMessage('hi'), role: 'assistant' } })), 400, /role/);
    });
  });
});
