/** `npm run user:create -- --email someone@example.com [--admin] [--password ...]` */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '@/db/bootstrap';
import { createUser } from '@/lib/auth/users';

const { values } = parseArgs({ options: { email: { type: 'string' }, admin: { type: 'boolean', default: false }, password: { type: 'string' } } });
if (!values.email) {
  console.error('Usage: npm run user:create -- --email someone@example.com [--admin] [--password <at least 10 characters>]');
  process.exit(2);
}
const booted = await bootstrap({ dataDir: path.resolve(process.env.QUARRY_DATA_DIR ?? '.data'), seed: false, log: () => {} });
process.env.DATABASE_URL = booted.databaseUrl;
const password = values.password ?? randomBytes(12).toString('base64url');
try {
  await createUser(values.email, password, values.admin ? 'admin' : 'analyst');
  console.log(`Created ${values.admin ? 'admin' : 'analyst'} ${values.email}${values.password ? '' : ` with password ${password}`}`);
} catch (error) {
  console.error(`Could not create ${values.email}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await booted.stop();
  process.exit();
}
