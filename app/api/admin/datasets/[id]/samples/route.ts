import { samplesSchema } from '@/lib/datasets/input';
import { adminRoute, datasetIdParam, readBody, type IdParams } from '@/lib/datasets/route';
import { adminView, requireDataset, sampleColumns } from '@/lib/datasets/service';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Samples the distinct values of exactly these columns (an empty list stops sampling). */
export const PUT = route(async function PUT(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    const dataset = await requireDataset(await datasetIdParam(params));
    const { columns } = await readBody(request, samplesSchema);
    return Response.json({ dataset: adminView(await sampleColumns(dataset, columns)) });
  });
});
