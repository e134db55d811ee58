import { z } from 'zod';
import { listConversations } from '@/db/queries';
import { getUser, unauthorized } from '@/lib/auth/session';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

/** The signed-in user's own conversations, newest first, paged and searchable. */
export const GET = route(async function GET(request: Request) {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: `Invalid query: ${z.prettifyError(parsed.error)}` }, { status: 400 });
  const { search, limit, offset } = parsed.data;
  const rows = await listConversations(user.id, { search: search || undefined, limit: limit + 1, offset });
  return Response.json({ conversations: rows.slice(0, limit), more: rows.length > limit });
});
