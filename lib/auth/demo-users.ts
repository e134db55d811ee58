import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { countUsers } from '@/db/queries';
import type { Role } from './auth';
import { createUser } from './users';

export type DemoUser = { email: string; password: string; role: Role };

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
