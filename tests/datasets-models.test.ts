import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredProviders, listServerModels, testModel } from '@/lib/datasets/model-probe';
import { startFakeModelServer, type FakeModelServer } from './helpers/fake-openai-server';

/** Only these variables: the machine's own OPENAI_* never leak into the test. */
const env = (vars: Record<string, string> = {}) => vars as NodeJS.ProcessEnv;

describe('the models page: providers, listed models and a tool-calling test', () => {
  let good: FakeModelServer;
  let textOnly: FakeModelServer;
  beforeAll(async () => {
    good = await startFakeModelServer({ models: ['qwen2.5-coder:7b', 'llama3.1:8b'], toolCalls: true, answer: 'There are 42 orders.' });
    textOnly = await startFakeModelServer({ models: ['tiny'], toolCalls: false, answer: 'I think there are some orders.' });
  });
  afterAll(async () => {
    await good?.close();
    await textOnly?.close();
  });

  it('lists the configured providers and the spec in effect', () => {
    expect(configuredProviders(env({})).current).toBe('local');
    const compatible = configuredProviders(env({ QUARRY_MODEL: 'compatible:llama3.1:8b', OPENAI_BASE_URL: good.baseURL }));
    expect(compatible.current).toBe('compatible:llama3.1:8b');
    expect(compatible.providers.find((p) => p.kind === 'compatible')).toMatchObject({ configured: true, baseURL: good.baseURL });
    expect(compatible.providers.find((p) => p.kind === 'openai')).toMatchObject({ configured: false });
    expect(JSON.stringify(configuredProviders(env({ OPENAI_API_KEY: 'sk-secret-key' })))).not.toContain('sk-secret-key');
  });

  it("lists an OpenAI-compatible server's models with models.list", async () => {
    expect(await listServerModels(env({ OPENAI_BASE_URL: good.baseURL }))).toEqual({ ok: true, models: ['llama3.1:8b', 'qwen2.5-coder:7b'] });
    const down = await listServerModels(env({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }));
    expect(down).toMatchObject({ ok: false, error: expect.stringMatching(/could not be reached/) });
    expect(await listServerModels(env({}))).toMatchObject({ ok: false });
  });

  it('a model that calls tools passes the round trip, with its latency', async () => {
    const result = await testModel('compatible:qwen2.5-coder:7b', env({ OPENAI_BASE_URL: good.baseURL }));
    expect(result).toMatchObject({ ok: true, toolCalls: true, answer: 'There are 42 orders.' });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('a model that answers without calling tools is reported as such', async () => {
    expect(await testModel('compatible:tiny', env({ OPENAI_BASE_URL: textOnly.baseURL }))).toMatchObject({ ok: true, toolCalls: false });
  });

  it('the built-in planner calls the tool and reads its result', async () => {
    const result = await testModel('local', env({}));
    expect(result).toMatchObject({ ok: true, toolCalls: true });
    if (result.ok) expect(result.answer).toContain('42');
  });

  it('an unreachable server or a bad spec fails with a sentence', async () => {
    expect(await testModel('compatible:x', env({ OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }))).toMatchObject({ ok: false, error: expect.stringMatching(/could not be reached/) });
    expect(await testModel('compatible:x', env({}))).toMatchObject({ ok: false, error: expect.stringMatching(/OPENAI_BASE_URL/) });
  });
});
