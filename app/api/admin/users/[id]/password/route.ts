import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { revokeSessions } from '@/db/admin-users';
import { auth } from '@/lib/auth/auth';
import { adminAndTarget, parseBody, passwordSchema } from '../target';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

const resetSchema = z.strictObject({ password: passwordSchema.optional() }, 'Send only "password".');

/**
 * Sets a new password through Better Auth (absent: one is generated and returned once) and signs
 * the user out everywhere, unless the admin is resetting their own.
 */
export const POST = route(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { admin, target, response } = await adminAndTarget(request, params);
  if (response) return response;
  const { data, response: invalid } = await parseBody(request, resetSchema, 'Send JSON { "password": "..." }, or {} to generate one.');
  if (invalid) return invalid;
  const password = data.password ?? randomBytes(12).toString('base64url');
  await auth().api.setUserPassword({ body: { userId: target.id, newPassword: password }, headers: request.headers });
  if (target.id !== admin.id) await revokeSessions(target.id);
  return Response.json(data.password === undefined ? { password } : {});
});
