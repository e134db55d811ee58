import { z } from 'zod';
import { fail, route } from '@/lib/http';
import { CsvLoadError } from '@/lib/warehouse/csv/errors';
import { SAMPLE_BYTES, type CsvPreview } from '@/lib/warehouse/csv/plan';
import { inspectSample, readSample } from '@/lib/warehouse/csv/sample';
import { openLoadTarget } from '@/lib/warehouse/csv/target';
import { loadableDataset, refusal } from '../access';

export const dynamic = 'force-dynamic';

const query = z.object({
  filename: z.string().min(1).max(500),
  /** The whole file's size; the body may be only its first SAMPLE_BYTES. */
  size: z.coerce.number().int().nonnegative(),
});

/** POST the start of a CSV file: its columns with inferred types, the first rows, and the target's constraints. */
export const POST = route(async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const dataset = await loadableDataset(request, params);
  if (dataset instanceof Response) return dataset;
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return fail(400, 'Say which file this is: the filename and size query parameters are required.');
  const { filename, size } = parsed.data;
  try {
    const sample = await readSample(request.body, SAMPLE_BYTES);
    const target = await openLoadTarget(dataset);
    await target.close();
    const complete = sample.ended && sample.bytes.length >= size;
    const table = inspectSample(sample.bytes, complete, filename, target.reservedWords);
    return Response.json({
      ...table,
      schema: target.schema,
      partial: !complete,
      existingTables: target.existingTables,
      reservedWords: [...target.reservedWords],
    } satisfies CsvPreview);
  } catch (error) {
    if (error instanceof CsvLoadError) return refusal(error);
    throw error;
  }
});
