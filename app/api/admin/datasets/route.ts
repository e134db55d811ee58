import { listAllDatasets } from '@/db/datasets';
import { createDatasetSchema } from '@/lib/datasets/input';
import { adminRoute, readBody } from '@/lib/datasets/route';
import { adminView, createDataset } from '@/lib/datasets/service';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

export const GET = route(async function GET(request: Request) {
  return adminRoute(request, async () => Response.json({ datasets: await listAllDatasets() }));
});

/** Creates a dataset after testing its connection; nothing is saved if any check fails. */
export const POST = route(async function POST(request: Request) {
  return adminRoute(request, async () => {
    const input = await readBody(request, createDatasetSchema);
    const dataset = await createDataset(input);
    return Response.json({ dataset: adminView(dataset) }, { status: 201 });
  });
});
