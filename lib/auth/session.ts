import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { prepared } from '@/db/client';
import { session as sessions, user as users } from '@/db/schema';
import { fail } from '@/lib/http';
import { auth, type Role } from './auth';

export type SessionUser = { id: string; email: string; name: string; role: Role };

const sessionByToken = prepared((db) =>
  db
    .select({ expiresAt: sessions.expiresAt, id: users.id, email: users.email, name: users.name, role: users.role, banned: users.banned })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.token, sql.placeholder('token')))
    .prepare('session_user'),
);

/** The value of cookie `name` in a Cookie header, URL-decoded, or undefined. */
function cookie(header: string, name: string): string | undefined {
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) {
      try {
        return decodeURIComponent(pair.slice(at + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The token of a cookie Better Auth signed (`token.base64(HMAC-SHA256(secret, token))`), if the signature holds. */
function verifiedToken(value: string, secret: string): string | undefined {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return undefined;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1), 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected) ? token : undefined;
}

const toSessionUser = ({ id, email, name, role }: { id: string; email: string; name: string; role?: string | null }): SessionUser => ({
  id,
  email,
  name,
  role: role === 'admin' ? 'admin' : 'analyst',
});

/**
 * The signed-in user of a request, or null. Every route and page checks with this, on the server.
 *
 * Better Auth writes sessions (sign-in, refresh, sign-out, revocation); its `getSession` costs
 * about 1 ms of CPU per call (its endpoint pipeline and a WebCrypto key import), on every
 * request. A live session that needs no refresh is read here instead: the cookie's signature
 * checked with Better Auth's own secret and cookie name, then the session and its user in one
 * prepared statement. Anything else (no such session, expired, due for refresh) goes through
 * Better Auth, which refreshes or clears it as it always does.
 */
export async function getUser(requestHeaders: Headers): Promise<SessionUser | null> {
  const context = await auth().$context;
  const signed = cookie(requestHeaders.get('cookie') ?? '', context.authCookies.sessionToken.name);
  if (!signed) return null;
  const token = verifiedToken(signed, context.secret);
  if (!token) return null;
  const [row] = await sessionByToken().execute({ token });
  const { expiresIn, updateAge } = context.sessionConfig;
  const live = row && row.expiresAt.getTime() > Date.now() && row.expiresAt.getTime() - (expiresIn - updateAge) * 1000 > Date.now();
  if (live) return row.banned ? null : toSessionUser(row);
  const checked = await auth().api.getSession({ headers: requestHeaders });
  if (!checked || checked.user.banned) return null;
  return toSessionUser(checked.user);
}

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await getUser(await headers());
  if (!user) redirect('/sign-in');
  return user;
}

export const unauthorized = () => fail(401, 'Sign in to continue.');
