'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { countUsers } from '@/db/queries';
import { createUser } from '@/lib/auth/users';

const setupSchema = z.object({
  name: z.string().trim().min(1, 'Enter your name.').max(100),
  email: z.email('Enter a valid email address.').max(254),
  password: z.string().min(10, 'Use at least 10 characters for the password.').max(200),
});

export type SetupState = { error?: string };

/** Creates the first admin; refuses once any account exists, whoever calls it. */
export async function createFirstAdmin(_state: SetupState, form: FormData): Promise<SetupState> {
  if ((await countUsers()) > 0) return { error: 'Quarry is already set up: sign in instead.' };
  const parsed = setupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]!.message };
  await createUser(parsed.data.email, parsed.data.password, 'admin', { name: parsed.data.name });
  redirect('/sign-in');
}
