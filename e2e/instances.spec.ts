import { expect, test } from '@playwright/test';
import { startFakeOpenAI, type FakeOpenAI } from '../tests/helpers/fake-openai';
import { queryApp } from './databases';
import { analystCookie, readChunks, startInstance, textOf, type Instance } from './instances';

/**
 * Faults that need real processes: two `next start` instances beside the e2e server, on its
 * build, app database and sample warehouse, sharing Redis, with a model server that writes
 * its answer slowly enough to be interrupted.
 */
const REDIS_URL = process.env.QUARRY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ANSWER = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
const PORTS = [3221, 3222] as const;

test.describe('two app instances sharing Postgres and Redis', () => {
  test.describe.configure({ timeout: 180_000 });
  let model: FakeOpenAI;
  let env: Record<string, string>;
  let a: Instance;
  let b: Instance;
  let datasetId: string;

  test.beforeAll(async () => {
    model = await startFakeOpenAI('SELECT count(*) AS n FROM public.orders', ANSWER, { wordDelayMs: 60 });
    env = { REDIS_URL, QUARRY_MODEL: 'compatible:fake', OPENAI_BASE_URL: model.baseURL };
    [a, b] = await Promise.all(PORTS.map((port) => startInstance(port, env)));
    [{ id: datasetId }] = await queryApp<{ id: string }>('SELECT id FROM datasets WHERE is_default LIMIT 1');
  });
  test.afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await model?.close();
  });

  const ask = (instance: Instance, conversationId: string, text: string, messageId: string = crypto.randomUUID()) =>
    fetch(`${instance.url}/api/chat`, {
      method: 'POST',
      headers: { cookie: analystCookie(), 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId, datasetId, message: { id: messageId, role: 'user', parts: [{ type: 'text', text }] } }),
    });
  const stream = (instance: Instance, conversationId: string, method: 'GET' | 'DELETE') =>
    fetch(`${instance.url}/api/chat/${conversationId}/stream`, { method, headers: { cookie: analystCookie() } });
  const saved = (conversationId: string) =>
    queryApp<{ role: string; status: string }>('SELECT role, status FROM messages WHERE conversation_id = $1 ORDER BY created_at', [conversationId]);
  const firstWords = (response: Response) => readChunks(response, (chunk) => chunk.type === 'text-delta');

  test('a conversation started on one instance continues on the other; an answer written on one resumes, and stops, from the other', async () => {
    const conversationId = crypto.randomUUID();
    expect(textOf(await readChunks(await ask(a, conversationId, 'How many orders? (asked on A)')))).toBe(ANSWER);
    expect(textOf(await readChunks(await ask(b, conversationId, 'And now? (asked on B)')))).toBe(ANSWER);
    // B answered with the history A saved: the model saw A's question.
    expect(JSON.stringify(model.requests.at(-1)!.body.messages)).toContain('How many orders? (asked on A)');
    expect(await saved(conversationId)).toEqual(Array(2).fill([{ role: 'user', status: 'complete' }, { role: 'assistant', status: 'complete' }]).flat());

    // A writes; B replays the answer from its first word to its end.
    await firstWords(await ask(a, conversationId, 'Once more, slowly'));
    const resumed = await stream(b, conversationId, 'GET');
    expect(resumed.status).toBe(200);
    const chunks = await readChunks(resumed);
    expect(textOf(chunks)).toBe(ANSWER);
    expect(chunks.at(-1)?.type).toBe('finish');
    await expect.poll(async () => (await saved(conversationId)).length).toBe(6);

    // Stop pressed on B ends the answer A is writing, and A saves it as stopped.
    await firstWords(await ask(a, conversationId, 'Stop me'));
    expect((await stream(b, conversationId, 'DELETE')).status).toBe(204);
    await expect.poll(async () => (await saved(conversationId)).at(-1)).toEqual({ role: 'assistant', status: 'failed' });
  });

  test('an instance killed mid-answer loses no completed message; the question waits with Retry, and after a restart it is answered', async ({ page }) => {
    const conversationId = crypto.randomUUID();
    const question = `Count the orders (${Date.now()})`;
    await readChunks(await ask(a, conversationId, question));
    const retried = crypto.randomUUID();
    await firstWords(await ask(a, conversationId, 'And again, until the crash', retried));
    await a.kill();

    expect(await saved(conversationId)).toEqual([
      { role: 'user', status: 'complete' },
      { role: 'assistant', status: 'complete' },
      { role: 'user', status: 'complete' },
    ]);
    // Nobody serves the dead instance's stream: the other instance says so at once instead of failing.
    expect((await stream(b, conversationId, 'GET')).status).toBe(204);
    expect(await queryApp('SELECT active_stream_id FROM conversations WHERE id = $1', [conversationId])).toEqual([{ active_stream_id: null }]);

    // The analyst sees the answered turn and the unanswered question, with Retry.
    await page.goto(`/c/${conversationId}`);
    await expect(page.getByText(question)).toBeVisible();
    await expect(page.getByText('This question has no answer yet.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();

    a = await startInstance(PORTS[0], env);
    expect(textOf(await readChunks(await ask(a, conversationId, 'And again, until the crash', retried)))).toBe(ANSWER);
    expect(await saved(conversationId)).toEqual(Array(2).fill([{ role: 'user', status: 'complete' }, { role: 'assistant', status: 'complete' }]).flat());
  });
});
