import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModel } from 'ai';
import type { PlannerKnowledge } from '@/lib/planner/knowledge';
import { createPlannerModel } from '@/lib/planner/model';
import type { Catalog } from '@/lib/warehouse/catalog';

export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';

export class ModelConfigError extends Error {}

/**
 * Model requests go through the fetch Next patched over, without the patch: its caching and
 * tracing do nothing for a streamed POST, and cost CPU on every model step.
 */
const modelFetch: typeof fetch = (input, init) => ((globalThis.fetch as { _nextOriginalFetch?: typeof fetch })._nextOriginalFetch ?? globalThis.fetch)(input, init);

/**
 * A module preloaded into the server (`node --import`) may wrap every model Quarry resolves: with
 * AI SDK middleware (tracing, logging), or with another model altogether, as the benchmarks do
 * with instant scripted ones. Only code already running in the process can set it.
 */
export const MODEL_WRAPPER = Symbol.for('quarry.wrapModel');
export type ModelWrapper = (model: LanguageModel) => LanguageModel;

/** The model spec in effect: QUARRY_MODEL, else OpenAI when a key is set, else the built-in planner. */
export function modelSpec(env: NodeJS.ProcessEnv = process.env): string {
  if (env.QUARRY_MODEL) return env.QUARRY_MODEL;
  if (env.OPENAI_API_KEY) return `openai:${DEFAULT_OPENAI_MODEL}`;
  return 'local';
}

/**
 * One registry for every model Quarry can talk to. `compatible:` servers (Ollama, vLLM,
 * llama.cpp, LM Studio) speak Chat Completions, not OpenAI's Responses API, hence `.chat()`.
 * `knowledge` (the dataset's sampled values, glossary and descriptions) helps the built-in planner link words.
 */
export function resolveModel(catalog: Catalog, env: NodeJS.ProcessEnv = process.env, knowledge?: Partial<PlannerKnowledge>): LanguageModel {
  const model = registryModel(catalog, env, knowledge);
  const wrap = (globalThis as { [MODEL_WRAPPER]?: ModelWrapper })[MODEL_WRAPPER];
  return wrap ? wrap(model) : model;
}

function registryModel(catalog: Catalog, env: NodeJS.ProcessEnv, knowledge?: Partial<PlannerKnowledge>): LanguageModel {
  const spec = modelSpec(env);
  const [kind, ...rest] = spec.split(':');
  const id = rest.join(':');
  switch (kind) {
    case 'local':
      return createPlannerModel(catalog, knowledge);
    case 'openai':
      if (!env.OPENAI_API_KEY) throw new ModelConfigError(`QUARRY_MODEL=${spec} needs OPENAI_API_KEY.`);
      return createOpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, fetch: modelFetch })(id || DEFAULT_OPENAI_MODEL);
    case 'compatible':
      if (!env.OPENAI_BASE_URL) throw new ModelConfigError(`QUARRY_MODEL=${spec} needs OPENAI_BASE_URL, e.g. http://localhost:11434/v1 for Ollama.`);
      if (!id) throw new ModelConfigError('QUARRY_MODEL=compatible:<model> needs a model name, e.g. compatible:qwen2.5-coder:7b.');
      return createOpenAI({ apiKey: env.OPENAI_API_KEY ?? 'not-needed', baseURL: env.OPENAI_BASE_URL, name: 'compatible', fetch: modelFetch }).chat(id);
    default:
      throw new ModelConfigError(`Unknown QUARRY_MODEL "${spec}": use local, openai:<model> or compatible:<model>.`);
  }
}
