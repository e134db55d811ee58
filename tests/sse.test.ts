import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { sseResponse, toSse } from '@/lib/ai/sse';

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

  it('passes on a failure of its source, after what came before it', async () => {
    const { stream, controller } = source<object>();
    const reader = toSse(stream).getReader();
    controller.enqueue({ type: 'start' });
    expect((await reader.read()).value).toBe('data: {"type":"start"}\n\n');
    controller.error(new Error('model stream broke'));
    await expect(reader.read()).rejects.toThrow('model stream broke');
  });
});

describe('the response carrying the events', () => {
  it('sends them as UTF-8 server-sent events', async () => {
    const { stream, controller } = source<object>();
    const response = sseResponse(toSse(stream));
    controller.enqueue({ type: 'text-delta', delta: '销售额 €' });
    controller.close();
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe('data: {"type":"text-delta","delta":"销售额 €"}\n\ndata: [DONE]\n\n');
  });

  it('cancels the answer when the browser goes away', async () => {
    let cancelled: unknown;
    const stream = new ReadableStream<object>({ start: (c) => c.enqueue({ type: 'start' }), cancel: (reason) => void (cancelled = reason) });
    const body = sseResponse(toSse(stream)).body!.getReader();
    expect(new TextDecoder().decode((await body.read()).value)).toBe('data: {"type":"start"}\n\n');
    await body.cancel('closed');
    await vi.waitFor(() => expect(cancelled).toBe('closed'));
  });
});
