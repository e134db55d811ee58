import { fail, route } from '@/lib/http';
import { splitPlanLine } from '@/lib/warehouse/csv/body';
import { CsvLoadError } from '@/lib/warehouse/csv/errors';
import { exposeLoadedTable } from '@/lib/warehouse/csv/expose';
import { loadCsv } from '@/lib/warehouse/csv/load';
import { loadPlanSchema } from '@/lib/warehouse/csv/plan';
import { openLoadTarget } from '@/lib/warehouse/csv/target';
import { loadableDataset, refusal } from '../access';

export const dynamic = 'force-dynamic';

/**
 * POST the load plan as one JSON line, then the whole CSV file: streamed into a new table in one
 * transaction (see lib/warehouse/csv/load.ts), never held in memory.
 */
export const POST = route(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const dataset = await loadableDataset(request, params);
  if (dataset instanceof Response) return dataset;
  try {
    const { plan, file, discard } = await splitPlanLine(request.body);
    try {
      const parsed = loadPlanSchema.safeParse(plan);
      if (!parsed.success) return fail(400, 'The load plan is not valid: preview the file again, then load it.');
      const target = await openLoadTarget(dataset);
      try {
        const result = await loadCsv(target, parsed.data, file);
        await exposeLoadedTable(dataset.id, `${result.schema}.${result.table}`);
        return Response.json(result);
      } finally {
        await target.close();
      }
    } finally {
      // A refused file is answered at once; the rest of its upload is read and dropped so the answer arrives.
      discard();
    }
  } catch (error) {
    if (error instanceof CsvLoadError) return refusal(error);
    throw error;
  }
});
