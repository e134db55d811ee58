import { datasetAccess, setDatasetGrants } from '@/db/datasets';
import { grantsSchema } from '@/lib/datasets/input';
import { adminRoute, datasetIdParam, readBody, type IdParams } from '@/lib/datasets/route';
import { requireDataset } from '@/lib/datasets/service';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Every analyst, with whether they may use this dataset. */
export const GET = route(async function GET(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    const dataset = await requireDataset(await datasetIdParam(params));
    return Response.json({ users: await datasetAccess(dataset.id) });
  });
});

/** Exactly these analysts may use the dataset. */
export const PUT = route(async function PUT(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    const dataset = await requireDataset(await datasetIdParam(params));
    const { userIds } = await readBody(request, grantsSchema);
    await setDatasetGrants(dataset.id, userIds);
    return Response.json({ users: await datasetAccess(dataset.id) });
  });
});
