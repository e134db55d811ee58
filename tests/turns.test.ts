import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { chatRequest, readChat, scriptedModel, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';
import { toUIMessages } from '@/lib/ai/messages';

const { POST } = await import('@/app/api/chat/route');
const { getMessages, listDatasets } = await import('@/db/queries');

/** A model that writes some text, then breaks. */
function breakingModel(partial: string) {
  return new MockLanguageModelV4({
    doStream: async () => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        async pull(controller) {
          controller.enqueue({ type: 'text-start', id: 't1' });
          controller.enqueue({ type: 'text-delta', id: 't1', delta: partial });
          await new Promise((resolve) => setTimeout(resolve, 50));
          controller.error(new Error('upstream connection reset'));
        },
      }),
    }),
  });
}

describe.skipIf(!server)(`failed turns, usage, limits and grants on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const ask = (message: ReturnType<typeof userMessage>, conversationId: string, cookie?: string) =>
    POST(chatRequest({ conversationId, datasetId: env.datasetId, message }, cookie === undefined ? undefined : { cookie }));

  it('keeps the question and the partial answer of a turn the model breaks, marked failed; Retry replaces it', async () => {
    const conversationId = crypto.randomUUID();
    const question = userMessage('How many orders?');
    scripted.model = breakingModel('Counting the orders');
    const { chunks } = await readChat(await ask(question, conversationId));
    expect(chunks.some((c) => c.type === 'error')).toBe(true);

    const stored = toUIMessages(await getMessages(conversationId));
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored[0]!.parts).toEqual(question.parts);
    expect(stored[1]!.metadata).toMatchObject({ status: 'failed', error: expect.stringMatching(/upstream connection reset/) });
    expect(stored[1]!.parts.some((p) => p.type === 'text' && p.text.includes('Counting the orders'))).toBe(true);

    scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'Here is the count.');
    const retry = await readChat(await ask(question, conversationId));
    expect(retry.message!.parts.some((p) => p.type === 'text' && p.text === 'Here is the count.')).toBe(true);
    const after = toUIMessages(await getMessages(conversationId));
    expect(after.map((m) => [m.role, m.metadata?.status])).toEqual([
      ['user', undefined],
      ['assistant', undefined],
    ]);
  });

  it('marks a turn failed when the client goes away mid-answer, and keeps the question', async () => {
    const conversationId = crypto.randomUUID();
    scripted.model = new MockLanguageModelV4({
      doStream: async ({ abortSignal }) => ({
        stream: new ReadableStream<LanguageModelV4StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'text-start', id: 't1' });
            controller.enqueue({ type: 'text-delta', id: 't1', delta: 'Thinking' });
            abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason));
          },
        }),
      }),
    });
    const client = new AbortController();
    const request = chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('Slow question') });
    const response = await POST(new Request(request, { signal: client.signal }));
    const reader = response.body!.getReader();
    await reader.read();
    client.abort();
    await reader.cancel().catch(() => {});
    await expect.poll(async () => (await getMessages(conversationId)).map((m) => [m.role, m.status]), { timeout: 10_000 }).toEqual([
      ['user', 'complete'],
      ['assistant', 'failed'],
    ]);
  });

  it("records each user's questions, queries and the model's reported tokens per day", async () => {
    const { rows: before } = await env.app('SELECT questions, queries, input_tokens, output_tokens FROM usage_daily WHERE user_id = $1', [env.users.other.id]);
    expect(before).toEqual([]);
    scripted.model = scriptedModel('SELECT count(*) AS n FROM orders', 'Counted.');
    await readChat(await ask(userMessage('Count orders'), crypto.randomUUID(), env.users.other.cookie));
    const { rows } = await env.app('SELECT questions, queries, input_tokens::int AS input, output_tokens::int AS output, day = (now() AT TIME ZONE $2)::date AS today FROM usage_daily WHERE user_id = $1', [
      env.users.other.id,
      'utc',
    ]);
    // Two model calls (the tool call, then the text), each reporting 10 input and 5 output tokens.
    expect(rows).toEqual([{ questions: 1, queries: 1, input: 20, output: 10, today: true }]);
  });

  it('answers a user over the daily limit with a clear message instead of the model, and keeps the question', async () => {
    await env.app('INSERT INTO user_limits (user_id, daily_questions) VALUES ($1, 1)', [env.users.other.id]);
    let calls = 0;
    const model = scriptedModel('SELECT 1 AS one', 'One.');
    const doStream = model.doStream.bind(model);
    model.doStream = (options) => (calls++, doStream(options));
    scripted.model = model;
    const conversationId = crypto.randomUUID();
    const response = await POST(
      new Request(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('One more?') }, { cookie: env.users.other.cookie }), {
        headers: { 'content-type': 'application/json', cookie: `${env.users.other.cookie}; NEXT_LOCALE=zh` },
      }),
    );
    expect(response.status).toBe(200);
    const { message } = await readChat(response);
    expect(calls).toBe(0);
    expect(message!.metadata).toEqual({ notice: 'limit' });
    expect(message!.parts).toEqual([{ type: 'text', text: expect.stringContaining('上限（1）'), state: 'done' }]);
    expect((await getMessages(conversationId)).map((m) => m.role)).toEqual(['user', 'assistant']);
    await env.app('DELETE FROM user_limits WHERE user_id = $1', [env.users.other.id]);
  });

  it('lets an analyst use only the datasets granted to them, and nobody a disabled one', async () => {
    const other = { id: env.users.other.id, role: 'analyst' };
    expect((await listDatasets(other)).map((d) => d.id)).toEqual([env.datasetId]);
    await env.app('DELETE FROM dataset_grants WHERE user_id = $1', [other.id]);
    expect(await listDatasets(other)).toEqual([]);
    const refused = await ask(userMessage('How many orders?'), crypto.randomUUID(), env.users.other.cookie);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/not shared with you/) });

    await env.app('UPDATE datasets SET enabled = false WHERE id = $1', [env.datasetId]);
    expect(await listDatasets({ id: env.users.admin.id, role: 'admin' })).toEqual([]);
    expect((await ask(userMessage('How many orders?'), crypto.randomUUID(), env.users.admin.cookie)).status).toBe(404);
    await env.app('UPDATE datasets SET enabled = true WHERE id = $1', [env.datasetId]);
    await env.app('INSERT INTO dataset_grants (dataset_id, user_id) VALUES ($1, $2)', [env.datasetId, other.id]);
  });
});
