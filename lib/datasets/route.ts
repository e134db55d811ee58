import { z } from 'zod';
import { requireAdmin } from '@/lib/auth/admin';
import type { SessionUser } from '@/lib/auth/session';
import { fail } from '@/lib/http';
import { AdminError } from './service';

/** Runs an admin route: 401 signed out, 403 for analysts, an AdminError as its status and sentence. */
export async function adminRoute(request: Request, handle: (admin: SessionUser) => Promise<Response>): Promise<Response> {
  const { admin, response } = await requireAdmin(request);
  if (response) return response;
  try {
    return await handle(admin);
  } catch (error) {
    if (error instanceof AdminError) return fail(error.status, error.message);
    throw error;
  }
}

/** The request's JSON body, parsed; a bad body is a 400 saying what is wrong. */
export async function readBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AdminError(400, 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new AdminError(400, parsed.error.issues[0]?.message ?? 'The request is not valid.');
  return parsed.data;
}

export async function datasetIdParam(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw new AdminError(404, 'This dataset does not exist: it may have been deleted.');
  return id;
}

export type IdParams = { params: Promise<{ id: string }> };
