import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeOpenAI } from './fake-openai';

export type FakeModelServer = { baseURL: string; close: () => Promise<void> };

const textChunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-2', object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/**
 * An OpenAI-compatible server that also lists `models` (GET /v1/models). With `toolCalls` its
 * chat completions are fake-openai's (a runQuery call, then text); without, it only ever
 * answers in text, like a model that cannot call tools.
 */
export async function startFakeModelServer({ models, toolCalls, answer }: { models: string[]; toolCalls: boolean; answer: string }): Promise<FakeModelServer> {
  const chat = toolCalls ? await startFakeOpenAI('SELECT count(*) AS n FROM public.orders', answer) : undefined;
  const server: Server = createServer(async (req, res) => {
    let body = '';
    for await (const part of req) body += part;
    if (req.method === 'GET' && req.url === '/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'fake' })) }));
      return;
    }
    if (chat) {
      const upstream = await fetch(`${chat.baseURL.replace(/\/v1$/, '')}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: body || undefined });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(textChunk({ role: 'assistant', content: answer }));
    res.write(textChunk({}, 'stop'));
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await chat?.close();
    },
  };
}
