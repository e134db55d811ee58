import type { Dataset, ExampleQuery } from '@/db/schema';
import { runCheckedQuery } from '@/lib/query-runner';
import type { GuardPolicy } from '@/lib/warehouse/guard';

export type ExampleProblem = { index: number; question: string; error: string };

/**
 * Checks each example as a model's query would be: through the guard, then run once, read only
 * (and audited). Returns what failed; empty when every example runs.
 */
export async function checkExamples(dataset: Dataset, policy: GuardPolicy, examples: ExampleQuery[], userId: string): Promise<ExampleProblem[]> {
  const problems: ExampleProblem[] = [];
  for (const [index, example] of examples.entries()) {
    const result = await runCheckedQuery({ dataset, policy, conversationId: null, userId, sql: example.sql, params: [] });
    if (!result.ok) problems.push({ index, question: example.question, error: result.error });
  }
  return problems;
}
