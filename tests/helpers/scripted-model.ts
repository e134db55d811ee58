import type { LanguageModel } from 'ai';
import { vi } from 'vitest';

/**
 * Set `scripted.model` to make the routes answer with that model; leave it undefined for the
 * real registry (the local planner). Import this before the routes, which the test files then
 * load with `await import(...)`, so they see the mocked registry.
 */
export const scripted: { model: LanguageModel | undefined } = { model: undefined };

vi.mock('@/lib/ai/models', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@/lib/ai/models')>();
  return { ...actual, resolveModel: (...args: Parameters<typeof actual.resolveModel>) => scripted.model ?? actual.resolveModel(...args) };
});
