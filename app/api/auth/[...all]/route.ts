import { auth } from '@/lib/auth/auth';
import { route } from '@/lib/http';

export const dynamic = 'force-dynamic';

export const GET = route(async (request: Request) => auth().handler(request));
export const POST = route(async (request: Request) => auth().handler(request));
