import { isStepCount, streamText, type LanguageModel, type ModelMessage } from 'ai';
import type pg from 'pg';
import type { Dataset } from '@/db/schema';
import { resolveModel } from '@/lib/ai/models';
import { retrievalQuestion, systemPrompt } from '@/lib/ai/prompt';
import { createTools, type QuarryUIMessage, type RunQueryOutput } from '@/lib/ai/tools';
import type { PlannerKnowledge } from '@/lib/planner/knowledge';
import { DISPLAY_ROWS } from '@/lib/query-runner';
import type { Catalog } from '@/lib/warehouse/catalog';
import { checkSql, datasetPolicy } from '@/lib/warehouse/guard';
import { runReadOnly, type Cell } from '@/lib/warehouse/run';
import { resultsMatch } from './compare';
import { conversationOf, type EvalItem } from './set';

const TIMEOUT_MS = 30_000;

/** A database the harness has introspected as a dataset. */
export type EvalDataset = { name: string; pool: pg.Pool; schemas: string[]; catalog: Catalog; knowledge: PlannerKnowledge };

export type Verdict = 'correct' | 'wrong' | 'abstained' | 'error';
export type Outcome = {
  id: string;
  dataset: string;
  question: string;
  lang: 'en' | 'zh';
  class: string;
  expect: 'answer' | 'abstain';
  verdict: Verdict;
  /** Why, for anything but a correct answer. */
  detail?: string;
  sql?: string;
  params?: unknown[];
  answer: string;
  latencyMs: number;
  tokens: { input: number; output: number };
};

/**
 * The runQuery tool exactly as the chat route builds it (description, input schema, what the
 * model reads of a result), executing through the same guard and read-only executor; only the
 * audit row in the app database is left out, as there is none.
 */
function evalTools(dataset: EvalDataset) {
  const policy = datasetPolicy({ schemas: dataset.schemas }, dataset.catalog);
  const { runQuery } = createTools({ dataset: { id: dataset.name } as Dataset, policy, conversationId: 'eval', userId: null });
  let runs = 0;
  const execute = async ({ sql, params }: { sql: string; params: (string | number | boolean | null)[] }): Promise<RunQueryOutput> => {
    const queryRunId = `eval-${++runs}`;
    const verdict = await checkSql(sql, params, policy);
    if (!verdict.ok) return { ok: false, rejected: true, queryRunId, error: verdict.reason };
    try {
      const result = await runReadOnly(dataset.pool, sql, params, { maxRows: DISPLAY_ROWS, timeoutMs: TIMEOUT_MS, searchPath: policy.searchPath });
      return { ok: true, queryRunId, ...result };
    } catch (error) {
      return { ok: false, queryRunId, error: (error as Error).message };
    }
  };
  return { runQuery: { ...runQuery, execute } };
}

export function modelFor(spec: string, dataset: EvalDataset): LanguageModel {
  return resolveModel(dataset.catalog, { ...process.env, QUARRY_MODEL: spec }, dataset.knowledge);
}

/** The dataset as the system prompt reads it: what an admin would have set up, from what the harness sampled. */
function promptDataset(dataset: EvalDataset): Pick<Dataset, 'name' | 'description' | 'tables' | 'descriptions' | 'glossary' | 'examples' | 'sampledValues' | 'shareRowsWithModel'> {
  const { sampledValues, glossary, descriptions } = dataset.knowledge;
  return { name: dataset.name, description: '', tables: null, descriptions, glossary, examples: [], sampledValues, shareRowsWithModel: true };
}

type Turn = { messages: ModelMessage[]; query?: { sql: string; params: unknown[]; rows: Cell[][] }; failure?: string; answer: string; tokens: Outcome['tokens'] };

/**
 * The system prompt as the chat turn builds it: the schema retrieved for the recent questions
 * (the search runs in any Postgres, here the dataset's own), else the whole schema.
 */
async function instructions(dataset: EvalDataset, questions: string[]): Promise<string> {
  const asked = questions.map((text, i): QuarryUIMessage => ({ id: String(i), role: 'user', parts: [{ type: 'text', text }] }));
  const prompt = promptDataset(dataset);
  return systemPrompt(prompt, dataset.catalog, retrievalQuestion(asked), { db: dataset.pool }).catch((error: Error) => {
    console.error(`[eval] Schema retrieval failed (${error.message}); sending the whole schema, as the chat turn does.`);
    return systemPrompt(prompt, dataset.catalog);
  });
}

