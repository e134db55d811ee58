import { eq, sql } from 'drizzle-orm';
import { prepared, type Db } from './client';
import { usageDaily, userLimits } from './schema';

export type UsageDelta = { questions?: number; queries?: number; inputTokens?: number; outputTokens?: number };

const today = sql`(now() AT TIME ZONE 'utc')::date`;

const deltaKeys = ['questions', 'queries', 'inputTokens', 'outputTokens'] as const;
const p = sql.placeholder;

/**
 * The upsert adding placeholders `questions`, `queries`, `inputTokens` and `outputTokens` to
 * placeholder `userId`'s figures for the current UTC day, to prepare alone or inside another statement.
 */
export function usageUpsert(db: Db) {
  return db
    .insert(usageDaily)
    .values({ userId: p('userId'), day: today, questions: p('questions'), queries: p('queries'), inputTokens: p('inputTokens'), outputTokens: p('outputTokens') })
    .onConflictDoUpdate({
      target: [usageDaily.userId, usageDaily.day],
      set: Object.fromEntries(deltaKeys.map((key) => [key, sql`${usageDaily[key]} + excluded.${sql.identifier(usageDaily[key].name)}`])),
    });
}

/** The placeholder values of `usageUpsert` for adding `delta` to the user's figures. */
export const usageValues = (userId: string, delta: UsageDelta) => ({ userId, ...Object.fromEntries(deltaKeys.map((key) => [key, delta[key] ?? 0])) });

const addUsageStatement = prepared((db) => usageUpsert(db).prepare('add_usage'));

/** Adds to the user's figures for the current UTC day. */
export async function addUsage(userId: string, delta: UsageDelta) {
  await addUsageStatement().execute(usageValues(userId, delta));
}

export type LimitReached = { kind: 'questions' | 'queries' | 'tokens'; limit: number };

/** The user's limits beside today's figures, to select alone or joined into another query. */
export const limitColumns = {
  dailyQuestions: userLimits.dailyQuestions,
  dailyQueries: userLimits.dailyQueries,
  dailyTokens: userLimits.dailyTokens,
  questions: sql<number>`coalesce(${usageDaily.questions}, 0)::int`,
  queries: sql<number>`coalesce(${usageDaily.queries}, 0)::int`,
  tokens: sql<number>`coalesce(${usageDaily.inputTokens} + ${usageDaily.outputTokens}, 0)::float8`,
};
export const todaysUsage = sql`${usageDaily.userId} = ${userLimits.userId} AND ${usageDaily.day} = ${today}`;

type LimitRow = { dailyQuestions: number | null; dailyQueries: number | null; dailyTokens: number | null; questions: number; queries: number; tokens: number };

/** The first of the limits in `row` already reached, or null (also when the user has no limits). */
export function reachedLimit(row: LimitRow | null | undefined): LimitReached | null {
  if (!row) return null;
  if (row.dailyQuestions != null && row.questions >= row.dailyQuestions) return { kind: 'questions', limit: row.dailyQuestions };
  if (row.dailyQueries != null && row.queries >= row.dailyQueries) return { kind: 'queries', limit: row.dailyQueries };
  if (row.dailyTokens != null && row.tokens >= row.dailyTokens) return { kind: 'tokens', limit: row.dailyTokens };
  return null;
}

const limitsAndUsage = prepared((db) =>
  db.select(limitColumns).from(userLimits).leftJoin(usageDaily, todaysUsage).where(eq(userLimits.userId, sql.placeholder('userId'))).prepare('limits_and_usage'),
);

/** The first of the user's daily limits already reached today, or null. */
export async function limitReached(userId: string): Promise<LimitReached | null> {
  const [row] = await limitsAndUsage().execute({ userId });
  return reachedLimit(row);
}
