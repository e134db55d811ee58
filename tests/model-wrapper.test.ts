import type { LanguageModel } from 'ai';
import { afterEach, expect, it } from 'vitest';
import { MODEL_WRAPPER, ModelConfigError, resolveModel, type ModelWrapper } from '@/lib/ai/models';
import type { Catalog } from '@/lib/warehouse/catalog';

const catalog: Catalog = { types: [], tables: [] };
const hooks = globalThis as { [MODEL_WRAPPER]?: ModelWrapper };
const env = (vars: Record<string, string>) => ({ NODE_ENV: 'test', ...vars }) as NodeJS.ProcessEnv;
const modelId = (model: LanguageModel) => (typeof model === 'string' ? model : model.modelId);

afterEach(() => {
  delete hooks[MODEL_WRAPPER];
});

it('without a preloaded wrapper the registry’s model is used', () => {
  expect(modelId(resolveModel(catalog, env({ QUARRY_MODEL: 'local' })))).toBe('local');
});

it('a preloaded wrapper receives the registry’s model and its result is the model used', () => {
  const seen: string[] = [];
  const replacement = { ...(resolveModel(catalog, env({ QUARRY_MODEL: 'local' })) as object), modelId: 'replacement' } as LanguageModel;
  hooks[MODEL_WRAPPER] = (model) => {
    seen.push(modelId(model));
    return replacement;
  };
  expect(resolveModel(catalog, env({ QUARRY_MODEL: 'compatible:qwen', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }))).toBe(replacement);
  expect(seen).toEqual(['qwen']);
});

it('a spec the registry refuses is refused before any wrapper runs', () => {
  const seen: LanguageModel[] = [];
  hooks[MODEL_WRAPPER] = (model) => (seen.push(model), model);
  expect(() => resolveModel(catalog, env({ QUARRY_MODEL: 'compatible:qwen' }))).toThrow(ModelConfigError);
  expect(seen).toEqual([]);
});
