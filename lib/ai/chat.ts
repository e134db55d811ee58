import { convertToModelMessages, createUIMessageStreamResponse, isStepCount, streamText, toUIMessageStream, type LanguageModel } from 'ai';
import { saveMessage } from '@/db/queries';
import type { Dataset } from '@/db/schema';
import type { Catalog } from '@/lib/warehouse/catalog';
import { datasetPolicy } from '@/lib/warehouse/guard';
import { systemPrompt } from './prompt';
import { createTools, type QuarryUIMessage } from './tools';

type Turn = {
  model: LanguageModel;
  dataset: Dataset;
  catalog: Catalog;
  conversationId: string;
  userId: string;
  /** The stored conversation, ending with the new user message. */
  history: QuarryUIMessage[];
  abortSignal?: AbortSignal;
};

/** Tells the user what failed in words, without leaking internals such as connection strings. */
export function describeModelError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|fetch failed|ENOTFOUND|Cannot connect to API/i.test(message)) return 'The model server could not be reached. Check OPENAI_BASE_URL and that the server is running, then retry.';
  if (/401|403|api key/i.test(message)) return 'The model provider rejected the credentials. Check OPENAI_API_KEY, then retry.';
  return `The model failed to answer: ${message.slice(0, 300)}`;
}

/** One chat turn: stream the model's answer with the runQuery tool, then persist it. */
export async function answer({ model, dataset, catalog, conversationId, userId, history, abortSignal }: Turn): Promise<Response> {
  const tools = createTools({ dataset, policy: datasetPolicy(dataset, catalog), conversationId, userId });
  const result = streamText({
    model,
    instructions: systemPrompt(dataset, catalog),
    messages: await convertToModelMessages(history, { tools }),
    tools,
    stopWhen: isStepCount(6),
    abortSignal,
    onError: ({ error }) => console.error(`[quarry] ${describeModelError(error)}`),
  });
  const stream = toUIMessageStream<typeof tools, QuarryUIMessage>({
    stream: result.stream,
    tools,
    originalMessages: history,
    generateMessageId: () => crypto.randomUUID(),
    onError: describeModelError,
    onEnd: async ({ responseMessage }) => {
      if (responseMessage.parts.length === 0) return;
      await saveMessage({ id: responseMessage.id, conversationId, role: 'assistant', parts: responseMessage.parts });
    },
  });
  return createUIMessageStreamResponse({ stream });
}
