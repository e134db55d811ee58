import { adminRoute, datasetIdParam, type IdParams } from '@/lib/datasets/route';
import { refreshCatalog, requireDataset } from '@/lib/datasets/service';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Introspects the warehouse again and returns what changed since the last refresh. */
export const POST = route(async function POST(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    return Response.json(await refreshCatalog(await requireDataset(await datasetIdParam(params))));
  });
});
