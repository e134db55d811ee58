import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { fail } from '@/lib/http';
import { auth, type Role } from './auth';

export type SessionUser = { id: string; email: string; name: string; role: Role };

/** The signed-in user of a request, or null. Every route and page checks with this, on the server. */
export async function getUser(requestHeaders: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session || session.user.banned) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role: role === 'admin' ? 'admin' : 'analyst' };
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getUser(await headers());
  if (!user) redirect('/sign-in');
  return user;
}

export const unauthorized = () => fail(401, 'Sign in to continue.');
