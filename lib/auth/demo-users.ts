import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { countUsers } from '@/db/queries';
import { user } from '@/db/schema';
import { auth, type Role } from './auth';

export type DemoUser = { email: string; password: string; role: Role };

/** Creates a user with a password through Better Auth, then gives it its role. */
export async function createUser(email: string, password: string, role: Role, name = email.split('@')[0]!): Promise<string> {
  const { user: created } = await auth().api.signUpEmail({ body: { email, password, name } });
  await db().update(user).set({ role }).where(eq(user.id, created.id));
  return created.id;
}

/**
 * On an install with no users yet: a demo admin and a demo analyst with random passwords, kept in
 * `<dataDir>/demo-users.json` (mode 600) so they can be looked up again.
 */
export async function ensureDemoUsers(dataDir: string): Promise<DemoUser[] | null> {
  const file = path.join(dataDir, 'demo-users.json');
  if ((await countUsers()) > 0) return existsSync(file) ? (JSON.parse(await readFile(file, 'utf8')) as DemoUser[]) : null;
  const users: DemoUser[] = [
    { email: 'admin@quarry.local', password: randomBytes(9).toString('base64url'), role: 'admin' },
    { email: 'analyst@quarry.local', password: randomBytes(9).toString('base64url'), role: 'analyst' },
  ];
  for (const u of users) await createUser(u.email, u.password, u.role);
  await writeFile(file, JSON.stringify(users, null, 2), { mode: 0o600 });
  return users;
}
