import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';
import { chatRequest, readChat, usage, userMessage } from './helpers/chat';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { scripted } from './helpers/scripted-model';

const REDIS_URL = process.env.QUARRY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisUp = await new Promise<boolean>((resolve) => {
  const { hostname, port } = new URL(REDIS_URL);
  const socket = net.connect(Number(port || 6379), hostname, () => (socket.end(), resolve(true)));
  socket.on('error', () => resolve(false));
});
if (!redisUp) console.warn(`[tests] Redis at ${REDIS_URL} is not reachable: the resumable-stream tests are skipped.`);

const { POST } = await import('@/app/api/chat/route');
const { GET, DELETE } = await import('@/app/api/chat/[id]/stream/route');
const { getMessages } = await import('@/db/queries');

/** A model that writes `words` one at a time, `delayMs` apart, and stops when aborted. */
function slowModel(words: string[], delayMs: number) {
  return new MockLanguageModelV4({
    doStream: async ({ abortSignal }) => ({
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        async start(controller) {
          controller.enqueue({ type: 'text-start', id: 't1' });
          for (const [i, word] of words.entries()) {
            await new Promise((resolve) => setTimeout(resolve, delayMs));
            if (abortSignal?.aborted) return controller.error(abortSignal.reason);
            controller.enqueue({ type: 'text-delta', id: 't1', delta: i ? ` ${word}` : word });
          }
          controller.enqueue({ type: 'text-end', id: 't1' });
          controller.enqueue({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
          controller.close();
        },
      }),
    }),
  });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe.skipIf(!server)(`resumable answers on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const streamRequest = (id: string, method: 'GET' | 'DELETE', cookie = env.users.analyst.cookie) =>
    new Request(new URL(`/api/chat/${id}/stream`, 'http://localhost'), { method, headers: { cookie } });

  it('without Redis: answers once, and there is never a stream to resume', async () => {
    scripted.model = slowModel(['just', 'once'], 1);
    const conversationId = crypto.randomUUID();
    const { message } = await readChat(await POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('Once') })));
    expect(message!.parts.some((p) => p.type === 'text' && p.text === 'just once')).toBe(true);
    expect((await GET(streamRequest(conversationId, 'GET'), params(conversationId))).status).toBe(204);
  });

  describe.skipIf(!redisUp)('with Redis', () => {
    beforeAll(() => {
      process.env.REDIS_URL = REDIS_URL;
    });
    afterAll(() => {
      delete process.env.REDIS_URL;
    });

    it('keeps writing the answer after the browser leaves, and a reload replays it from the start to the end', async () => {
      const words = Array.from({ length: 20 }, (_, i) => `word${i}`);
      scripted.model = slowModel(words, 15);
      const conversationId = crypto.randomUUID();
      const response = await POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('Tell me slowly') }));
      // Registered before the first chunk can arrive, so a reload at once finds it.
      const { resumableStreams } = await import('@/lib/ai/resume');
      const [{ active_stream_id: streamId }] = (await env.app('SELECT active_stream_id FROM conversations WHERE id = $1', [conversationId])).rows;
      expect(await (await resumableStreams())!.publisher.get(`quarry:stream:rs:sentinel:${streamId}`)).toBe('1');
      const reader = response.body!.getReader();
      await reader.read();
      await reader.cancel();

      const resumed = await GET(streamRequest(conversationId, 'GET'), params(conversationId));
      expect(resumed.status).toBe(200);
      const { chunks, message } = await readChat(resumed);
      expect(chunks.at(-1)?.type).toBe('finish');
      expect(message!.parts.filter((p) => p.type === 'text').map((p) => p.text).join('')).toBe(words.join(' '));
      await expect.poll(async () => (await getMessages(conversationId)).map((m) => [m.role, m.status])).toEqual([
        ['user', 'complete'],
        ['assistant', 'complete'],
      ]);
      // Once the answer is saved, there is nothing left to resume.
      await expect.poll(async () => (await GET(streamRequest(conversationId, 'GET'), params(conversationId))).status).toBe(204);
    });

    it('stops the answer on Stop, from any instance, and keeps it marked failed', async () => {
      scripted.model = slowModel(Array.from({ length: 200 }, (_, i) => `w${i}`), 10);
      const conversationId = crypto.randomUUID();
      const response = await POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('Go on and on') }));
      const reading = readChat(response);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await DELETE(streamRequest(conversationId, 'DELETE'), params(conversationId))).status).toBe(204);
      const { message } = await reading;
      expect(message!.parts.filter((p) => p.type === 'text').map((p) => p.text).join('').split(' ').length).toBeLessThan(200);
      await expect.poll(async () => (await getMessages(conversationId)).map((m) => [m.role, m.status])).toEqual([
        ['user', 'complete'],
        ['assistant', 'failed'],
      ]);
    });

    it('forgets an answer whose writer died (a killed instance): 204 instead of an error, and no later reload waits for it', async () => {
      scripted.model = slowModel(['done'], 1);
      const conversationId = crypto.randomUUID();
      await readChat(await POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('Then the instance died') })));
      // What a killed writer leaves: the conversation points at a stream Redis knows but nobody serves.
      const { resumableStreams } = await import('@/lib/ai/resume');
      const streams = (await resumableStreams())!;
      const orphan = crypto.randomUUID();
      await streams.publisher.incr(`quarry:stream:rs:sentinel:${orphan}`);
      await env.app('UPDATE conversations SET active_stream_id = $1 WHERE id = $2', [orphan, conversationId]);

      expect((await GET(streamRequest(conversationId, 'GET'), params(conversationId))).status).toBe(204);
      expect((await env.app('SELECT active_stream_id FROM conversations WHERE id = $1', [conversationId])).rows).toEqual([{ active_stream_id: null }]);
      await streams.publisher.del(`quarry:stream:rs:sentinel:${orphan}`);
    });

    it("refuses another user's conversation and anonymous requests, exactly like a missing one", async () => {
      scripted.model = slowModel(['a', 'b', 'c'], 5);
      const conversationId = crypto.randomUUID();
      await readChat(await POST(chatRequest({ conversationId, datasetId: env.datasetId, message: userMessage('Mine') })));
      for (const method of ['GET', 'DELETE'] as const) {
        const handler = method === 'GET' ? GET : DELETE;
        expect((await handler(streamRequest(conversationId, method, env.users.other.cookie), params(conversationId))).status).toBe(404);
        expect((await handler(streamRequest(crypto.randomUUID(), method, env.users.other.cookie), params(crypto.randomUUID()))).status).toBe(404);
        expect((await handler(streamRequest(conversationId, method, ''), params(conversationId))).status).toBe(401);
        expect((await handler(streamRequest('not-a-uuid', method), params('not-a-uuid'))).status).toBe(404);
      }
    });
  });
});
