/**
 * Preloaded into the production server by the throughput benchmark (`node --import`): every model
 * Quarry resolves is replaced by an instant scripted one, through the registry's wrapper hook
 * (lib/ai/models.ts). A new question gets one runQuery call of QUARRY_BENCH_SQL; once its result
 * is in, one short sentence. Node strips this file's types itself (Next's server runs without tsx),
 * so it imports types only.
 */
import type { LanguageModelV4, LanguageModelV4StreamPart, LanguageModelV4Usage } from '@ai-sdk/provider';

const sql = process.env.QUARRY_BENCH_SQL;
if (!sql) throw new Error('scripts/bench/instant-model.ts needs QUARRY_BENCH_SQL, the statement every question runs.');

const usage: LanguageModelV4Usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};
let calls = 0;

const instant: LanguageModelV4 = {
  specificationVersion: 'v4',
  provider: 'bench',
  modelId: 'instant',
  supportedUrls: {},
  doGenerate: () => Promise.reject(new Error('The instant benchmark model only streams.')),
  doStream: async ({ prompt }) => {
    const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
    if (prompt.at(-1)?.role === 'tool') {
      parts.push({ type: 'text-start', id: 'answer' }, { type: 'text-delta', id: 'answer', delta: 'Products by category.' }, { type: 'text-end', id: 'answer' });
      parts.push({ type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage });
    } else {
      const input = JSON.stringify({ sql, params: [], purpose: 'Products by category' });
      parts.push({ type: 'tool-call', toolCallId: `call_${++calls}`, toolName: 'runQuery', input });
      parts.push({ type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage });
    }
    return {
      stream: new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    };
  },
};

(globalThis as Record<symbol, unknown>)[Symbol.for('quarry.wrapModel')] = () => instant;
