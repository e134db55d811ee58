import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import type { UIMessageChunk } from 'ai';
import { signIn } from '../scripts/bench/server';
import { startFakeOpenAI } from '../tests/helpers/fake-openai';
import { queryApp } from './databases';
import { readChunks, startQuarry, textOf, type Instance } from './instances';

const ANSWER = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
const PORT = 3223;

type MidAnswer = {
  quarry: Instance;
  dataDir: string;
  conversationId: string;
  /** The answer's chunks, read to the end (or to where the connection broke). */
  reading: Promise<UIMessageChunk[]>;
  /** Quarry again on the same data, as the next `npm start` would run it. */
  restart: () => Promise<Instance>;
};

/**
 * Quarry on a fresh data folder, its model writing the answer a word every `wordDelayMs`, with a
 * question asked and its answer being written; `check` runs then, and everything is cleaned up after.
 */
async function midAnswer(wordDelayMs: number, terminal: boolean, check: (run: MidAnswer) => Promise<void>) {
  test.setTimeout(240_000);
  const model = await startFakeOpenAI('SELECT count(*) AS n FROM public.orders', ANSWER, { wordDelayMs });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-e2e-shutdown-'));
  const env = { QUARRY_DEMO_USERS: '1', QUARRY_SAMPLE_SCALE: '0.1', QUARRY_MODEL: 'compatible:fake', OPENAI_BASE_URL: model.baseURL };
  try {
    const quarry = await startQuarry(PORT, dataDir, env, { terminal });
    const cookie = await signIn(quarry.url, dataDir);
    const [{ id: datasetId }] = await queryApp<{ id: string }>('SELECT id FROM datasets WHERE is_default LIMIT 1', [], dataDir);
    const conversationId = crypto.randomUUID();
    const response = await fetch(`${quarry.url}/api/chat`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ conversationId, datasetId, message: { id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text: 'Count the orders, then stop' }] } }),
    });
    const reading = readChunks(response).catch(() => []);
    // The second model request is the answer's text, written word by word.
    await expect.poll(() => model.requests.length).toBe(2);
    await check({ quarry, dataDir, conversationId, reading, restart: () => startQuarry(PORT, dataDir, env) });
  } finally {
    await model.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const messagesOf = (conversationId: string, dataDir: string) =>
  queryApp('SELECT role, status FROM messages WHERE conversation_id = $1 ORDER BY created_at', [conversationId], dataDir);

const stops = [
  { how: 'SIGTERM', terminal: false, stop: (quarry: Instance) => quarry.stop() },
  // The terminal signals every process of its foreground group, Postgres and Next included.
  { how: 'Ctrl+C in a terminal', terminal: true, stop: (quarry: Instance) => quarry.interrupt() },
];

for (const { how, terminal, stop } of stops) {
  test(`${how} mid-answer: the answer finishes and is saved before the embedded database stops`, () =>
    midAnswer(50, terminal, async ({ quarry, dataDir, conversationId, reading, restart }) => {
      const code = await stop(quarry);

      // Next finished the request it was serving, and the database was still there to save it.
      const chunks = await reading;
      expect(textOf(chunks)).toBe(ANSWER);
      expect(chunks.at(-1)?.type).toBe('finish');
      expect(code).toBe(0);
      expect(quarry.output()).not.toMatch(/uncaughtException|terminating connection/);
      expect(quarry.output()).toContain('Stopping: the web server finishes the answers it is writing, then Postgres stops.');

      const again = await restart();
      expect(await messagesOf(conversationId, dataDir)).toEqual([
        { role: 'user', status: 'complete' },
        { role: 'assistant', status: 'complete' },
      ]);
      expect(await again.stop()).toBe(0);
    }));
}

// Six seconds of answer: the orderly stop, which waits up to ten, would finish it.
test('Ctrl+C twice in a terminal stops at once: the answer is cut off, and Postgres still stops cleanly', () =>
  midAnswer(200, true, async ({ quarry, dataDir, conversationId, reading, restart }) => {
    const exit = quarry.interrupt();
    await expect.poll(() => quarry.output()).toContain('Press Ctrl+C again to stop at once.');
    await new Promise((resolve) => setTimeout(resolve, 600));
    void quarry.interrupt();
    expect(await exit).toBe(0);

    expect(textOf(await reading)).not.toBe(ANSWER);
    expect(quarry.output()).toContain('Stopping at once: answers still being written are cut off.');
    // Postgres removes its lock file only when it shuts down cleanly.
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    // The question is kept, waiting for Retry.
    const again = await restart();
    expect(await messagesOf(conversationId, dataDir)).toEqual([{ role: 'user', status: 'complete' }]);
    expect(await again.stop()).toBe(0);
  }));