async function runTurn(model: LanguageModel, dataset: EvalDataset, history: ModelMessage[], questions: string[]): Promise<Turn> {
  const tools = evalTools(dataset);
  const messages: ModelMessage[] = [...history, { role: 'user', content: questions.at(-1)! }];
  let streamError: unknown;
  const result = streamText({
    model,
    instructions: await instructions(dataset, questions),
    messages,
    tools,
    stopWhen: isStepCount(6),
    onError: ({ error }) => {
      streamError = error;
    },
  });
  const steps = await result.steps;
  const usage = await result.totalUsage;
  if (streamError) throw streamError;
  const response = await result.response;
  let query: Turn['query'];
  let failure: string | undefined;
  for (const step of steps) {
    for (const call of step.toolResults) {
      const output = call.output as RunQueryOutput;
      const input = call.input as { sql: string; params: unknown[] };
      if (output.ok) query = { sql: input.sql, params: input.params, rows: output.rows };
      else failure = output.error;
    }
  }
  return {
    messages: [...messages, ...response.messages],
    query,
    failure: query ? undefined : failure,
    answer: steps.map((s) => s.text).join('\n').trim(),
    tokens: { input: usage.inputTokens ?? 0, output: usage.outputTokens ?? 0 },
  };
}

async function goldRows(dataset: EvalDataset, sql: string): Promise<Cell[][]> {
  const result = await runReadOnly(dataset.pool, sql, [], { maxRows: 100_000, timeoutMs: TIMEOUT_MS, searchPath: dataset.schemas });
  return result.rows;
}

/** Every item of a set in order; a follow-up continues the conversation of the item it names. */
export async function runSet(
  spec: string,
  items: EvalItem[],
  datasets: Map<string, EvalDataset>,
  onOutcome: (outcome: Outcome) => void = () => {},
): Promise<Outcome[]> {
  const byId = new Map(items.map((i) => [i.id, i]));
  const conversations = new Map<string, ModelMessage[]>();
  const models = new Map<string, LanguageModel>();
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const dataset = datasets.get(item.dataset);
    if (!dataset) throw new Error(`Item ${item.id} needs dataset "${item.dataset}", which has no database.`);
    if (!models.has(item.dataset)) models.set(item.dataset, modelFor(spec, dataset));
    const base = {
      id: item.id,
      dataset: item.dataset,
      question: item.question,
      lang: item.lang ?? 'en',
      class: item.class ?? 'other',
      expect: item.expect,
      answer: '',
      tokens: { input: 0, output: 0 },
    };
    const history = item.followup_of ? conversations.get(item.followup_of) ?? [] : [];
    if (item.followup_of && !conversations.has(item.followup_of)) {
      // The earlier turn failed before it produced messages: replay its questions alone.
      for (const earlier of conversationOf(item, byId).slice(0, -1)) history.push({ role: 'user', content: earlier.question });
    }
    const started = performance.now();
    let outcome: Outcome;
    try {
      const asked = conversationOf(item, byId).map((i) => i.question);
      const turn = await runTurn(models.get(item.dataset)!, dataset, history, asked);
      conversations.set(item.id, turn.messages);
      const latencyMs = Math.round(performance.now() - started);
      const shared = { ...base, latencyMs, tokens: turn.tokens, answer: turn.answer, sql: turn.query?.sql, params: turn.query?.params };
      if (item.expect === 'abstain') {
        outcome = turn.query ? { ...shared, verdict: 'wrong', detail: 'answered a question it should have declined' } : { ...shared, verdict: 'correct' };
      } else if (!turn.query) {
        outcome = turn.failure ? { ...shared, verdict: 'error', detail: turn.failure } : { ...shared, verdict: 'abstained' };
      } else {
        const gold = await goldRows(dataset, item.gold_sql!);
        const match = resultsMatch(gold, turn.query.rows, item.ordered ?? false);
        outcome = match
          ? { ...shared, verdict: 'correct' }
          : { ...shared, verdict: 'wrong', detail: `expected ${gold.length} rows like ${JSON.stringify(gold.slice(0, 2))}, got ${turn.query.rows.length} like ${JSON.stringify(turn.query.rows.slice(0, 2))}` };
      }
    } catch (error) {
      outcome = { ...base, latencyMs: Math.round(performance.now() - started), verdict: 'error', detail: (error as Error).message.slice(0, 300) };
    }
    outcomes.push(outcome);
    onOutcome(outcome);
  }
  return outcomes;
}
