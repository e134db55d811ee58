import { and, asc, desc, eq, gte, ilike, inArray, notInArray, or, sql } from 'drizzle-orm';
import type { Role } from '@/lib/auth/auth';
import { db } from './client';
import { datasetGrants, datasets, session, usageDaily, user, userLimits } from './schema';

type Tx = Parameters<Parameters<ReturnType<typeof db>['transaction']>[0]>[0];

/** The current UTC day as `YYYY-MM-DD`, the key of usage_daily. */
export const utcDay = (date = new Date()) => date.toISOString().slice(0, 10);

export type Usage = { questions: number; queries: number; inputTokens: number; outputTokens: number };

export type AdminUserRow = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  today: Usage;
};

const asRole = (role: string): Role => (role === 'admin' ? 'admin' : 'analyst');

const usageColumns = {
  questions: sql<number>`coalesce(${usageDaily.questions}, 0)::int`,
  queries: sql<number>`coalesce(${usageDaily.queries}, 0)::int`,
  inputTokens: sql<number>`coalesce(${usageDaily.inputTokens}, 0)::float8`,
  outputTokens: sql<number>`coalesce(${usageDaily.outputTokens}, 0)::float8`,
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Users with today's usage, admins first then by email; `search` matches email or name. */
export async function listAdminUsers({ search, limit, offset, day = utcDay() }: { search?: string; limit: number; offset: number; day?: string }): Promise<AdminUserRow[]> {
  const pattern = search ? `%${escapeLike(search)}%` : undefined;
  const rows = await db()
    .select({ id: user.id, email: user.email, name: user.name, role: user.role, banned: user.banned, createdAt: user.createdAt, ...usageColumns })
    .from(user)
    .leftJoin(usageDaily, and(eq(usageDaily.userId, user.id), eq(usageDaily.day, day)))
    .where(pattern ? or(ilike(user.email, pattern), ilike(user.name, pattern)) : undefined)
    .orderBy(asc(user.role), asc(user.email))
    .limit(limit)
    .offset(offset);
  return rows.map(({ banned, questions, queries, inputTokens, outputTokens, role, ...rest }) => ({
    ...rest,
    role: asRole(role),
    disabled: banned === true,
    today: { questions, queries, inputTokens, outputTokens },
  }));
}

export async function getAdminUser(id: string) {
  const [row] = await db()
    .select({ id: user.id, email: user.email, name: user.name, role: user.role, banned: user.banned, createdAt: user.createdAt })
    .from(user)
    .where(eq(user.id, id));
  return row && { id: row.id, email: row.email, name: row.name, role: asRole(row.role), disabled: row.banned === true, createdAt: row.createdAt };
}

export async function emailTaken(email: string): Promise<boolean> {
  // Better Auth stores emails in lower case.
  const [row] = await db().select({ id: user.id }).from(user).where(eq(user.email, email.toLowerCase()));
  return Boolean(row);
}

/** The user's usage per UTC day from `fromDay` on, newest first (days without activity are absent). */
export async function usageSince(userId: string, fromDay: string) {
  return db()
    .select({ day: usageDaily.day, questions: usageDaily.questions, queries: usageDaily.queries, inputTokens: usageDaily.inputTokens, outputTokens: usageDaily.outputTokens })
    .from(usageDaily)
    .where(and(eq(usageDaily.userId, userId), gte(usageDaily.day, fromDay)))
    .orderBy(desc(usageDaily.day));
}

export type Limits = { dailyQuestions: number | null; dailyQueries: number | null; dailyTokens: number | null };

export async function getLimits(userId: string): Promise<Limits> {
  const [row] = await db()
    .select({ dailyQuestions: userLimits.dailyQuestions, dailyQueries: userLimits.dailyQueries, dailyTokens: userLimits.dailyTokens })
    .from(userLimits)
    .where(eq(userLimits.userId, userId));
  return row ?? { dailyQuestions: null, dailyQueries: null, dailyTokens: null };
}

export async function setLimits(userId: string, limits: Limits) {
  await db()
    .insert(userLimits)
    .values({ userId, ...limits })
    .onConflictDoUpdate({ target: userLimits.userId, set: { ...limits, updatedAt: new Date() } });
}

/** Every dataset, with whether the user is granted it. */
export async function datasetGrantsOf(userId: string) {
  return db()
    .select({
      id: datasets.id,
      name: datasets.name,
      enabled: datasets.enabled,
      granted: sql<boolean>`EXISTS (SELECT 1 FROM ${datasetGrants} g WHERE g.dataset_id = ${datasets.id} AND g.user_id = ${userId})`,
    })
    .from(datasets)
    .orderBy(asc(datasets.name));
}

/** Replaces the user's grants with exactly `datasetIds`; false (and nothing changed) if one of them is not a dataset. */
export async function replaceGrants(userId: string, datasetIds: string[]): Promise<boolean> {
  return db().transaction(async (tx) => {
    if (datasetIds.length > 0) {
      const found = await tx.select({ id: datasets.id }).from(datasets).where(inArray(datasets.id, datasetIds));
      if (found.length !== new Set(datasetIds).size) return false;
    }
    await tx.delete(datasetGrants).where(and(eq(datasetGrants.userId, userId), datasetIds.length > 0 ? notInArray(datasetGrants.datasetId, datasetIds) : undefined));
    if (datasetIds.length > 0) await tx.insert(datasetGrants).values(datasetIds.map((datasetId) => ({ datasetId, userId }))).onConflictDoNothing();
    return true;
  });
}

export type GuardedResult = 'ok' | 'not-found' | 'last-admin';

/**
 * Runs `change` on the user unless it would leave no enabled admin. The enabled admins are locked
 * for the check, so two admins demoting themselves at once cannot both succeed.
 */
async function keepingAnAdmin(targetId: string, losesAdmin: (target: { role: string; banned: boolean | null }) => boolean, change: (tx: Tx) => Promise<unknown>): Promise<GuardedResult> {
  return db().transaction(async (tx) => {
    const admins = await tx
      .select({ id: user.id })
      .from(user)
      .where(and(eq(user.role, 'admin'), sql`${user.banned} IS NOT TRUE`))
      .for('update');
    const [target] = await tx.select({ role: user.role, banned: user.banned }).from(user).where(eq(user.id, targetId)).for('update');
    if (!target) return 'not-found';
    if (losesAdmin(target) && !admins.some((a) => a.id !== targetId)) return 'last-admin';
    await change(tx);
    return 'ok';
  });
}

const isEnabledAdmin = (t: { role: string; banned: boolean | null }) => t.role === 'admin' && t.banned !== true;

/**
 * Changes the role and/or disables the account (Better Auth's ban, without expiry, and every
 * session ends) or enables it again, all or nothing.
 */
export function updateAccount(targetId: string, change: { role?: Role; disabled?: boolean }): Promise<GuardedResult> {
  return keepingAnAdmin(
    targetId,
    (t) => isEnabledAdmin(t) && ((change.role !== undefined && change.role !== 'admin') || change.disabled === true),
    async (tx) => {
      const ban = change.disabled === undefined ? {} : { banned: change.disabled, banReason: change.disabled ? 'Disabled by an admin' : null, banExpires: null };
      await tx
        .update(user)
        .set({ ...(change.role && { role: change.role }), ...ban, updatedAt: new Date() })
        .where(eq(user.id, targetId));
      if (change.disabled) await tx.delete(session).where(eq(session.userId, targetId));
    },
  );
}

/** Deletes the user; their sessions, grants, limits, usage and conversations go with them (the audit log keeps the runs). */
export function deleteUser(targetId: string): Promise<GuardedResult> {
  return keepingAnAdmin(targetId, isEnabledAdmin, (tx) => tx.delete(user).where(eq(user.id, targetId)));
}

/** Signs the user out everywhere. */
export async function revokeSessions(userId: string) {
  await db().delete(session).where(eq(session.userId, userId));
}
