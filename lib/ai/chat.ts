import {
  convertToModelMessages,
  createUIMessageStream,
  isStepCount,
  streamText,
  toUIMessageStream,
  type LanguageModel,
  type TextStreamPart,
  type UIMessageStreamOutcome,
} from 'ai';
import { clearActiveStream, saveMessage, setActiveStream } from '@/db/queries';
import type { Dataset } from '@/db/schema';
import { addUsage, type UsageDelta } from '@/db/usage';
import { withheldSummary } from '@/lib/datasets/withheld-summary';
import { hasChinese } from '@/lib/planner/lexicon';
import type { RunQueryOutput } from '@/lib/query-runner';
import type { Catalog } from '@/lib/warehouse/catalog';
import { datasetPolicy } from '@/lib/warehouse/guard';
import { forModel } from './messages';
import { retrievalQuestion, systemPrompt } from './prompt';
import { resumableStreams, stopSignal } from './resume';
import { sseResponse, toSse } from './sse';
import { createTools, type MessageMetadata, type QuarryUIMessage } from './tools';

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

/** Why a turn did not complete, in words, or null when it did (the model's stream reached its finish). */
function failureOf(outcome: UIMessageStreamOutcome, finished: boolean): string | null {
  if (outcome.status === 'failed') return describeModelError(outcome.error);
  if (outcome.status === 'aborted') return 'The answer was stopped before it was complete.';
  return finished ? null : 'The connection closed before the answer was complete.';
}

type Tools = ReturnType<typeof createTools>;

/**
 * The model's stream with a failure of the stream itself (a connection reset mid-answer) as its
 * last part, as the SDK reports any other model error: the browser then gets an error chunk, and
 * the partial answer is saved, marked failed.
 */
function endingInError(stream: ReadableStream<TextStreamPart<Tools>>): ReadableStream<TextStreamPart<Tools>> {
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.enqueue({ type: 'error', error });
        controller.close();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

const isOk = (output: unknown): output is Extract<RunQueryOutput, { ok: true }> => (output as RunQueryOutput).ok;

/**
 * For a dataset that shares no rows with the model, the answer's text is a template built from
 * the result's shape, after the model's query: the model never writes the summary, so it cannot
 * state or guess a value. It goes in before the stream's finish, from the last step's result.
 */
function withheldAnswer(question: string): TransformStream<TextStreamPart<Tools>, TextStreamPart<Tools>> {
  let result: Extract<RunQueryOutput, { ok: true }> | undefined;
  return new TransformStream({
    transform(part, controller) {
      if (part.type === 'start-step') result = undefined;
      if (part.type === 'tool-result' && isOk(part.output)) result = part.output;
      if (part.type === 'finish' && result) {
        const text = withheldSummary(result, hasChinese(question) ? 'zh' : 'en');
        controller.enqueue({ type: 'text-start', id: 'withheld' });
        controller.enqueue({ type: 'text-delta', id: 'withheld', text });
        controller.enqueue({ type: 'text-end', id: 'withheld' });
        controller.enqueue({ ...part, finishReason: 'stop' });
        return;
      }
      controller.enqueue(part);
    },
  });
}

/** One chat turn: stream the model's answer with the runQuery tool, then persist it, complete or failed. */
export async function answer({ model, dataset, catalog, conversationId, userId, history, abortSignal }: Turn): Promise<Response> {
  const tools = createTools({ dataset, policy: datasetPolicy(dataset, catalog), conversationId, userId });
  const streams = await resumableStreams().catch((error: Error) => (console.error(`[quarry] ${error.message} Answers are not resumable.`), null));
  // With resumable streams the answer outlives the request (a reload picks it up), so only an
  // explicit Stop ends it early; without them, the browser going away does.
  const stop = streams ? await stopSignal(streams, conversationId) : null;
  const streamId = crypto.randomUUID();
  if (streams) await setActiveStream(conversationId, streamId);
  let tokens: UsageDelta | undefined;
  const result = streamText({
    model,
    instructions: await systemPrompt(dataset, catalog, retrievalQuestion(history)).catch((error: Error) => {
      console.error(`[quarry] Schema retrieval failed (${error.message}); sending the whole schema.`);
      return systemPrompt(dataset, catalog);
    }),
    messages: await convertToModelMessages(forModel(history), { tools }),
    tools,
    stopWhen: dataset.shareRowsWithModel ? isStepCount(6) : [isStepCount(6), ({ steps }) => steps.at(-1)?.toolResults.some((r) => isOk(r.output)) ?? false],
    abortSignal: stop?.signal ?? abortSignal,
    onError: ({ error }) => console.error(`[quarry] ${describeModelError(error)}`),
    // Written with the answer, by the same statement, at the end of the turn.
    onEnd: ({ totalUsage }) => {
      tokens = { inputTokens: totalUsage.inputTokens ?? 0, outputTokens: totalUsage.outputTokens ?? 0 };
    },
  });
  const question = history.at(-1)?.parts.map((p) => (p.type === 'text' ? p.text : '')).join(' ') ?? '';
  const parts = endingInError(result.stream);
  const stream = toUIMessageStream<Tools, QuarryUIMessage>({
    stream: dataset.shareRowsWithModel ? parts : parts.pipeThrough(withheldAnswer(question)),
    tools,
    onError: describeModelError,
    originalMessages: history,
    generateMessageId: () => crypto.randomUUID(),
    onEnd: async ({ responseMessage, outcome, finishReason }) => {
      await stop?.release();
      const error = failureOf(outcome, finishReason !== undefined);
      // A failed turn is kept, even empty, so the conversation shows it and offers Retry after a reload.
      const usage = tokens && { userId, delta: tokens };
      if (error || responseMessage.parts.length > 0) {
        await saveMessage({ id: responseMessage.id, conversationId, role: 'assistant', parts: responseMessage.parts, status: error ? 'failed' : 'complete', error }, { usage });
      } else if (usage) {
        await addUsage(usage.userId, usage.delta).catch((error: Error) => console.error(`[quarry] Could not record token usage: ${error.message}`));
      }
      if (streams) await clearActiveStream(conversationId, streamId);
    },
  });
  if (!streams) return sseResponse(toSse(stream));
  // Registered in Redis before the browser gets its first chunk, so a reload at once finds it;
  // it goes on reading the answer if the browser goes away.
  return sseResponse((await streams.context.createNewResumableStream(streamId, () => toSse(stream)))!);
}

/** Answers with a fixed message instead of the model (a reached limit), saved like any answer. */
export async function notice(conversationId: string, text: string, metadata: MessageMetadata): Promise<Response> {
  const id = crypto.randomUUID();
  await saveMessage({ id, conversationId, role: 'assistant', parts: [{ type: 'text', text }], metadata });
  const stream = createUIMessageStream<QuarryUIMessage>({
    execute: ({ writer }) => {
      writer.write({ type: 'start', messageId: id, messageMetadata: metadata });
      writer.write({ type: 'text-start', id: 'notice' });
      writer.write({ type: 'text-delta', id: 'notice', delta: text });
      writer.write({ type: 'text-end', id: 'notice' });
      writer.write({ type: 'finish' });
    },
  });
  return sseResponse(toSse(stream));
}
