import { z } from 'zod';
import { createTranslator } from 'next-intl';
import { canAccess, deleteMessagesAfter, saveMessage, turnContext, turnMessages } from '@/db/queries';
import { requestLocale } from '@/i18n/config';
import { loadMessages } from '@/i18n/messages';
import { getUser, unauthorized } from '@/lib/auth/session';
import { answer, notice } from '@/lib/ai/chat';
import { ModelConfigError, resolveModel } from '@/lib/ai/models';
import { MAX_QUESTION_CHARS } from '@/lib/limits';
import { toUIMessages } from '@/lib/ai/messages';
import { datasetCatalog } from '@/lib/warehouse/catalog';
import { DATASET_UNAVAILABLE, fail, route, warehouseUnreachable } from '@/lib/http';

export const dynamic = 'force-dynamic';
export const maxDuration = 120;

const MAX_BODY_BYTES = 64 * 1024;

const requestSchema = z.object({
  conversationId: z.uuid(),
  datasetId: z.uuid(),
  message: z.object({
    id: z.string().min(1).max(100),
    role: z.literal('user'),
    parts: z.array(z.object({ type: z.literal('text'), text: z.string() })).min(1).max(20),
  }),
});

export const POST = route(async function POST(request: Request) {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  const raw = await request.text();
  if (Buffer.byteLength(raw) > MAX_BODY_BYTES) return fail(413, `The request is too large: keep questions under ${MAX_QUESTION_CHARS} characters.`);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return fail(400, 'The request body is not valid JSON.');
  }
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) return fail(400, `Invalid request: ${z.prettifyError(parsed.error)}`);
  const { conversationId, datasetId, message } = parsed.data;
  const question = message.parts.map((p) => p.text).join('\n').trim();
  if (!question) return fail(400, 'The question is empty: type a question first.');
  if (question.length > MAX_QUESTION_CHARS) return fail(413, `The question is ${question.length} characters long; the limit is ${MAX_QUESTION_CHARS}.`);

  // Everything the turn needs to know is read at once, in two statements; the conversation's
  // messages are only used once the checks below have passed.
  const [context, { stored, takenBy }] = await Promise.all([turnContext(user, datasetId, conversationId), turnMessages(conversationId, message.id)]);
  if (!context) return fail(404, DATASET_UNAVAILABLE);
  const { dataset, conversation, limit } = context;
  // Someone else's conversation answers exactly like a missing one: its existence does not leak.
  if (conversation && !canAccess(user, conversation)) return fail(404, 'This conversation does not exist.');
  if (conversation && conversation.datasetId !== dataset.id) return fail(409, 'This conversation belongs to another dataset: start a new chat.');
  if (takenBy && takenBy !== conversationId) return fail(409, 'This message id is already used: send the question again as a new message.');
  // Saved before anything can fail, so a failed turn never loses the question. A retry re-sends
  // the same message: what answered it before is replaced.
  await Promise.all([
    saveMessage(
      { id: message.id, conversationId, role: 'user', parts: message.parts },
      {
        conversation: conversation ? undefined : { userId: user.id, datasetId, title: question.slice(0, 80) },
        usage: limit ? undefined : { userId: user.id, delta: { questions: 1 } },
        // The answer's commit, at the end of the turn, flushes it to disk.
        asyncCommit: true,
      },
    ),
    takenBy && deleteMessagesAfter(conversationId, message.id),
  ]);
  const earlier = toUIMessages(stored);
  const retried = earlier.findIndex((m) => m.id === message.id);
  const history = [...(retried === -1 ? earlier : earlier.slice(0, retried)), { id: message.id, role: 'user' as const, parts: message.parts }];

  if (limit) {
    const locale = requestLocale(request.headers);
    const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'chat' });
    return notice(conversationId, t('limitReached', { kind: limit.kind, limit: limit.limit }), { notice: 'limit' });
  }

  let catalog;
  try {
    catalog = await datasetCatalog(dataset);
  } catch (error) {
    return warehouseUnreachable(dataset.name, error);
  }
  let model;
  try {
    // The dataset's own model, if an admin chose one; the built-in planner links words through its knowledge.
    const env = dataset.model ? { ...process.env, QUARRY_MODEL: dataset.model } : process.env;
    model = resolveModel(catalog, env, { sampledValues: dataset.sampledValues, glossary: dataset.glossary, descriptions: dataset.descriptions });
  } catch (error) {
    if (error instanceof ModelConfigError) return fail(503, error.message);
    throw error;
  }
  return answer({ model, dataset, catalog, conversationId, userId: user.id, history, abortSignal: request.signal });
});
