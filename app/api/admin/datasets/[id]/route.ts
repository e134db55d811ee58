import { deleteDataset } from '@/db/datasets';
import { updateDatasetSchema } from '@/lib/datasets/input';
import { adminRoute, datasetIdParam, readBody, type IdParams } from '@/lib/datasets/route';
import { adminView, editDataset, requireDataset } from '@/lib/datasets/service';
import { invalidateCatalog } from '@/lib/warehouse/catalog';
import { fail, route } from '@/lib/http';

export const dynamic = 'force-dynamic';

export const GET = route(async function GET(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => Response.json({ dataset: adminView(await requireDataset(await datasetIdParam(params))) }));
});

/** Renames, re-slugs, enables or disables a dataset, or replaces its connection (tested first). */
export const PATCH = route(async function PATCH(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    const dataset = await requireDataset(await datasetIdParam(params));
    const changes = await readBody(request, updateDatasetSchema);
    return Response.json({ dataset: adminView(await editDataset(dataset, changes)) });
  });
});

/** Deletes a dataset with its conversations, query runs and grants. */
export const DELETE = route(async function DELETE(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    const id = await datasetIdParam(params);
    if (!(await deleteDataset(id))) return fail(404, 'This dataset does not exist: it may have been deleted.');
    invalidateCatalog(id);
    return new Response(null, { status: 204 });
  });
});
