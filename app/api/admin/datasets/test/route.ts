import { testConnectionSchema } from '@/lib/datasets/input';
import { adminRoute, readBody } from '@/lib/datasets/route';
import { testDatasetConnection } from '@/lib/datasets/service';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** Tests a connection string (or a dataset's saved one) without saving anything. */
export const POST = route(async function POST(request: Request) {
  return adminRoute(request, async () => Response.json(await testDatasetConnection(await readBody(request, testConnectionSchema))));
});
