import { z } from 'zod';
import { getDataset } from '@/db/queries';
import type { Dataset } from '@/db/schema';
import { getUser, unauthorized } from '@/lib/auth/session';
import { fail } from '@/lib/http';
import type { CsvLoadError } from '@/lib/warehouse/csv/errors';
import { notALoadTarget } from '@/lib/warehouse/csv/target';

/** The dataset a CSV route acts on, or the response refusing it: admins only, and only a load target. */
export async function loadableDataset(request: Request, params: Promise<{ id: string }>): Promise<Dataset | Response> {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  if (user.role !== 'admin') return fail(403, 'Only admins may load CSV files into a dataset.');
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return fail(400, 'The dataset id is not valid.');
  const dataset = await getDataset(id);
  if (!dataset) return fail(404, 'This dataset does not exist: it may have been deleted.');
  if (!dataset.loadConnectionEncrypted) return fail(409, notALoadTarget(dataset).message);
  return dataset;
}

/** A refused file: the sentence every route error carries, plus the problem for the browser to word in its language. */
export const refusal = (error: CsvLoadError) => Response.json({ error: error.message, problem: error.problem }, { status: error.status });
