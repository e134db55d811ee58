import type { LanguageModelV4, LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { textParts, usage } from './chat';

/** A step answers the question just asked when the prompt ends with that question's tool result. */
const answersToolResult = (options: LanguageModelV4CallOptions) => options.prompt.at(-1)?.role === 'tool';

const streamOf = (parts: LanguageModelV4StreamPart[]) =>
  new ReadableStream<LanguageModelV4StreamPart>({
    start(controller) {
      for (const part of parts) controller.enqueue(part);
      controller.close();
    },
  });

export type InstantModel = LanguageModelV4 & { calls: number };

/**
 * An instant scripted model for many-turn conversations: each new question gets one runQuery
 * call with `sql`, then `text` once its result is in. It counts its calls and, unlike the AI
 * SDK's mock, keeps no record of them, so memory stays flat over thousands of turns.
 */
export function instantModel(sql: string, text: string, params: unknown[] = []): InstantModel {
  const model: InstantModel = {
    specificationVersion: 'v4',
    provider: 'quarry-test',
    modelId: 'instant',
    supportedUrls: {},
    calls: 0,
    doGenerate: () => Promise.reject(new Error('The instant model only streams.')),
    doStream: async (options) => {
      model.calls++;
      return {
        stream: streamOf(
          answersToolResult(options)
            ? textParts(text)
            : [
                { type: 'tool-call', toolCallId: `call-${crypto.randomUUID()}`, toolName: 'runQuery', input: JSON.stringify({ sql, params, purpose: 'load' }) },
                { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
              ],
        ),
      };
    },
  };
  return model;
}
