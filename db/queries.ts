import { asc, desc, eq, sql } from 'drizzle-orm';
import { db } from './client';
import { conversations, datasets, messages, queryRuns, type Dataset } from './schema';

export type DatasetSummary = Pick<Dataset, 'id' | 'name' | 'description' | 'starterQuestions' | 'isDefault'>;

const summaryColumns = {
  id: datasets.id,
  name: datasets.name,
  description: datasets.description,
  starterQuestions: datasets.starterQuestions,
  isDefault: datasets.isDefault,
};

export async function listDatasets(): Promise<DatasetSummary[]> {
  return db().select(summaryColumns).from(datasets).orderBy(desc(datasets.isDefault), asc(datasets.name));
}

export async function getDataset(id: string): Promise<Dataset | undefined> {
  const [row] = await db().select().from(datasets).where(eq(datasets.id, id));
  return row;
}

export async function getConversation(id: string) {
  const [row] = await db().select().from(conversations).where(eq(conversations.id, id));
  return row;
}

/** Analysts see their own conversations; admins see all. */
export function canAccess(user: { id: string; role: string }, conversation: { userId: string | null }): boolean {
  return user.role === 'admin' || conversation.userId === user.id;
}

export async function getMessages(conversationId: string) {
  return db().select().from(messages).where(eq(messages.conversationId, conversationId)).orderBy(asc(messages.createdAt));
}

export async function createConversation(values: typeof conversations.$inferInsert) {
  await db().insert(conversations).values(values).onConflictDoNothing();
}

export async function saveMessage(values: typeof messages.$inferInsert) {
  await db().transaction(async (tx) => {
    // A retried turn re-sends its message; an id from another conversation is never overwritten.
    await tx
      .insert(messages)
      .values(values)
      .onConflictDoUpdate({ target: messages.id, set: { parts: values.parts }, setWhere: sql`${messages.conversationId} = ${values.conversationId}` });
    await tx.update(conversations).set({ updatedAt: new Date() }).where(eq(conversations.id, values.conversationId));
  });
}

export async function recordQueryRun(values: typeof queryRuns.$inferInsert): Promise<string> {
  const [row] = await db().insert(queryRuns).values(values).returning({ id: queryRuns.id });
  return row!.id;
}

export async function getQueryRun(id: string) {
  const [row] = await db().select().from(queryRuns).where(eq(queryRuns.id, id));
  return row;
}
