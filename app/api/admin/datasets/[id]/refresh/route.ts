import { adminRoute, datasetIdParam, type IdParams } from '@/lib/datasets/route';
import { refreshCatalog, requireDataset } from '@/lib/datasets/service';

export const dynamic = 'force-dynamic';

/** Introspects the warehouse again and returns what changed since the last refresh. */
export async function POST(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    return Response.json(await refreshCatalog(await requireDataset(await datasetIdParam(params))));
  });
}
