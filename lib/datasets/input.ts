import { z } from 'zod';

export const slugSchema = z
  .string()
  .trim()
  .min(1, 'Enter a slug.')
  .max(60, 'Keep the slug under 60 characters.')
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A slug is lower-case letters, digits and single hyphens, such as "sales-eu".');

const identifier = z.string().min(1).max(63);
const qualifiedTable = z.string().min(3).max(127).regex(/^[^.]+\.[^.]+$/, 'Tables are named schema.table.');

export const connectionSchema = z.string().trim().min(1, 'Enter a connection string.').max(2_000);

export const createDatasetSchema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(100),
  slug: slugSchema,
  description: z.string().trim().max(2_000).default(''),
  connection: connectionSchema,
  schemas: z.array(identifier).min(1).max(50).default(['public']),
});

export const updateDatasetSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name.').max(100),
    slug: slugSchema,
    description: z.string().trim().max(2_000),
    enabled: z.boolean(),
    /** A new connection string; omitted keeps the saved one. */
    connection: connectionSchema,
    /** The owner-role connection CSV loads write through; null stops the dataset being a load target. */
    loadConnection: connectionSchema.nullable(),
  })
  .partial();

export const testConnectionSchema = z.object({
  /** Omitted with a datasetId: test the saved connection. */
  connection: connectionSchema.optional(),
  datasetId: z.uuid().optional(),
  schemas: z.array(identifier).min(1).max(50).optional(),
});

export const tablesSchema = z.object({
  tables: z.array(qualifiedTable).min(1, 'Choose at least one table.').max(10_000),
});

const description = z.string().trim().max(2_000);

export const describeSchema = z.object({
  descriptions: z.record(z.string().min(3).max(300), description),
  glossary: z
    .array(
      z.object({
        term: z.string().trim().min(1, 'Every glossary entry needs a term.').max(100),
        meaning: z.string().trim().min(1, 'Every glossary entry needs a meaning.').max(1_000),
        sql: z.string().trim().max(2_000).optional(),
      }),
    )
    .max(500),
  examples: z
    .array(
      z.object({
        question: z.string().trim().min(1, 'Every example needs a question.').max(500),
        sql: z.string().trim().min(1, 'Every example needs its SQL.').max(20_000),
      }),
    )
    .max(100),
  starterQuestions: z.array(z.string().trim().min(1).max(200)).max(10),
});

export const samplesSchema = z.object({
  columns: z.array(z.string().min(5).max(300)).max(200),
});

export const grantsSchema = z.object({
  userIds: z.array(z.string().min(1).max(100)).max(10_000),
});

export const modelTestSchema = z.object({
  spec: z.string().trim().min(1).max(200),
});
