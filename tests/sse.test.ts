import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { toSse } from '@/lib/ai/sse';

/** A stream the test writes to by hand, as the model's stream would. */
function source<T>() {
  let controller!: ReadableStreamDefaultController<T>;
  const stream = new ReadableStream<T>({ start: (c) => void (controller = c) });
  return { stream, controller };
}

async function readAll(stream: ReadableStream<string>): Promise<string[]> {
  const pieces: string[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) pieces.push(read.value);
  return pieces;
}

describe('the answer as server-sent events', () => {
  it('sends the chunks made in one turn of the event loop as one piece, in order', async () => {
    const { stream, controller } = source<object>();
    const read = readAll(toSse(stream));
    controller.enqueue({ type: 'start' });
    controller.enqueue({ type: 'text-delta', delta: 'a' });
    await nextTurn();
    await nextTurn();
    controller.enqueue({ type: 'text-delta', delta: 'b' });
    controller.close();
    expect(await read).toEqual([
      'data: {"type":"start"}\n\ndata: {"type":"text-delta","delta":"a"}\n\n',
      'data: {"type":"text-delta","delta":"b"}\n\ndata: [DONE]\n\n',
    ]);
  });

  it('ends with [DONE] when nothing was written', async () => {
    const { stream, controller } = source<object>();
    controller.close();
    expect(await readAll(toSse(stream))).toEqual(['data: [DONE]\n\n']);
  });

  it('lets a reader go away while a piece waits for the end of the turn', async () => {
    const { stream, controller } = source<object>();
    const reader = toSse(stream).getReader();
    const first = reader.read();
    controller.enqueue({ type: 'start' });
    expect((await first).value).toBe('data: {"type":"start"}\n\n');
    const second = reader.read();
    controller.enqueue({ type: 'text-delta', delta: 'a' });
    // Microtasks only: the chunk reaches the transform, and its piece waits for the end of the turn.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await reader.cancel();
    expect((await second).done).toBe(true);
    // The pending piece's turn comes after the cancel; it must not throw into the event loop.
    await nextTurn();
    await nextTurn();
  });
});
