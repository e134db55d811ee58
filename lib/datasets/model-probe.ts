import { createOpenAI } from '@ai-sdk/openai';
import { isStepCount, streamText, tool } from 'ai';
import OpenAI from 'openai';
import { describeModelError } from '@/lib/ai/chat';
import { DEFAULT_OPENAI_MODEL, modelSpec, resolveModel } from '@/lib/ai/models';
import { runQueryInput } from '@/lib/ai/tools';
import type { Catalog } from '@/lib/warehouse/catalog';

export type Provider = {
  kind: 'local' | 'openai' | 'compatible';
  configured: boolean;
  /** The server's base URL, for OpenAI-compatible servers and OpenAI behind a proxy. */
  baseURL: string | null;
  /** A spec to test this provider with: a model it offers or the default. */
  exampleSpec: string | null;
};

/** The providers QUARRY_MODEL, OPENAI_API_KEY and OPENAI_BASE_URL make available, and the spec in effect. */
export function configuredProviders(env: NodeJS.ProcessEnv = process.env): { current: string; providers: Provider[] } {
  const baseURL = env.OPENAI_BASE_URL ?? null;
  return {
    current: modelSpec(env),
    providers: [
      { kind: 'local', configured: true, baseURL: null, exampleSpec: 'local' },
      { kind: 'openai', configured: Boolean(env.OPENAI_API_KEY), baseURL: env.OPENAI_API_KEY ? baseURL : null, exampleSpec: env.OPENAI_API_KEY ? `openai:${DEFAULT_OPENAI_MODEL}` : null },
      { kind: 'compatible', configured: Boolean(baseURL), baseURL, exampleSpec: null },
    ],
  };
}

const LIST_TIMEOUT_MS = 10_000;

/** The models an OpenAI or OpenAI-compatible server offers (GET /models), through the official client. */
export async function listServerModels(env: NodeJS.ProcessEnv = process.env): Promise<{ ok: true; models: string[] } | { ok: false; error: string }> {
  if (!env.OPENAI_BASE_URL && !env.OPENAI_API_KEY) return { ok: false, error: 'No model server is configured: set OPENAI_BASE_URL (and OPENAI_API_KEY if it needs one).' };
  const client = new OpenAI({ apiKey: env.OPENAI_API_KEY ?? 'not-needed', baseURL: env.OPENAI_BASE_URL, timeout: LIST_TIMEOUT_MS, maxRetries: 0 });
  try {
    const models: string[] = [];
    for await (const model of client.models.list()) models.push(model.id);
    return { ok: true, models: models.sort() };
  } catch (error) {
    if (error instanceof OpenAI.APIConnectionError) return { ok: false, error: `The model server at ${env.OPENAI_BASE_URL ?? 'api.openai.com'} could not be reached. Check OPENAI_BASE_URL and that the server is running.` };
    if (error instanceof OpenAI.APIError && error.status === 404) return { ok: false, error: 'The model server does not list its models (GET /models answered 404); type a model name to test instead.' };
    return { ok: false, error: describeModelError(error) };
  }
}

/** A one-table catalog the test question is about: the built-in planner answers it as any model would. */
const PROBE_CATALOG: Catalog = {
  types: [],
  tables: [
    {
      id: 'public.orders',
      schema: 'public',
      name: 'orders',
      comment: 'Orders',
      rowEstimate: 42,
      columns: [{ name: 'id', type: 'integer', nullable: false, comment: null }],
      primaryKey: ['id'],
      foreignKeys: [],
    },
  ],
};

export type ModelTest =
  | { ok: true; spec: string; latencyMs: number; toolCalls: boolean; answer: string }
  | { ok: false; spec: string; latencyMs: number; error: string };

const PROBE_TIMEOUT_MS = 60_000;

/**
 * One tool-calling round trip: the model is asked a question it must answer through Quarry's
 * runQuery tool, which returns a canned result without touching any warehouse.
 */
export async function testModel(spec: string, env: NodeJS.ProcessEnv = process.env): Promise<ModelTest> {
  const started = performance.now();
  const latencyMs = () => Math.round(performance.now() - started);
  let failure: unknown;
  try {
    const model = resolveModel(PROBE_CATALOG, { ...env, QUARRY_MODEL: spec });
    const result = streamText({
      model,
      instructions: 'You answer questions about the table public.orders(id integer) by calling the runQuery tool with one SELECT, then answer in one short sentence.',
      prompt: 'How many orders are there?',
      tools: {
        runQuery: tool({
          description: 'Run one read-only SQL SELECT and return its columns and rows.',
          inputSchema: runQueryInput,
          execute: async () => ({ columns: [{ name: 'n', type: 'bigint' }], rows: [[42]], rowCount: 1, truncated: false }),
        }),
      },
      stopWhen: isStepCount(2),
      abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      maxRetries: 0,
      onError: ({ error }) => {
        failure = error;
      },
    });
    const [text, steps] = await Promise.all([result.text, result.steps]);
    if (failure) throw failure;
    const toolCalls = steps.some((s) => s.toolCalls.some((c) => c.toolName === 'runQuery'));
    return { ok: true, spec, latencyMs: latencyMs(), toolCalls, answer: text.trim().slice(0, 500) };
  } catch (error) {
    return { ok: false, spec, latencyMs: latencyMs(), error: describeModelError(failure ?? error) };
  }
}
