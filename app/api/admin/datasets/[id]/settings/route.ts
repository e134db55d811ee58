import { adminRoute, datasetIdParam, readBody, type IdParams } from '@/lib/datasets/route';
import { adminView, requireDataset, saveSettings } from '@/lib/datasets/service';
import { settingsSchema } from '@/lib/datasets/settings';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Row cap, statement timeout, export limit, extra functions, model and whether rows reach the model. */
export const PUT = route(async function PUT(request: Request, { params }: IdParams) {
  return adminRoute(request, async () => {
    const dataset = await requireDataset(await datasetIdParam(params));
    const settings = await readBody(request, settingsSchema);
    return Response.json({ dataset: adminView(await saveSettings(dataset, settings)) });
  });
});
