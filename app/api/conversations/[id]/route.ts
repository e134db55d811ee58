import { z } from 'zod';
import { canAccess, deleteConversation, getConversation, renameConversation } from '@/db/queries';
import { getUser, unauthorized } from '@/lib/auth/session';
import { fail, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

const MAX_TITLE_CHARS = 200;
const renameSchema = z.object({ title: z.string().trim().min(1, 'The title is empty.').max(MAX_TITLE_CHARS, `Keep titles under ${MAX_TITLE_CHARS} characters.`) });

/** The conversation if this user may change it; otherwise the same 404 as a missing one. */
async function owned(request: Request, params: Promise<{ id: string }>) {
  const user = await getUser(request.headers);
  if (!user) return { response: unauthorized() };
  const { id } = await params;
  const conversation = z.uuid().safeParse(id).success ? await getConversation(id) : undefined;
  if (!conversation || !canAccess(user, conversation)) return { response: fail(404, 'This conversation does not exist.') };
  return { conversation };
}

export const PATCH = route(async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { conversation, response } = await owned(request, params);
  if (!conversation) return response;
  const parsed = renameSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return fail(400, parsed.error.issues[0]?.message ?? 'Send { "title": "..." }.');
  await renameConversation(conversation.id, parsed.data.title);
  return Response.json({ id: conversation.id, title: parsed.data.title });
});

export const DELETE = route(async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { conversation, response } = await owned(request, params);
  if (!conversation) return response;
  await deleteConversation(conversation.id);
  return new Response(null, { status: 204 });
});
