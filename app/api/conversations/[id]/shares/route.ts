import { z } from 'zod';
import { canAccess, getConversation } from '@/db/queries';
import { listConversationShares } from '@/db/shares';
import { getUser, unauthorized } from '@/lib/auth/session';
import { fail, route } from '@/lib/http';
import { createShare } from '@/lib/shares';

export const dynamic = 'force-dynamic';

const createSchema = z.object({
  access: z.enum(['signed-in', 'anyone']).default('signed-in'),
  expiresInDays: z.number().int().min(1).max(365).nullable().default(null),
});

/** The conversation if this user may share it (its owner or an admin); otherwise the same 404 as a missing one. */
async function shareable(request: Request, params: Promise<{ id: string }>) {
  const user = await getUser(request.headers);
  if (!user) return { response: unauthorized() };
  const { id } = await params;
  const conversation = z.uuid().safeParse(id).success ? await getConversation(id) : undefined;
  if (!conversation || !canAccess(user, conversation)) return { response: fail(404, 'This conversation does not exist.') };
  return { user, conversation };
}

/** The conversation's links, newest first (never their tokens). */
export const GET = route(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { conversation, response } = await shareable(request, params);
  if (!conversation) return response;
  return Response.json({ shares: await listConversationShares(conversation.id) });
});

/** A new link; the response carries its token, which is never shown again. */
export const POST = route(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { user, conversation, response } = await shareable(request, params);
  if (!conversation) return response;
  const parsed = createSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return fail(400, 'Send { "access": "signed-in" | "anyone", "expiresInDays": 1-365 or null }.');
  const created = await createShare({ conversationId: conversation.id, createdBy: user.id, ...parsed.data });
  return Response.json(created, { status: 201 });
});
