import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordQueryRun, saveMessage } from '@/db/queries';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';

/**
 * A chat turn's question and audit row commit without waiting for the disk; its answer commits
 * synchronously, which flushes them. Read from the WAL positions: after a synchronous commit the
 * WAL is flushed past where it was before the statement; after an asynchronous one it is not, as
 * long as nothing else flushed meanwhile (other test files share the server, hence the tries).
 */
describe.skipIf(!server)(`asynchronous commits of a turn's first writes, on ${server?.name}`, () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
  });
  afterAll(async () => {
    await env?.cleanup();
  });

  const insertLsn = async () => (await env.app('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows[0].lsn as string;
  const flushedPast = async (lsn: string) => (await env.app('SELECT pg_current_wal_flush_lsn() >= $1::pg_lsn AS past', [lsn])).rows[0].past as boolean;
  /** Whether the write ever returned before the WAL it wrote was on disk, in up to 50 tries. */
  async function everUnflushed(write: () => Promise<unknown>): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
      const before = await insertLsn();
      await write();
      if (!(await flushedPast(before))) return true;
    }
    return false;
  }
  const conversation = () => ({ conversationId: crypto.randomUUID(), conversation: { userId: env.users.analyst.id, datasetId: env.datasetId, title: 'Async' } });
  const question = (asyncCommit: boolean) => {
    const { conversationId, conversation: created } = conversation();
    return saveMessage({ id: crypto.randomUUID(), conversationId, role: 'user', parts: [{ type: 'text', text: 'How many orders?' }] }, { conversation: created, asyncCommit });
  };
  const audit = (asyncCommit: boolean) =>
    recordQueryRun({ datasetId: env.datasetId, conversationId: null, userId: env.users.analyst.id, sql: 'SELECT 1', status: 'ok', rowCount: 1, durationMs: 1 }, { asyncCommit });

  it('a message saved by default is on disk when saveMessage returns', async () => {
    for (let i = 0; i < 5; i++) {
      const before = await insertLsn();
      await question(false);
      expect(await flushedPast(before)).toBe(true);
    }
  });

  it('a question saved with asyncCommit returns before its WAL is flushed, and is saved', async () => {
    expect(await everUnflushed(() => question(true))).toBe(true);
    const { rows } = await env.app("SELECT count(*)::int AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE c.title = 'Async' AND m.role = 'user'");
    expect(rows[0].n).toBeGreaterThan(5);
  });

  it('an audit row: synchronous by default, asynchronous when asked; either way it is written', async () => {
    const before = await insertLsn();
    const id = await audit(false);
    expect(await flushedPast(before)).toBe(true);
    expect(await everUnflushed(() => audit(true))).toBe(true);
    expect((await env.app('SELECT status FROM query_runs WHERE id = $1', [id])).rows).toEqual([{ status: 'ok' }]);
  });

  it('the synchronous commit that follows flushes the asynchronous writes before it', async () => {
    await question(true);
    const afterQuestion = await insertLsn();
    await question(false);
    expect(await flushedPast(afterQuestion)).toBe(true);
  });

  it('the setting is the statement’s own: the connection goes back to synchronous commits', async () => {
    await question(true);
    for (let i = 0; i < 3; i++) {
      const before = await insertLsn();
      await question(false);
      expect(await flushedPast(before)).toBe(true);
    }
  });
});
