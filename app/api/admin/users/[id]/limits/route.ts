import { z } from 'zod';
import { getLimits, setLimits } from '@/db/admin-users';
import { adminAndTarget, parseBody } from '../target';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

const limit = (what: string) =>
  z
    .number(`${what} is a whole number, or null for no limit.`)
    .int(`${what} is a whole number, or null for no limit.`)
    .min(0, `${what} cannot be negative.`)
    .max(2_147_483_647, `${what} is too large; use null for no limit.`)
    .nullable();

const limitsSchema = z.strictObject(
  { dailyQuestions: limit('The daily question limit'), dailyQueries: limit('The daily query limit'), dailyTokens: limit('The daily token limit') },
  'Send only "dailyQuestions", "dailyQueries" and "dailyTokens".',
);

/** Sets the user's daily limits; null means unlimited. */
export const PUT = route(async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { target, response } = await adminAndTarget(request, params);
  if (response) return response;
  const { data, response: invalid } = await parseBody(request, limitsSchema, 'Send JSON { "dailyQuestions", "dailyQueries", "dailyTokens" }, each a number or null.');
  if (invalid) return invalid;
  await setLimits(target.id, data);
  return Response.json({ limits: await getLimits(target.id) });
});
