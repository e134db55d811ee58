import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { db } from './client';
import { conversations, messages, shares, user } from './schema';

const sharer = alias(user, 'sharer');

/** A link as its owner and admins see it: never its token (only the hash is stored, and that stays here). */
const listedColumns = {
  id: shares.id,
  conversationId: shares.conversationId,
  conversationTitle: conversations.title,
  access: shares.access,
  expiresAt: shares.expiresAt,
  revokedAt: shares.revokedAt,
  createdAt: shares.createdAt,
  createdBy: { id: sharer.id, name: sharer.name, email: sharer.email },
  status: sql<ShareStatus>`CASE WHEN ${shares.revokedAt} IS NOT NULL THEN 'revoked' WHEN ${shares.expiresAt} <= now() THEN 'expired' ELSE 'active' END`,
};

export type ShareStatus = 'active' | 'revoked' | 'expired';

const listed = () =>
  db().select(listedColumns).from(shares).innerJoin(conversations, eq(conversations.id, shares.conversationId)).innerJoin(sharer, eq(sharer.id, shares.createdBy));

export async function insertShare(values: Pick<typeof shares.$inferInsert, 'conversationId' | 'createdBy' | 'tokenHash' | 'access' | 'expiresAt'>) {
  const [row] = await db().insert(shares).values(values).returning({ id: shares.id });
  const [share] = await listed().where(eq(shares.id, row!.id));
  return share!;
}

export type ListedShare = Awaited<ReturnType<typeof insertShare>>;

/** Links on one conversation, newest first. */
export async function listConversationShares(conversationId: string) {
  return listed().where(eq(shares.conversationId, conversationId)).orderBy(desc(shares.createdAt));
}

/** Links a user manages (created by them or on their conversations), or every link when `userId` is undefined. */
export async function listShares({ userId, limit }: { userId?: string; limit: number }) {
  const mine = userId ? or(eq(shares.createdBy, userId), eq(conversations.userId, userId)) : undefined;
  return listed().where(mine).orderBy(desc(shares.createdAt)).limit(limit);
}

/** A link with who may manage it: its creator and the conversation's owner. */
export async function getShareForManaging(id: string) {
  const [row] = await db()
    .select({ id: shares.id, createdBy: shares.createdBy, conversationOwner: conversations.userId, revokedAt: shares.revokedAt })
    .from(shares)
    .innerJoin(conversations, eq(conversations.id, shares.conversationId))
    .where(eq(shares.id, id));
  return row;
}

export async function revokeShare(id: string) {
  await db()
    .update(shares)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(shares.id, id), isNull(shares.revokedAt)));
}

/** The link with this token hash if it is neither revoked nor expired, with its conversation and who shared it. */
export async function findLiveShare(tokenHash: string) {
  const [row] = await db()
    .select({
      id: shares.id,
      access: shares.access,
      createdAt: shares.createdAt,
      expiresAt: shares.expiresAt,
      conversation: { id: conversations.id, title: conversations.title, datasetId: conversations.datasetId },
      sharedBy: { name: sharer.name },
    })
    .from(shares)
    .innerJoin(conversations, eq(conversations.id, shares.conversationId))
    .innerJoin(sharer, eq(sharer.id, shares.createdBy))
    .where(and(eq(shares.tokenHash, tokenHash), isNull(shares.revokedAt), or(isNull(shares.expiresAt), gt(shares.expiresAt, sql`now()`))));
  return row;
}

/** The conversation as it was when the link was made: later messages are not shared. */
export async function getSharedMessages(conversationId: string, sharedAt: Date) {
  return db()
    .select()
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), lte(messages.createdAt, sharedAt)))
    .orderBy(asc(messages.createdAt));
}

/** A new conversation owned by `userId` holding copies of `source` messages (fresh ids, same order). */
export async function copyConversation({
  source,
  userId,
  messages: copied,
}: {
  source: { title: string; datasetId: string };
  userId: string;
  messages: (typeof messages.$inferSelect)[];
}): Promise<string> {
  const id = crypto.randomUUID();
  await db().transaction(async (tx) => {
    await tx.insert(conversations).values({ id, userId, datasetId: source.datasetId, title: source.title });
    if (copied.length === 0) return;
    await tx.insert(messages).values(
      copied.map((m) => ({ id: crypto.randomUUID(), conversationId: id, role: m.role, parts: m.parts, metadata: m.metadata, status: m.status, error: m.error, createdAt: m.createdAt })),
    );
  });
  return id;
}
