import { relations } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { UIMessage } from 'ai';

// Better Auth's tables (with its admin plugin's role and ban fields): accounts and sessions.
export const user = pgTable('user', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email').notNull().unique(),
  emailVerified: boolean('email_verified').notNull().default(false),
  image: text('image'),
  role: text('role').notNull().default('analyst'),
  banned: boolean('banned').default(false),
  banReason: text('ban_reason'),
  banExpires: timestamp('ban_expires', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const session = pgTable('session', {
  id: text('id').primaryKey(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  token: text('token').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  ipAddress: text('ip_address'),
  userAgent: text('user_agent'),
  impersonatedBy: text('impersonated_by'),
  userId: text('user_id')
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' }),
});

export const account = pgTable('account', {
  id: text('id').primaryKey(),
  accountId: text('account_id').notNull(),
  providerId: text('provider_id').notNull(),
  userId: text('user_id')
    .notNull()
    .references(() => user.id, { onDelete: 'cascade' }),
  accessToken: text('access_token'),
  refreshToken: text('refresh_token'),
  idToken: text('id_token'),
  accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
  refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
  scope: text('scope'),
  password: text('password'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Lets Better Auth read a session with its user in one query (its `joins` option). */
export const sessionRelations = relations(session, ({ one }) => ({ user: one(user, { fields: [session.userId], references: [user.id] }) }));
export const accountRelations = relations(account, ({ one }) => ({ user: one(user, { fields: [account.userId], references: [user.id] }) }));
export const userRelations = relations(user, ({ many }) => ({ sessions: many(session), accounts: many(account) }));

export const verification = pgTable('verification', {
  id: text('id').primaryKey(),
  identifier: text('identifier').notNull(),
  value: text('value').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Better Auth's rate limit counts, in the database so every app instance shares them. */
export const rateLimit = pgTable('rate_limit', {
  id: text('id').primaryKey(),
  key: text('key').notNull().unique(),
  count: integer('count').notNull(),
  lastRequest: bigint('last_request', { mode: 'number' }).notNull(),
});

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
  /** A disabled dataset keeps its conversations but takes no new questions. */
  enabled: boolean('enabled').notNull().default(true),
  /** Qualified names (`schema.table`) the dataset exposes; null exposes every table of `schemas`. */
  tables: text('tables').array(),
  /** Admin-written descriptions, keyed by `schema.table` and `schema.table.column`; they override COMMENT ON text. */
  descriptions: jsonb('descriptions').$type<Record<string, string>>().notNull().default({}),
  glossary: jsonb('glossary').$type<GlossaryTerm[]>().notNull().default([]),
  examples: jsonb('examples').$type<ExampleQuery[]>().notNull().default([]),
  /** Columns (`schema.table.column`) whose distinct values are sampled for linking, with the values last sampled. */
  sampledValues: jsonb('sampled_values').$type<Record<string, string[]>>().notNull().default({}),
  /** The catalog as last refreshed: the base for "what changed" on the next refresh. */
  catalogSnapshot: jsonb('catalog_snapshot').$type<Record<string, string[]>>(),
  rowLimit: integer('row_limit'),
  statementTimeoutMs: integer('statement_timeout_ms'),
  exportRowLimit: integer('export_row_limit'),
  /** A model spec (lib/ai/models.ts) overriding QUARRY_MODEL for this dataset. */
  model: text('model'),
  /** Off: the model sees columns, types and counts only, never row values. */
  shareRowsWithModel: boolean('share_rows_with_model').notNull().default(true),
  /** AES-256-GCM ciphertext of an owner-role connection that CSV loads write through; null: not a load target. */
  loadConnectionEncrypted: text('load_connection_encrypted'),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type GlossaryTerm = { term: string; meaning: string; sql?: string };
export type ExampleQuery = { question: string; sql: string };

/** Which analysts may use which dataset; admins may use every dataset. */
export const datasetGrants = pgTable(
  'dataset_grants',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.userId] }), index('dataset_grants_user_idx').on(t.userId)],
);

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    /** The owner; conversations from before accounts existed have none and only admins see them. */
    userId: text('user_id').references(() => user.id, { onDelete: 'cascade' }),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => datasets.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** The resumable stream of the answer being written, if any (lib/ai/resume.ts). */
    activeStreamId: text('active_stream_id'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('conversations_user_updated_idx').on(t.userId, t.updatedAt)],
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
    /** `failed`: the turn broke midway; the partial answer is kept and the UI offers Retry. */
    status: text('status', { enum: ['complete', 'failed'] }).notNull().default('complete'),
    error: text('error'),
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
    userId: text('user_id').references(() => user.id, { onDelete: 'set null' }),
    sql: text('sql').notNull(),
    params: jsonb('params').$type<unknown[]>().notNull().default([]),
    status: text('status', { enum: ['ok', 'error', 'rejected'] }).notNull(),
    rowCount: integer('row_count'),
    durationMs: integer('duration_ms').notNull(),
    error: text('error'),
    createdAt: createdAt(),
  },
  (t) => [index('query_runs_dataset_idx').on(t.datasetId, t.createdAt), index('query_runs_created_idx').on(t.createdAt)],
);

export const shares = pgTable(
  'shares',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    createdBy: text('created_by')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    /** SHA-256 of the 128-bit token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    access: text('access', { enum: ['signed-in', 'anyone'] }).notNull().default('signed-in'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('shares_conversation_idx').on(t.conversationId), index('shares_created_by_idx').on(t.createdBy)],
);

/** Per user per UTC day: what they asked and what it cost. */
export const usageDaily = pgTable(
  'usage_daily',
  {
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    questions: integer('questions').notNull().default(0),
    queries: integer('queries').notNull().default(0),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull().default(0),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.userId, t.day] })],
);

/** Per-user daily limits set by an admin; null means unlimited. */
export const userLimits = pgTable('user_limits', {
  userId: text('user_id')
    .primaryKey()
    .references(() => user.id, { onDelete: 'cascade' }),
  dailyQuestions: integer('daily_questions'),
  dailyQueries: integer('daily_queries'),
  dailyTokens: integer('daily_tokens'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Dataset = typeof datasets.$inferSelect;
export type User = typeof user.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type StoredMessage = typeof messages.$inferSelect;
export type QueryRun = typeof queryRuns.$inferSelect;
export type Share = typeof shares.$inferSelect;
export type UsageDay = typeof usageDaily.$inferSelect;
export type UserLimits = typeof userLimits.$inferSelect;
