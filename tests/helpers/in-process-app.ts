import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LanguageModel } from 'ai';
import pg from 'pg';
import { MODEL_WRAPPER, type ModelWrapper } from '@/lib/ai/models';

/**
 * Quarry in this process, for the benchmarks: its own embedded Postgres with the app database and
 * the sample warehouse (through the real bootstrap), a signed-in analyst, and the route handlers
 * answering with the model set by `useModel` instead of the registry's. The swap goes through the
 * registry's wrapper hook (MODEL_WRAPPER), so the app's code runs unchanged.
 */
export type InProcessApp = {
  cookie: string;
  datasetId: string;
  databaseUrl: string;
  /** A superuser connection string to the sample warehouse. */
  warehouseUrl: string;
  useModel: (model: LanguageModel | undefined) => void;
  /** Wraps every model the route resolves (the registry's or `useModel`'s), e.g. to count its calls. */
  wrapModel: (wrap: ModelWrapper | undefined) => void;
  stop: () => Promise<void>;
};

/** Every model the route resolves goes through the registry's wrapper hook: `useModel`'s replaces it, `wrapModel`'s wraps the result. */
function overrideModels(): Pick<InProcessApp, 'useModel' | 'wrapModel'> {
  let use: LanguageModel | undefined;
  let wrap: ModelWrapper | undefined;
  const wrapper: ModelWrapper = (model) => (wrap ? wrap(use ?? model) : (use ?? model));
  (globalThis as { [MODEL_WRAPPER]?: ModelWrapper })[MODEL_WRAPPER] = wrapper;
  return { useModel: (model) => (use = model), wrapModel: (next) => (wrap = next) };
}

export async function startInProcessApp({ scale = 0.1, log = () => {} }: { scale?: number; log?: (line: string) => void } = {}): Promise<InProcessApp> {
  const models = overrideModels();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-'));
  delete process.env.DATABASE_URL;
  delete process.env.SAMPLE_WAREHOUSE_URL;
  process.env.QUARRY_SAMPLE_SCALE = String(scale);
  process.env.QUARRY_RATE_LIMIT = 'off';
  const { bootstrap, SAMPLE_DATASET_SLUG, withDatabase } = await import('@/db/bootstrap');
  const booted = await bootstrap({ dataDir, seed: true, log });
  process.env.DATABASE_URL = booted.databaseUrl;
  const { createUser } = await import('@/lib/auth/users');
  const { auth } = await import('@/lib/auth/auth');
  const email = `bench-${crypto.randomUUID()}@bench.local`;
  await createUser(email, 'bench password 123', 'analyst');
  const signedIn = await auth().api.signInEmail({ body: { email, password: 'bench password 123' }, asResponse: true });
  const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const client = new pg.Client({ connectionString: booted.databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: string }>('SELECT id FROM datasets WHERE slug = $1', [SAMPLE_DATASET_SLUG]);
  await client.end();
  return {
    cookie,
    datasetId: rows[0]!.id,
    databaseUrl: booted.databaseUrl,
    warehouseUrl: withDatabase(booted.databaseUrl, 'quarry_sample'),
    ...models,
    stop: async () => {
      const { closeDb } = await import('@/db/client');
      await closeDb();
      await booted.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Percentile of sorted numbers (nearest rank). */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
export const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

export type Asked = {
  status: number;
  firstByteMs: number;
  completeMs: number;
  /** The UI message stream's chunks, parsed. */
  chunks: { type: string; [key: string]: unknown }[];
};

/** One question through the chat route handler, read to the end, timed. */
export async function ask(
  post: (request: Request) => Promise<Response>,
  { cookie, conversationId, datasetId, text }: { cookie: string; conversationId: string; datasetId: string; text: string },
): Promise<Asked> {
  const body = JSON.stringify({ conversationId, datasetId, message: { id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text }] } });
  const started = performance.now();
  const response = await post(new Request('http://localhost/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body }));
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let firstByteMs = 0;
  let raw = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    firstByteMs ||= performance.now() - started;
    raw += decoder.decode(value, { stream: true });
  }
  const completeMs = performance.now() - started;
  const chunks = raw
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice(6)) as Asked['chunks'][number]);
  return { status: response.status, firstByteMs, completeMs, chunks };
}
