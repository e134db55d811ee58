import { modelTestSchema } from '@/lib/datasets/input';
import { testModel } from '@/lib/datasets/model-probe';
import { adminRoute, readBody } from '@/lib/datasets/route';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';
export const maxDuration = 90;

/** One tool-calling round trip with the model `spec`: latency and whether tool calls work. */
export const POST = route(async function POST(request: Request) {
  return adminRoute(request, async () => {
    const { spec } = await readBody(request, modelTestSchema);
    return Response.json(await testModel(spec));
  });
});
