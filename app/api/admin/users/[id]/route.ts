import { z } from 'zod';
import { datasetGrantsOf, deleteUser, getAdminUser, getLimits, updateAccount, usageSince, utcDay, type GuardedResult } from '@/db/admin-users';
import { ROLES } from '@/lib/auth/auth';
import { fail, route } from '@/lib/http';
import { adminAndTarget, LAST_ADMIN, parseBody } from './target';

export const dynamic = 'force-dynamic';

const USAGE_DAYS = 7;

const patchSchema = z
  .strictObject({ role: z.enum(ROLES, 'The role is admin or analyst.').optional(), disabled: z.boolean('"disabled" is true or false.').optional() }, 'Send only "role" and "disabled".')
  .refine((b) => b.role !== undefined || b.disabled !== undefined, 'Send "role" or "disabled".');

const refusal = (result: GuardedResult) =>
  result === 'last-admin' ? fail(409, LAST_ADMIN) : result === 'not-found' ? fail(404, 'This user does not exist; reload the list of users.') : undefined;

type Params = { params: Promise<{ id: string }> };

/** The user, their dataset grants, daily limits and the last week's usage. */
export const GET = route(async function GET(request: Request, { params }: Params) {
  const { target, response } = await adminAndTarget(request, params);
  if (response) return response;
  const from = utcDay(new Date(Date.now() - (USAGE_DAYS - 1) * 86_400_000));
  const [datasets, limits, usage] = await Promise.all([datasetGrantsOf(target.id), getLimits(target.id), usageSince(target.id, from)]);
  return Response.json({ user: target, datasets, limits, usage });
});

/** Changes the role, or disables (signing the user out everywhere) or enables the account. */
export const PATCH = route(async function PATCH(request: Request, { params }: Params) {
  const { target, response } = await adminAndTarget(request, params);
  if (response) return response;
  const { data, response: invalid } = await parseBody(request, patchSchema, 'Send JSON { "role": "admin" | "analyst" } or { "disabled": true | false }.');
  if (invalid) return invalid;
  return refusal(await updateAccount(target.id, data)) ?? Response.json({ user: await getAdminUser(target.id) });
});

export const DELETE = route(async function DELETE(request: Request, { params }: Params) {
  const { target, response } = await adminAndTarget(request, params);
  if (response) return response;
  return refusal(await deleteUser(target.id)) ?? new Response(null, { status: 204 });
});
