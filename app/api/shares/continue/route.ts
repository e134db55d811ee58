import { z } from 'zod';
import { getUser, unauthorized } from '@/lib/auth/session';
import { fail, route } from '@/lib/http';
import { continueShare } from '@/lib/shares';

export const dynamic = 'force-dynamic';

const bodySchema = z.object({ token: z.string().max(100) });

/** "Continue in my workspace": copies a shared conversation into the viewer's own conversations. */
export const POST = route(async function POST(request: Request) {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  const parsed = bodySchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return fail(400, 'Send { "token": "..." } from the share link.');
  const result = await continueShare(parsed.data.token, user);
  if (result.status === 'not-found') return fail(404, 'This share link does not exist, was revoked or has expired.');
  if (result.status === 'no-dataset') return fail(403, "You do not have access to this conversation's dataset. Ask an admin to grant it to you.");
  return Response.json({ conversationId: result.conversationId }, { status: 201 });
});
