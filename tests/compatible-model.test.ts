import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/chat/route';
import { chatRequest, readChat, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { startFakeOpenAI, type FakeOpenAI } from './helpers/fake-openai';

describe.skipIf(!server)(`compatible:<model> through @ai-sdk/openai against a fake server, on ${server?.name}`, () => {
  let env: TestEnvironment;
  let fake: FakeOpenAI;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    fake = await startFakeOpenAI('SELECT count(*) AS orders FROM orders', 'There are that many orders.');
  });
  afterEach(() => {
    delete process.env.QUARRY_MODEL;
    delete process.env.OPENAI_BASE_URL;
  });
  afterAll(async () => {
    await fake?.close();
    await env?.cleanup();
  });

  const ask = (text: string) =>
    POST(chatRequest({ conversationId: crypto.randomUUID(), datasetId: env.datasetId, message: userMessage(text) }));

  it('streams the tool call over Chat Completions, runs it, and streams the answer', async () => {
    Object.assign(process.env, { QUARRY_MODEL: 'compatible:fake-sql-model', OPENAI_BASE_URL: fake.baseURL });
    const { chunks, message } = await readChat(await ask('How many orders are there?'));
    const { rows } = await env.warehouse('SELECT count(*)::int AS n FROM orders');
    expect(message!.parts.find((p) => p.type === 'tool-runQuery')).toMatchObject({ output: { ok: true, rows: [[rows[0].n]] } });
    expect(message!.parts.filter((p) => p.type === 'text').map((p) => p.text).join('')).toBe('There are that many orders.');
    expect(chunks.at(-1)?.type).toBe('finish');

    expect(fake.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/chat/completions']);
    const [first, second] = fake.requests;
    expect(first!.body).toMatchObject({ model: 'fake-sql-model', stream: true });
    expect(first!.body.tools?.map((t) => t.function.name)).toEqual(['runQuery']);
    expect(JSON.stringify(first!.body.messages[0])).toContain('TABLE public.orders');
    // The model sees a sample of the result as the tool message, never the connection string.
    const toolMessage = second!.body.messages.find((m) => m.role === 'tool');
    expect(JSON.stringify(toolMessage)).toContain(String(rows[0].n));
    expect(JSON.stringify(fake.requests)).not.toContain(env.warehouseUrl);
  });

  it("uses the model an admin chose for the dataset over QUARRY_MODEL", async () => {
    process.env.OPENAI_BASE_URL = fake.baseURL;
    fake.requests.length = 0;
    const app = new pg.Client({ connectionString: env.appUrl });
    await app.connect();
    try {
      await app.query("UPDATE datasets SET model = 'compatible:dataset-model' WHERE id = $1", [env.datasetId]);
      const { message } = await readChat(await ask('How many orders are there?'));
      expect(message!.parts.filter((p) => p.type === 'text').map((p) => p.text).join('')).toBe('There are that many orders.');
      expect(fake.requests[0]!.body).toMatchObject({ model: 'dataset-model' });
    } finally {
      await app.query('UPDATE datasets SET model = NULL WHERE id = $1', [env.datasetId]);
      await app.end();
    }
  });

  it('explains a missing base URL instead of failing obscurely', async () => {
    process.env.QUARRY_MODEL = 'compatible:fake-sql-model';
    const response = await ask('How many orders are there?');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: string }).error).toMatch(/OPENAI_BASE_URL/);
  });

  it('reports an unreachable model server in the stream, which still completes', async () => {
    const closed = await startFakeOpenAI('', '');
    await closed.close();
    Object.assign(process.env, { QUARRY_MODEL: 'compatible:fake-sql-model', OPENAI_BASE_URL: closed.baseURL });
    const response = await ask('How many orders are there?');
    expect(response.status).toBe(200);
    const { chunks } = await readChat(response).catch(() => ({ chunks: [] as { type: string; errorText?: string }[] }));
    const error = chunks.find((c) => c.type === 'error') as { errorText: string } | undefined;
    expect(error?.errorText).toMatch(/could not be reached/);
  });
});
