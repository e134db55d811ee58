import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

type ChatRequest = { model: string; stream?: boolean; messages: { role: string; content: unknown }[]; tools?: { function: { name: string } }[] };
export type FakeOpenAI = { baseURL: string; requests: { path: string; body: ChatRequest }[]; close: () => Promise<void> };

const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const part of req) body += part;
  return body;
}

/**
 * A small server speaking OpenAI's Chat Completions streaming protocol, as Ollama, vLLM,
 * llama.cpp and LM Studio do: first a streamed tool call to runQuery with `sql`, then, once
 * the request carries the tool's result, streamed text. Other endpoints answer 404.
 * `wordDelayMs` spaces the words of the text out, for a stream that is still running when a
 * test interrupts it.
 */
export async function startFakeOpenAI(sql: string, answer: string, { wordDelayMs = 0 } = {}): Promise<FakeOpenAI> {
  const requests: FakeOpenAI['requests'] = [];
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
      return;
    }
    const body = JSON.parse(raw) as ChatRequest;
    requests.push({ path: req.url, body });
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (body.messages.some((m) => m.role === 'tool')) {
      res.write(chunk({ role: 'assistant', content: '' }));
      for (const word of answer.split(/(?<= )/)) {
        if (res.destroyed) return;
        res.write(chunk({ content: word }));
        if (wordDelayMs) await new Promise((resolve) => setTimeout(resolve, wordDelayMs));
      }
      res.write(chunk({}, 'stop'));
    } else {
      const args = JSON.stringify({ sql, params: [], purpose: 'Count the orders' });
      res.write(chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'runQuery', arguments: '' } }] }));
      for (let i = 0; i < args.length; i += 16) res.write(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + 16) } }] }));
      res.write(chunk({}, 'tool_calls'));
    }
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
