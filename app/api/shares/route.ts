import { listShares } from '@/db/shares';
import { getUser, unauthorized } from '@/lib/auth/session';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

const MAX_LISTED = 500;

/** The signed-in user's links: those they created and those on their conversations. */
export const GET = route(async function GET(request: Request) {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  return Response.json({ shares: await listShares({ userId: user.id, limit: MAX_LISTED }) });
});
