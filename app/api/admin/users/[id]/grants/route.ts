import { z } from 'zod';
import { datasetGrantsOf, replaceGrants } from '@/db/admin-users';
import { fail, route } from '@/lib/http';
import { adminAndTarget, parseBody } from '../target';

export const dynamic = 'force-dynamic';

const grantsSchema = z.strictObject(
  { datasetIds: z.array(z.uuid('Dataset ids are UUIDs.'), '"datasetIds" is a list of dataset ids.').max(1_000, 'Grant at most 1,000 datasets at once.') },
  'Send only "datasetIds".',
);

/** Replaces the datasets the user may use with exactly the ones sent. */
export const PUT = route(async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { target, response } = await adminAndTarget(request, params);
  if (response) return response;
  const { data, response: invalid } = await parseBody(request, grantsSchema, 'Send JSON { "datasetIds": ["..."] }.');
  if (invalid) return invalid;
  if (!(await replaceGrants(target.id, data.datasetIds))) return fail(400, 'One of these datasets does not exist; reload the page and try again.');
  return Response.json({ datasets: await datasetGrantsOf(target.id) });
});
