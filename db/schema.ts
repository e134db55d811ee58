import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { UIMessage } from 'ai';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const datasets = pgTable('datasets', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** AES-256-GCM ciphertext of the warehouse connection string (lib/secrets.ts). */
  connectionEncrypted: text('connection_encrypted').notNull(),
  schemas: text('schemas').array().notNull().default(['public']),
  /** Functions beyond the guard's built-in allowlist that queries may call (see lib/warehouse/guard.ts). */
  allowedFunctions: text('allowed_functions').array().notNull().default([]),
  allowSystemCatalogs: boolean('allow_system_catalogs').notNull().default(false),
  starterQuestions: jsonb('starter_questions').$type<string[]>().notNull().default([]),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: createdAt(),
});

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversations_updated_idx').on(t.updatedAt)],
);

export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['user', 'assistant'] }).notNull(),
    parts: jsonb('parts').$type<UIMessage['parts']>().notNull(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('messages_conversation_idx').on(t.conversationId, t.createdAt)],
);

export const queryRuns = pgTable(
  'query_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    sql: text('sql').notNull(),
    params: jsonb('params').$type<unknown[]>().notNull().default([]),
    status: text('status', { enum: ['ok', 'error', 'rejected'] }).notNull(),
    rowCount: integer('row_count'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('query_runs_dataset_idx').on(t.datasetId, t.createdAt)],
);

export type Dataset = typeof datasets.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type StoredMessage = typeof messages.$inferSelect;
