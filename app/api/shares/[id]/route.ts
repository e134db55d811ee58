import { z } from 'zod';
import { getShareForManaging, revokeShare } from '@/db/shares';
import { getUser, unauthorized } from '@/lib/auth/session';
import { fail, route } from '@/lib/http';
import { mayManageShare } from '@/lib/shares';

export const dynamic = 'force-dynamic';

/** Revokes a link at once; revoking it again changes nothing. Someone else's link is a 404, like a missing one. */
export const DELETE = route(async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  const { id } = await params;
  const share = z.uuid().safeParse(id).success ? await getShareForManaging(id) : undefined;
  if (!share || !mayManageShare(user, share)) return fail(404, 'This share link does not exist.');
  await revokeShare(share.id);
  return new Response(null, { status: 204 });
});
