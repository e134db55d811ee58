import { tablesSchema } from '@/lib/datasets/input';
import { adminRoute, datasetIdParam, readBody, type IdParams } from '@/lib/datasets/route';
import { adminView, chooseTables, requireDataset, tableChoices } from '@/lib/datasets/service';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Every table the dataset's role can see, and which ones the dataset exposes. */
export const GET = route(async function GET(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => Response.json(await tableChoices(await requireDataset(await datasetIdParam(params)))));
});

export const PUT = route(async function PUT(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    const dataset = await requireDataset(await datasetIdParam(params));
    const { tables } = await readBody(request, tablesSchema);
    return Response.json({ dataset: adminView(await chooseTables(dataset, tables)) });
  });
});
