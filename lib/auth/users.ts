import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { defaultDatasetIds, grantDatasets } from '@/db/queries';
import { user } from '@/db/schema';
import { auth, type Role } from './auth';

/**
 * Creates a user with a password through Better Auth and gives it its role. An analyst is
 * granted `datasets`, by default the install's default datasets.
 */
export async function createUser(
  email: string,
  password: string,
  role: Role,
  { name = email.split('@')[0]!, datasets }: { name?: string; datasets?: string[] } = {},
): Promise<string> {
  // The admin plugin's endpoint, called without a request: it creates the account and no session.
  // Its types know only its default roles, so the role is set directly.
  const { user: created } = await auth().api.createUser({ body: { email, password, name } });
  await db().update(user).set({ role }).where(eq(user.id, created.id));
  if (role === 'analyst') await grantDatasets(created.id, datasets ?? (await defaultDatasetIds()));
  return created.id;
}
