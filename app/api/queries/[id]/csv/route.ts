import { z } from 'zod';
import { canAccess, getConversation, getQueryRun, getUsableDataset } from '@/db/queries';
import { getUser, unauthorized } from '@/lib/auth/session';
import { datasetLimits } from '@/lib/datasets/settings';
import { datasetCatalog } from '@/lib/warehouse/catalog';
import { exportCsv } from '@/lib/warehouse/export';
import { checkSql, datasetPolicy, inlineParams } from '@/lib/warehouse/guard';
import { warehousePool } from '@/lib/warehouse/pools';
import { DATASET_UNAVAILABLE, fail, route, warehouseUnreachable } from '@/lib/http';

export const dynamic = 'force-dynamic';

const EXPORT_TIMEOUT_MS = Number(process.env.QUARRY_EXPORT_TIMEOUT_MS ?? 300_000);

/** The full result of a stored query run as CSV: a fresh, re-checked, COPY-streamed run. */
export const GET = route(async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getUser(request.headers);
  if (!user) return unauthorized();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) return fail(400, 'The query id is not valid.');
  const run = await getQueryRun(id);
  const conversation = run?.conversationId ? await getConversation(run.conversationId) : undefined;
  const allowed = run && (conversation ? canAccess(user, conversation) : user.role === 'admin');
  if (!run || !allowed) return fail(404, 'This query does not exist.');
  if (run.status !== 'ok') return fail(409, 'Only a query that ran successfully can be exported.');
  const dataset = await getUsableDataset(user, run.datasetId);
  if (!dataset) return fail(404, DATASET_UNAVAILABLE);

  let policy;
  try {
    policy = datasetPolicy(dataset, await datasetCatalog(dataset));
  } catch (error) {
    return warehouseUnreachable(dataset.name, error);
  }
  // The dataset may have changed since the query ran: check it again, then once more inlined.
  const verdict = await checkSql(run.sql, run.params, policy);
  if (!verdict.ok) return fail(422, `This query is no longer allowed on "${dataset.name}": ${verdict.reason}`);
  const sql = await inlineParams(run.sql, run.params);
  const inlined = await checkSql(sql, [], policy);
  if (!inlined.ok) return fail(422, `This query cannot be exported: ${inlined.reason}`);

  try {
    const body = await exportCsv(warehousePool(dataset), sql, {
      timeoutMs: EXPORT_TIMEOUT_MS,
      maxRows: datasetLimits(dataset).exportRowLimit,
      searchPath: policy.searchPath,
      signal: request.signal,
    });
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="quarry-${id.slice(0, 8)}.csv"`,
        // no-transform: Next's gzip would cost more CPU than the stream itself; a proxy may compress.
        'cache-control': 'no-store, no-transform',
      },
    });
  } catch (error) {
    return fail(502, `The export failed in the warehouse: ${(error as Error).message}`);
  }
});
