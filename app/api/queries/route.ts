import { z } from 'zod';
import { canAccess, getConversation, getUsableDataset, saveMessage } from '@/db/queries';
import { limitReached } from '@/db/usage';
import { getUser, unauthorized } from '@/lib/auth/session';
import { runQueryInput, type QuarryUIMessage } from '@/lib/ai/tools';
import { runCheckedQuery } from '@/lib/query-runner';
import { datasetCatalog } from '@/lib/warehouse/catalog';
import { datasetPolicy } from '@/lib/warehouse/guard';
import { DATASET_UNAVAILABLE, fail, route, warehouseUnreachable } from '@/lib/http';

export const dynamic = 'force-dynamic';

const requestSchema = z.object({
  conversationId: z.uuid(),
  sql: runQueryInput.shape.sql,
  params: runQueryInput.shape.params,
});

/**
 * Runs SQL the analyst wrote or edited, through the same guard and executor as a model's, and
 * adds it to the conversation as the analyst's own query. A rejected query changes nothing.
 */
export const POST = route(async function POST(request: Request) {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  const body = await request.json().catch(() => undefined);
  if (body === undefined) return fail(400, 'The request body is not valid JSON.');
  const parsed = requestSchema.safeParse(body);
  if (!parsed.success) return fail(400, `Invalid request: ${z.prettifyError(parsed.error)}`);
  const { conversationId, sql, params } = parsed.data;
  const limit = await limitReached(user.id);
  if (limit) return fail(429, `You have reached your daily limit of ${limit.limit} ${limit.kind}. It resets at midnight UTC; ask an admin if you need more today.`);
  const conversation = await getConversation(conversationId);
  if (!conversation || !canAccess(user, conversation)) return fail(404, 'This conversation does not exist: ask a question first.');
  const dataset = await getUsableDataset(user, conversation.datasetId);
  if (!dataset) return fail(404, DATASET_UNAVAILABLE);

  let policy;
  try {
    policy = datasetPolicy(dataset, await datasetCatalog(dataset));
  } catch (error) {
    return warehouseUnreachable(dataset.name, error);
  }
  const output = await runCheckedQuery({ dataset, policy, conversationId, userId: user.id, sql, params, signal: request.signal });
  if (!output.ok && output.rejected) return fail(422, output.error);

  const message: QuarryUIMessage = {
    id: crypto.randomUUID(),
    role: 'assistant',
    metadata: { source: 'analyst' },
    parts: [
      {
        type: 'tool-runQuery',
        toolCallId: `analyst-${crypto.randomUUID()}`,
        state: 'output-available',
        input: { sql, params, purpose: '' },
        output,
      },
    ],
  };
  await saveMessage({ id: message.id, conversationId, role: 'assistant', parts: message.parts, metadata: message.metadata });
  return Response.json({ message });
});
