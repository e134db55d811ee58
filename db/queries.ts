import { and, asc, count, desc, eq, ilike, or, sql, type Placeholder } from 'drizzle-orm';
import { db, prepared, preparedSql } from './client';
import { limitColumns, reachedLimit, todaysUsage, usageUpsert, usageValues, type LimitReached, type UsageDelta } from './usage';
import { conversations, datasetGrants, datasets, messages, queryRuns, usageDaily, user, userLimits, type Dataset } from './schema';

export type DatasetSummary = Pick<Dataset, 'id' | 'name' | 'description' | 'starterQuestions' | 'isDefault'>;

const summaryColumns = {
  id: datasets.id,
  name: datasets.name,
  description: datasets.description,
  starterQuestions: datasets.starterQuestions,
  isDefault: datasets.isDefault,
};

type Viewer = { id: string; role: string };

/** Enabled datasets the user may use: admins every one, analysts those granted to them. */
const usableBy = (viewer: { id: string | Placeholder; role: string }) =>
  and(
    eq(datasets.enabled, true),
    viewer.role === 'admin'
      ? undefined
      : sql`EXISTS (SELECT 1 FROM ${datasetGrants} g WHERE g.dataset_id = ${datasets.id} AND g.user_id = ${viewer.id})`,
  );

export async function listDatasets(viewer: Viewer): Promise<DatasetSummary[]> {
  return db().select(summaryColumns).from(datasets).where(usableBy(viewer)).orderBy(desc(datasets.isDefault), asc(datasets.name));
}

export async function getDataset(id: string): Promise<Dataset | undefined> {
  const [row] = await db().select().from(datasets).where(eq(datasets.id, id));
  return row;
}

const usableDataset = (role: 'admin' | 'analyst') =>
  prepared((db) =>
    db
      .select()
      .from(datasets)
      .where(and(eq(datasets.id, sql.placeholder('id')), usableBy({ id: sql.placeholder('userId'), role })))
      .prepare(`usable_dataset_${role}`),
  );
const usableDatasetFor = { admin: usableDataset('admin'), analyst: usableDataset('analyst') };

/** The dataset if it is enabled and the user may use it; otherwise undefined, as if it did not exist. */
export async function getUsableDataset(viewer: Viewer, id: string): Promise<Dataset | undefined> {
  const [row] = await usableDatasetFor[viewer.role === 'admin' ? 'admin' : 'analyst']().execute({ id, userId: viewer.id });
  return row;
}

const turnContextQuery = (role: 'admin' | 'analyst') =>
  prepared((db) =>
    db
      .select({ dataset: datasets, conversation: conversations, limits: limitColumns })
      .from(datasets)
      .leftJoin(conversations, eq(conversations.id, sql.placeholder('conversationId')))
      .leftJoin(userLimits, eq(userLimits.userId, sql.placeholder('userId')))
      .leftJoin(usageDaily, todaysUsage)
      .where(and(eq(datasets.id, sql.placeholder('id')), usableBy({ id: sql.placeholder('userId'), role })))
      .prepare(`turn_context_${role}`),
  );
const turnContextFor = { admin: turnContextQuery('admin'), analyst: turnContextQuery('analyst') };

export type TurnContext = { dataset: Dataset; conversation: typeof conversations.$inferSelect | null; limit: LimitReached | null };

/**
 * What a chat turn checks before it starts, in one statement: the dataset if the user may use it
 * (undefined otherwise, as if it did not exist), the conversation if it exists, and the first of
 * the user's daily limits already reached.
 */
export async function turnContext(viewer: Viewer, datasetId: string, conversationId: string): Promise<TurnContext | undefined> {
  const [row] = await turnContextFor[viewer.role === 'admin' ? 'admin' : 'analyst']().execute({ id: datasetId, userId: viewer.id, conversationId });
  return row && { dataset: row.dataset, conversation: row.conversation, limit: reachedLimit(row.limits) };
}

export async function grantDatasets(userId: string, datasetIds: string[]) {
  if (datasetIds.length === 0) return;
  await db().insert(datasetGrants).values(datasetIds.map((datasetId) => ({ datasetId, userId }))).onConflictDoNothing();
}

export async function defaultDatasetIds(): Promise<string[]> {
  const rows = await db().select({ id: datasets.id }).from(datasets).where(eq(datasets.isDefault, true));
  return rows.map((r) => r.id);
}

