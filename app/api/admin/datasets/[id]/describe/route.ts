import { describeSchema } from '@/lib/datasets/input';
import { adminRoute, datasetIdParam, readBody, type IdParams } from '@/lib/datasets/route';
import { adminView, describableCatalog, describeDataset, requireDataset } from '@/lib/datasets/service';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The exposed tables and columns with their COMMENT ON text, to describe. */
export const GET = route(async function GET(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => Response.json({ catalog: await describableCatalog(await requireDataset(await datasetIdParam(params))) }));
});

/** Saves descriptions, glossary, examples (each checked and run once) and starter questions. */
export const PUT = route(async function PUT(request: Request, { params }: IdParams) {
  return adminRoute(request, async (admin) => {
    const dataset = await requireDataset(await datasetIdParam(params));
    const input = await readBody(request, describeSchema);
    return Response.json({ dataset: adminView(await describeDataset(dataset, input, admin.id)) });
  });
});
