import { adminRoute } from '@/lib/datasets/route';
import { configuredProviders, listServerModels } from '@/lib/datasets/model-probe';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** The configured providers, the spec in effect, and the models the configured server offers. */
export const GET = route(async function GET(request: Request) {
  return adminRoute(request, async () => {
    const { current, providers } = configuredProviders();
    const server = providers.some((p) => p.kind !== 'local' && p.configured) ? await listServerModels() : null;
    return Response.json({ current, providers, server });
  });
});
