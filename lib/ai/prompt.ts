import { countTokens } from 'gpt-tokenizer';
import type { Dataset } from '@/db/schema';
import type { Catalog } from '@/lib/warehouse/catalog';
import { DEFAULT_SCHEMA_BUDGET, schemaContext, wholeSchemaContext, type Queryable } from '@/lib/warehouse/retrieval';
import type { QuarryUIMessage } from './tools';

export type PromptDataset = Pick<Dataset, 'name' | 'description' | 'tables' | 'descriptions' | 'glossary' | 'examples' | 'sampledValues' | 'shareRowsWithModel'>;

const frame = (dataset: Pick<Dataset, 'name' | 'description'>, schema: string) => `You are Quarry, a data analyst answering questions about the "${dataset.name}" dataset in PostgreSQL.
${dataset.description}

How to answer:
- Use the runQuery tool to get facts; never invent numbers. One read-only SELECT per call.
- Put every literal value in params ($1, $2, ...), never inline it in the SQL.
- Use only the tables and columns below, qualified as written. Give result columns short readable aliases.
- Aggregate in SQL and return at most a few hundred rows; add ORDER BY and LIMIT for rankings.
- If the tool returns an error, read it, fix the SQL and try again (at most twice), then explain the problem.
- After the result, answer in two or three sentences in the language of the user's question, with the key
  figures. The user already sees the SQL and the full table: do not repeat them.
- If the question cannot be answered from these tables, say so and suggest a question that can.

${schema}`;

/** Joins the frame to the schema context; the frame's own tokens come out of the budget. */
const FRAME_MARGIN = 8;

/** The frame's tokens by dataset name and description: counting them took 0.1 ms of every turn. */
const frameTokens = new Map<string, number>();
function frameTokenCount(dataset: Pick<Dataset, 'name' | 'description'>): number {
  const key = `${dataset.name}\u0000${dataset.description}`;
  let tokens = frameTokens.get(key);
  if (tokens === undefined) {
    if (frameTokens.size >= 256) frameTokens.clear();
    frameTokens.set(key, (tokens = countTokens(frame(dataset, ''))));
  }
  return tokens;
}

/**
 * The system prompt. With the question, the schema context is retrieved for it and the whole
 * prompt stays within `budget` tokens (small schemas are still sent whole); without it, the
 * whole schema is sent whatever its size, as the baseline retrieval is measured against.
 */
export function systemPrompt(dataset: PromptDataset, catalog: Catalog): string;
export function systemPrompt(dataset: PromptDataset, catalog: Catalog, question: string, options?: { budget?: number; db?: Queryable }): Promise<string>;
export function systemPrompt(dataset: PromptDataset, catalog: Catalog, question?: string, options: { budget?: number; db?: Queryable } = {}): string | Promise<string> {
  if (question === undefined) return frame(dataset, wholeSchemaContext(dataset, catalog));
  const budget = (options.budget ?? DEFAULT_SCHEMA_BUDGET) - frameTokenCount(dataset) - FRAME_MARGIN;
  return schemaContext({ dataset, catalog, question, budget, db: options.db }).then((context) => frame(dataset, context.text));
}

/**
 * What to retrieve the schema for: the latest question and the two before it, so that a
 * follow-up such as "now by region" keeps the tables of the question it follows.
 */
export function retrievalQuestion(history: QuarryUIMessage[]): string {
  return history
    .filter((m) => m.role === 'user')
    .slice(-3)
    .reverse()
    .map((m) => m.parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join(' '))
    .join('\n');
}