const conversationById = prepared((db) => db.select().from(conversations).where(eq(conversations.id, sql.placeholder('id'))).prepare('conversation_by_id'));

export async function getConversation(id: string) {
  const [row] = await conversationById().execute({ id });
  return row;
}

/** Analysts see their own conversations; admins see all. */
export function canAccess(user: Viewer, conversation: { userId: string | null }): boolean {
  return user.role === 'admin' || conversation.userId === user.id;
}

const conversationMessages = prepared((db) =>
  db.select().from(messages).where(eq(messages.conversationId, sql.placeholder('conversationId'))).orderBy(asc(messages.createdAt)).prepare('conversation_messages'),
);

export async function getMessages(conversationId: string) {
  return conversationMessages().execute({ conversationId });
}

const turnMessagesQuery = prepared((db) =>
  db
    .select()
    .from(messages)
    .where(or(eq(messages.conversationId, sql.placeholder('conversationId')), eq(messages.id, sql.placeholder('messageId'))))
    .orderBy(asc(messages.createdAt))
    .prepare('turn_messages'),
);

/**
 * A conversation's messages, oldest first, and the conversation the new message's id already
 * belongs to, if any (a retried question is in this one; another one's id must not be reused).
 */
export async function turnMessages(conversationId: string, messageId: string) {
  const rows = await turnMessagesQuery().execute({ conversationId, messageId });
  return { stored: rows.filter((m) => m.conversationId === conversationId), takenBy: rows.find((m) => m.id === messageId)?.conversationId };
}

const p = sql.placeholder;

/**
 * A condition that is always true and sets synchronous_commit for the statement's own transaction
 * (Postgres evaluates it once, before the statement's rows). With `off` the commit does not wait
 * for the WAL to reach the disk: for writes a synchronous commit later in the same turn flushes
 * with everything before it (the answer's). Until then a crash of Quarry loses nothing; only a
 * crash of the database server itself can, and at most its last few hundred milliseconds.
 */
const committing = sql`(SELECT set_config('synchronous_commit', ${p('synchronousCommit')}, true)) IS NOT NULL`;
const synchronousCommit = (asyncCommit: boolean | undefined) => (asyncCommit ? 'off' : 'on');

/** The statement saving a message, for each combination of what is written with it. */
const saveStatement = (withConversation: boolean, withUsage: boolean) =>
  preparedSql(`save_message${withConversation ? '_new_conversation' : ''}${withUsage ? '_usage' : ''}`, (db) => {
    // A retried turn re-sends its message; an id from another conversation is never overwritten.
    const saved = db
      .insert(messages)
      .values({ id: p('id'), conversationId: p('conversationId'), role: p('role'), parts: p('parts'), metadata: p('metadata'), status: p('status'), error: p('error') })
      .onConflictDoUpdate({
        target: messages.id,
        set: { parts: sql`excluded.parts`, status: sql`excluded.status`, error: sql`excluded.error` },
        setWhere: sql`${messages.conversationId} = excluded.conversation_id`,
      })
      .returning({ conversationId: messages.conversationId });
    // The message's foreign key is checked at the end of the statement, once its conversation exists.
    const steps = [
      withConversation && sql`created AS ${db.insert(conversations).values({ id: p('conversationId'), userId: p('userId'), datasetId: p('datasetId'), title: p('title') }).onConflictDoNothing()}`,
      sql`saved AS ${saved}`,
      withUsage && sql`counted AS ${usageUpsert(db)}`,
    ].filter((step) => step !== false);
    return sql`WITH ${sql.join(steps, sql`, `)} UPDATE ${conversations} SET updated_at = now() WHERE id IN (SELECT conversation_id FROM saved) AND ${committing}`;
  });
const saveStatements = { plain: saveStatement(false, false), usage: saveStatement(false, true), conversation: saveStatement(true, false), both: saveStatement(true, true) };

type SaveOptions = {
  /** Created with the message when it does not exist yet. */
  conversation?: Omit<typeof conversations.$inferInsert, 'id'>;
  /** Added to the user's daily usage by the same statement. */
  usage?: { userId: string; delta: UsageDelta };
  /** Commit without waiting for the disk: only when a synchronous commit follows in the same turn (see `committing`). */
  asyncCommit?: boolean;
};

