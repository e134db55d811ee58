import { and, asc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { db } from './client';
import { conversations, datasets, queryRuns, user } from './schema';

export const RUN_STATUSES = ['ok', 'error', 'rejected'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export type AuditFilters = {
  userId?: string;
  datasetId?: string;
  status?: RunStatus;
  /** First UTC day included, `YYYY-MM-DD`. */
  from?: string;
  /** Last UTC day included, `YYYY-MM-DD`. */
  to?: string;
  /** Text the SQL contains, case-insensitive. */
  text?: string;
};

/** A position in the log: the exact created_at (microseconds, as Postgres text) and id of a row. */
export type AuditCursor = { at: string; id: string };

export type AuditRow = {
  id: string;
  createdAt: Date;
  userId: string | null;
  userEmail: string | null;
  datasetId: string;
  datasetName: string;
  conversationId: string | null;
  conversationTitle: string | null;
  sql: string;
  params: unknown[];
  status: RunStatus;
  rowCount: number | null;
  durationMs: number;
  error: string | null;
  cursor: AuditCursor;
};

export type AuditPage = { rows: AuditRow[]; newer: AuditCursor | null; older: AuditCursor | null };

/** A slow free-text search on a huge log stops here instead of holding a connection. */
const AUDIT_TIMEOUT_MS = 5_000;

/** The search ran past its time limit: narrower filters will answer. */
export class AuditSearchTooSlow extends Error {}

const isQueryCanceled = (error: unknown) => (error as { cause?: { code?: string } })?.cause?.code === '57014' || (error as { code?: string })?.code === '57014';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

function conditions(f: AuditFilters): SQL | undefined {
  return and(
    f.userId ? eq(queryRuns.userId, f.userId) : undefined,
    f.datasetId ? eq(queryRuns.datasetId, f.datasetId) : undefined,
    f.status ? eq(queryRuns.status, f.status) : undefined,
    f.from ? gte(queryRuns.createdAt, new Date(`${f.from}T00:00:00Z`)) : undefined,
    f.to ? lt(queryRuns.createdAt, new Date(nextDay(f.to))) : undefined,
    f.text ? ilike(queryRuns.sql, `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
  );
}

/**
 * One page of query runs matching `filters`, newest first, by keyset on (created_at, id): pages
 * cost the same at any depth. `before` pages towards older runs, `after` towards newer ones.
 */
export async function listQueryRuns(filters: AuditFilters, { limit, before, after }: { limit: number; before?: AuditCursor; after?: AuditCursor }): Promise<AuditPage> {
  const position = before
    ? sql`(${queryRuns.createdAt}, ${queryRuns.id}) < (${before.at}::timestamptz, ${before.id}::uuid)`
    : after
      ? sql`(${queryRuns.createdAt}, ${queryRuns.id}) > (${after.at}::timestamptz, ${after.id}::uuid)`
      : undefined;
  const order = after ? [asc(queryRuns.createdAt), asc(queryRuns.id)] : [sql`${queryRuns.createdAt} DESC`, sql`${queryRuns.id} DESC`];
  const rows = await db()
    .transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL statement_timeout = ${AUDIT_TIMEOUT_MS}`));
      return tx
        .select({
          id: queryRuns.id,
          createdAt: queryRuns.createdAt,
          at: sql<string>`to_char(${queryRuns.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
          userId: queryRuns.userId,
          userEmail: user.email,
          datasetId: queryRuns.datasetId,
          datasetName: datasets.name,
          conversationId: queryRuns.conversationId,
          conversationTitle: conversations.title,
          sql: queryRuns.sql,
          params: queryRuns.params,
          status: queryRuns.status,
          rowCount: queryRuns.rowCount,
          durationMs: queryRuns.durationMs,
          error: queryRuns.error,
        })
        .from(queryRuns)
        .innerJoin(datasets, eq(datasets.id, queryRuns.datasetId))
        .leftJoin(user, eq(user.id, queryRuns.userId))
        .leftJoin(conversations, eq(conversations.id, queryRuns.conversationId))
        .where(and(conditions(filters), position))
        .orderBy(...order)
        .limit(limit + 1);
    })
    .catch((error: unknown) => {
      throw isQueryCanceled(error) ? new AuditSearchTooSlow('The audit search took too long.', { cause: error }) : error;
    });
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit).map(({ at, ...row }) => ({ ...row, cursor: { at, id: row.id } }));
  if (after) page.reverse();
  const first = page[0]?.cursor ?? null;
  const last = page.at(-1)?.cursor ?? null;
  return {
    rows: page,
    // Going newer: there is an older page (the one we came from); more newer ones only if hasMore.
    newer: after ? (hasMore ? first : null) : before ? first : null,
    older: after ? last : hasMore ? last : null,
  };
}

/** Who and what the log can be filtered by. */
export async function auditFilterOptions() {
  const [users, sets] = await Promise.all([
    db().select({ id: user.id, email: user.email }).from(user).orderBy(asc(user.email)),
    db().select({ id: datasets.id, name: datasets.name }).from(datasets).orderBy(asc(datasets.name)),
  ]);
  return { users, datasets: sets };
}
