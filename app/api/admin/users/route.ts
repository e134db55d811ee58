import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { emailTaken, getAdminUser, listAdminUsers, revokeSessions } from '@/db/admin-users';
import { requireAdmin } from '@/lib/auth/admin';
import { ROLES } from '@/lib/auth/auth';
import { createUser } from '@/lib/auth/users';
import { fail, route } from '@/lib/http';
import { parseBody, passwordSchema } from './[id]/target';

export const dynamic = 'force-dynamic';

const listSchema = z.object({
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

const createSchema = z.object({
  email: z.email('Enter a valid email address.').max(254, 'Keep the email under 254 characters.'),
  name: z.string().trim().min(1, 'Enter a name.').max(100, 'Keep the name under 100 characters.'),
  role: z.enum(ROLES, 'The role is admin or analyst.'),
  /** Absent: a password is generated and returned once. */
  password: passwordSchema.optional(),
});

/** Users with today's usage, searchable by email or name. */
export const GET = route(async function GET(request: Request) {
  const { response } = await requireAdmin(request);
  if (response) return response;
  const parsed = listSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return fail(400, `Invalid query: ${z.prettifyError(parsed.error)}`);
  const { search, limit, offset } = parsed.data;
  const rows = await listAdminUsers({ search: search || undefined, limit: limit + 1, offset });
  return Response.json({ users: rows.slice(0, limit), more: rows.length > limit });
});

/** Creates an account; an analyst gets the default datasets. A generated password is in the answer, once. */
export const POST = route(async function POST(request: Request) {
  const { response } = await requireAdmin(request);
  if (response) return response;
  const { data, response: invalid } = await parseBody(request, createSchema, 'Send JSON { "email", "name", "role", "password" }.');
  if (invalid) return invalid;
  const { email, name, role } = data;
  const taken = () => fail(409, 'An account with this email already exists.');
  if (await emailTaken(email)) return taken();
  const generated = data.password === undefined;
  const password = data.password ?? randomBytes(12).toString('base64url');
  let id: string;
  try {
    id = await createUser(email, password, role, { name });
  } catch (error) {
    // Another admin created the same email a moment ago.
    if (await emailTaken(email)) return taken();
    throw error;
  }
  // Signing up signs the new account in; that session belongs to nobody, so the account starts signed out.
  await revokeSessions(id);
  return Response.json({ user: await getAdminUser(id), ...(generated && { password }) }, { status: 201 });
});
