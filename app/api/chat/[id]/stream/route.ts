import { z } from 'zod';
import { canAccess, clearActiveStream, getConversation } from '@/db/queries';
import { requestStop, resumableStreams } from '@/lib/ai/resume';
import { sseResponse } from '@/lib/ai/sse';
import { getUser, unauthorized } from '@/lib/auth/session';
import { fail, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

const noStream = () => new Response(null, { status: 204 });

async function authorize(request: Request, params: Promise<{ id: string }>) {
  const user = await getUser(request.headers);
  if (!user) return { response: unauthorized() };
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return { response: fail(404, 'This conversation does not exist.') };
  const conversation = await getConversation(id);
  if (!conversation || !canAccess(user, conversation)) return { response: fail(404, 'This conversation does not exist.') };
  return { conversation };
}

/** The answer being written for this conversation, replayed from its start; 204 when there is none. */
export const GET = route(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { response, conversation } = await authorize(request, params);
  if (response) return response;
  const streams = await resumableStreams().catch(() => null);
  if (!streams || !conversation.activeStreamId) return noStream();
  const streamId = conversation.activeStreamId;
  // No instance answers for a stream whose writer died (a crash, a kill): it is forgotten, and
  // the conversation shows its unanswered question with Retry.
  const stream = await streams.context.resumeExistingStream(streamId).catch(async (error: Error) => {
    console.error(`[quarry] The answer being written for conversation ${conversation.id} is gone (${error.message}).`);
    await clearActiveStream(conversation.id, streamId);
    return null;
  });
  if (!stream) return noStream();
  return sseResponse(stream);
});

/** Stop: ends the answer being written, on whichever instance writes it. */
export const DELETE = route(async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { response, conversation } = await authorize(request, params);
  if (response) return response;
  const streams = await resumableStreams().catch(() => null);
  if (streams && conversation.activeStreamId) await requestStop(streams, conversation.id);
  return noStream();
});
