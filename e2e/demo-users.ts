import { readFileSync } from 'node:fs';

/** The demo users the e2e server created on its fresh data directory. */
export function demoUser(role: 'admin' | 'analyst') {
  const users = JSON.parse(readFileSync('.data/e2e/demo-users.json', 'utf8')) as { email: string; password: string; role: string }[];
  return users.find((u) => u.role === role)!;
}
