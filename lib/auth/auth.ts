import { createHmac } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { admin } from 'better-auth/plugins/admin';
import { db } from '@/db/client';
import * as schema from '@/db/schema';

export const ROLES = ['admin', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

function createAuth() {
  const secret = process.env.QUARRY_SECRET;
  if (!secret) throw new Error('QUARRY_SECRET is not set: start Quarry with `npm start` or `npm run dev`.');
  return betterAuth({
    appName: 'Quarry',
    database: drizzleAdapter(db(), { provider: 'pg', schema }),
    // Its own key, derived: session signing never shares a key with connection-string encryption.
    secret: createHmac('sha256', secret).update('better-auth').digest('base64url'),
    baseURL: process.env.QUARRY_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    // Without QUARRY_URL the demo is local: both names of this machine may be used.
    trustedOrigins: process.env.QUARRY_URL ? [] : [`http://127.0.0.1:${process.env.PORT ?? 3000}`],
    // No public sign-up: accounts come from the setup page, `npm run user:create` and admins.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Sign-in attempts are limited per IP (3 per 10 s), in every environment, tests included. The
    // counts are kept in the database, so a second app instance does not grant a second allowance.
    rateLimit: { enabled: process.env.QUARRY_RATE_LIMIT !== 'off', window: 10, max: 100, storage: 'database' },
    plugins: [admin({ defaultRole: 'analyst', adminRoles: ['admin'] })],
    // A session and its user in one query (relations in db/schema.ts): every request checks one.
    advanced: { database: { joins: true } },
  });
}

type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { quarryAuth?: Auth };

/** Better Auth, created on first use (the database is not there at build time). */
export function auth(): Auth {
  return (holder.quarryAuth ??= createAuth());
}
