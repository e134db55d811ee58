import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { fail } from '@/lib/http';
import { getUser, unauthorized, type SessionUser } from './session';

const forbidden = () => fail(403, 'Only admins may do this. Ask an admin if you need it done.');

/**
 * For admin pages and layouts: the signed-in admin. Signed out goes to the sign-in page; an
 * analyst gets the 404 page, so the admin area does not even show that it exists.
 */
export async function requireAdminPage(): Promise<SessionUser> {
  const user = await getUser(await headers());
  if (!user) redirect('/sign-in');
  if (user.role !== 'admin') notFound();
  return user;
}

/** For route handlers: the admin, or the 401/403 response to return. */
export async function requireAdmin(request: Request): Promise<{ admin: SessionUser; response?: never } | { admin?: never; response: Response }> {
  const user = await getUser(request.headers);
  if (!user) return { response: unauthorized() };
  if (user.role !== 'admin') return { response: forbidden() };
  return { admin: user };
}

/** For server actions: the admin, or an error to show. */
export async function requireAdminAction(): Promise<{ admin: SessionUser; error?: never } | { admin?: never; error: string }> {
  const user = await getUser(await headers());
  if (!user) return { error: 'Sign in to continue.' };
  if (user.role !== 'admin') return { error: 'Only admins may do this. Ask an admin if you need it done.' };
  return { admin: user };
}
