import { z } from 'zod';
import { getAdminUser } from '@/db/admin-users';
import { requireAdmin } from '@/lib/auth/admin';
import { fail } from '@/lib/http';
import type { SessionUser } from '@/lib/auth/session';

/** Better Auth's bounds (auth.ts sets the minimum; 128 is its maximum). */
export const passwordSchema = z.string().min(10, 'Use at least 10 characters for the password.').max(128, 'Keep the password under 128 characters.');

type Target = NonNullable<Awaited<ReturnType<typeof getAdminUser>>>;

/** The admin making the request and the user of the route's `[id]`, or the 401/403/404 to return. */
export async function adminAndTarget(request: Request, params: Promise<{ id: string }>): Promise<{ admin: SessionUser; target: Target; response?: never } | { response: Response; admin?: never; target?: never }> {
  const { admin, response } = await requireAdmin(request);
  if (response) return { response };
  const { id } = await params;
  const target = id.length <= 100 ? await getAdminUser(id) : undefined;
  if (!target) return { response: fail(404, 'This user does not exist; reload the list of users.') };
  return { admin, target };
}

/** The JSON body parsed by `schema`, or the 400 to return. */
export async function parseBody<T extends z.ZodType>(request: Request, schema: T, hint: string): Promise<{ data: z.infer<T>; response?: never } | { response: Response; data?: never }> {
  const body: unknown = await request.json().catch(() => undefined);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { response: fail(400, hint) };
  const parsed = schema.safeParse(body);
  if (!parsed.success) return { response: fail(400, parsed.error.issues[0]?.message ?? hint) };
  return { data: parsed.data };
}

export const LAST_ADMIN = 'You are the last admin: make another user an admin first.';
