import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { parseJsonEventStream, readUIMessageStream, uiMessageChunkSchema, type UIMessageChunk } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV4 } from 'ai/test';
import type { QuarryUIMessage } from '@/lib/ai/tools';

export const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

const hasToolResult = (options: LanguageModelV4CallOptions) => options.prompt.some((m) => m.role === 'tool');

export function textParts(text: string): LanguageModelV4StreamPart[] {
  return [
    { type: 'text-start', id: 't1' },
    ...text.split(' ').map((w, i) => ({ type: 'text-delta' as const, id: 't1', delta: i ? ` ${w}` : w })),
    { type: 'text-end', id: 't1' },
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage },
  ];
}

/** A scripted model: the first step calls runQuery with `sql`, the next answers with `text`. */
export function scriptedModel(sql: string, text: string, params: unknown[] = []) {
  return new MockLanguageModelV4({
    doStream: async (options) => ({
      stream: convertArrayToReadableStream<LanguageModelV4StreamPart>(
        hasToolResult(options)
          ? textParts(text)
          : [
              { type: 'tool-call', toolCallId: 'call-1', toolName: 'runQuery', input: JSON.stringify({ sql, params, purpose: 'test' }) },
              { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
            ],
      ),
    }),
  });
}

let sessionCookie = '';

/** The session cookie requests built here carry (the test environment signs in an analyst). */
export function useSession(cookie: string) {
  sessionCookie = cookie;
}

/** A JSON request to a route, as the signed-in user (or as `cookie`; '' for anonymous). */
export function jsonRequest(url: string, body: unknown, { cookie = sessionCookie, method = 'POST' } = {}): Request {
  return new Request(new URL(url, 'http://localhost'), {
    method,
    headers: { 'content-type': 'application/json', cookie },
    body: method === 'GET' ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export const chatRequest = (body: unknown, options?: { cookie?: string }) => jsonRequest('/api/chat', body, options);

export function userMessage(text: string, id = crypto.randomUUID()) {
  return { id, role: 'user' as const, parts: [{ type: 'text' as const, text }] };
}

/** Reads a UI message stream response to its end: every chunk, and the final assistant message. */
export async function readChat(response: Response): Promise<{ chunks: UIMessageChunk[]; message: QuarryUIMessage | undefined }> {
  const chunks: UIMessageChunk[] = [];
  const parsed = parseJsonEventStream({ stream: response.body!, schema: uiMessageChunkSchema }).pipeThrough(
    new TransformStream({
      transform(result, controller) {
        if (!result.success) throw result.error;
        chunks.push(result.value);
        controller.enqueue(result.value);
      },
    }),
  );
  let message: QuarryUIMessage | undefined;
  for await (const m of readUIMessageStream<QuarryUIMessage>({ stream: parsed })) message = m;
  return { chunks, message };
}