/** Saves a message and touches its conversation, in one statement (one round trip, atomic). */
export async function saveMessage(values: typeof messages.$inferInsert, { conversation, usage, asyncCommit }: SaveOptions = {}) {
  const statement = saveStatements[conversation ? (usage ? 'both' : 'conversation') : usage ? 'usage' : 'plain'];
  await statement().execute({
    ...values,
    synchronousCommit: synchronousCommit(asyncCommit),
    metadata: values.metadata ?? null,
    status: values.status ?? 'complete',
    error: values.error ?? null,
    ...(conversation && { userId: conversation.userId, datasetId: conversation.datasetId, title: conversation.title }),
    ...(usage && usageValues(usage.userId, usage.delta)),
  });
}

/** Retrying a question replaces what followed it: the failed or stopped answer goes. */
export async function deleteMessagesAfter(conversationId: string, messageId: string) {
  await db().execute(sql`
    DELETE FROM ${messages} WHERE ${messages.conversationId} = ${conversationId}
      AND ${messages.createdAt} > (SELECT created_at FROM ${messages} WHERE id = ${messageId} AND conversation_id = ${conversationId})`);
}

const recordStatement = (counted: boolean) =>
  preparedSql<{ id: string }>(`record_query_run${counted ? '_counted' : ''}`, (db) => {
    const run = db
      .insert(queryRuns)
      .values({ datasetId: p('datasetId'), conversationId: p('conversationId'), userId: p('userId'), sql: p('sql'), params: p('params'), status: p('status'), rowCount: p('rowCount'), durationMs: p('durationMs'), error: p('error') })
      .returning({ id: queryRuns.id });
    return sql`WITH run AS ${run}${counted ? sql`, counted AS ${usageUpsert(db)}` : sql``} SELECT id FROM run WHERE ${committing}`;
  });
const recordStatements = { counted: recordStatement(true), alone: recordStatement(false) };

/**
 * The audit row of a query (its time in whole milliseconds); a query that reached the warehouse
 * also counts toward its user's daily usage, in the same statement. `asyncCommit` as for saveMessage.
 */
export async function recordQueryRun(values: typeof queryRuns.$inferInsert, { asyncCommit }: { asyncCommit?: boolean } = {}): Promise<string> {
  const counted = values.userId != null && values.status !== 'rejected';
  const run = {
    ...values,
    conversationId: values.conversationId ?? null,
    userId: values.userId ?? null,
    params: values.params ?? [],
    rowCount: values.rowCount ?? null,
    durationMs: Math.round(values.durationMs),
    error: values.error ?? null,
  };
  const { rows } = await recordStatements[counted ? 'counted' : 'alone']().execute({ ...(counted && usageValues(values.userId!, { queries: 1 })), ...run, synchronousCommit: synchronousCommit(asyncCommit) });
  return rows[0]!.id;
}

export async function getQueryRun(id: string) {
  const [row] = await db().select().from(queryRuns).where(eq(queryRuns.id, id));
  return row;
}

export type ConversationSummary = { id: string; title: string; updatedAt: Date };

/** A user's conversations, newest first; `search` matches the title or any question asked. */
export async function listConversations(userId: string, { search, limit, offset }: { search?: string; limit: number; offset: number }): Promise<ConversationSummary[]> {
  const pattern = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const matches = pattern
    ? or(
        ilike(conversations.title, pattern),
        sql`EXISTS (SELECT 1 FROM ${messages} m WHERE m.conversation_id = ${conversations.id} AND m.role = 'user' AND m.parts::text ILIKE ${pattern})`,
      )
    : undefined;
  return db()
    .select({ id: conversations.id, title: conversations.title, updatedAt: conversations.updatedAt })
    .from(conversations)
    .where(and(eq(conversations.userId, userId), matches))
    .orderBy(desc(conversations.updatedAt))
    .limit(limit)
    .offset(offset);
}

/** The resumable stream now writing the conversation's answer. */
export async function setActiveStream(conversationId: string, streamId: string) {
  await db().update(conversations).set({ activeStreamId: streamId }).where(eq(conversations.id, conversationId));
}

export async function clearActiveStream(conversationId: string, streamId: string) {
  await db()
    .update(conversations)
    .set({ activeStreamId: null })
    .where(and(eq(conversations.id, conversationId), eq(conversations.activeStreamId, streamId)));
}

export async function renameConversation(id: string, title: string) {
  await db().update(conversations).set({ title }).where(eq(conversations.id, id));
}

export async function deleteConversation(id: string) {
  await db().delete(conversations).where(eq(conversations.id, id));
}

export async function countUsers(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(user);
  return row!.n;
}
