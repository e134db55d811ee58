import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatRequest, jsonRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

const chat = await import('@/app/api/chat/route');
const queries = await import('@/app/api/queries/route');

describe.skipIf(!server)(`SQL the analyst edits and runs, and follow-ups, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let app: pg.Pool;
  const conversationId = crypto.randomUUID();
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    app = new pg.Pool({ connectionString: env.appUrl, max: 1 });
    scripted.model = scriptedModel('SELECT region, count(*) AS customers FROM customers GROUP BY region', 'Five regions.');
    await readChat(await chat.POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('Customers by region') })));
  });
  afterAll(async () => {
    await app?.end();
    await env?.cleanup();
  });

  const run = (body: unknown, cookie?: string) => queries.POST(jsonRequest('/api/queries', body, { cookie }));
  const stored = async () => (await app.query('SELECT role, metadata, parts FROM messages WHERE conversation_id = $1 ORDER BY created_at', [conversationId])).rows;

  it('runs edited SQL through the guard and executor and saves it as the analyst’s own query', async () => {
    const response = await run({ conversationId, sql: 'SELECT segment, count(*) AS customers FROM customers WHERE region = $1 GROUP BY 1 ORDER BY 1', params: ['Europe'] });
    expect(response.status).toBe(200);
    const { message } = (await response.json()) as { message: { metadata: unknown; parts: { output: { ok: boolean; rows: unknown[][] } }[] } };
    expect(message.metadata).toEqual({ source: 'analyst' });
    const { rows } = await env.warehouse("SELECT segment, count(*)::int AS customers FROM customers WHERE region = 'Europe' GROUP BY 1 ORDER BY 1");
    expect(message.parts[0]!.output).toMatchObject({ ok: true, rows: rows.map((r) => [r.segment, r.customers]) });
    const messages = await stored();
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant', 'assistant']);
    expect(messages[2]!.metadata).toEqual({ source: 'analyst' });
  });

  it('refuses edited SQL the guard rejects, with its reason, and changes nothing', async () => {
    const before = await stored();
    const response = await run({ conversationId, sql: 'UPDATE customers SET region = $1', params: ['x'] });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/UPDATE is not allowed/);
    expect(await stored()).toEqual(before);
  });

  it('answers bad requests with clear errors', async () => {
    expect((await run({ conversationId: crypto.randomUUID(), sql: 'SELECT 1', params: [] })).status).toBe(404);
    expect((await run({ conversationId, sql: '' })).status).toBe(400);
    const malformed = await queries.POST(jsonRequest('/api/queries', '{'));
    expect(malformed.status).toBe(400);
  });

  it('a follow-up question reaches the model with the earlier SQL and results in its prompt', async () => {
    const model = scriptedModel('SELECT 1 AS x', 'ok');
    scripted.model = model;
    await readChat(await chat.POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('now only Europe') })));
    const prompt = JSON.stringify(model.doStreamCalls[0]!.prompt);
    expect(prompt).toContain('SELECT region, count(*) AS customers FROM customers GROUP BY region');
    expect(prompt).toContain('WHERE region = $1 GROUP BY 1 ORDER BY 1');
    expect(prompt).toContain('Customers by region');
  });
});
