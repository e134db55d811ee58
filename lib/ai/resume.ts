import { createClient } from 'redis';
import { createResumableStreamContext, type ResumableStreamContext } from 'resumable-stream/redis';

function redisClient(url: string) {
  const redis = createClient({ url });
  redis.on('error', (error: Error) => console.error(`[quarry] Redis: ${error.message}`));
  return redis;
}

type Redis = ReturnType<typeof redisClient>;
export type Streams = { context: ResumableStreamContext; publisher: Redis; stopListener: Redis };

const holder = globalThis as unknown as { quarryStreams?: Promise<Streams | null> };

async function connect(url: string): Promise<Streams> {
  const [publisher, subscriber, stopListener] = [redisClient(url), redisClient(url), redisClient(url)];
  await Promise.all([publisher.connect(), subscriber.connect(), stopListener.connect()]);
  return {
    context: createResumableStreamContext({ waitUntil: null, keyPrefix: 'quarry:stream', publisher, subscriber }),
    publisher,
    stopListener,
  };
}

/**
 * Resumable streams, when REDIS_URL is set: an answer is written to Redis as it streams, so a
 * reloaded page, or another app instance, can pick it up. Without Redis, null: answers stream
 * once, and everything else works the same.
 */
export function resumableStreams(): Promise<Streams | null> {
  const url = process.env.REDIS_URL;
  if (!url) return Promise.resolve(null);
  return (holder.quarryStreams ??= connect(url).catch((error: Error) => {
    holder.quarryStreams = undefined;
    throw new Error(`Redis at REDIS_URL is unreachable (${error.message}).`);
  }));
}

const stopChannel = (conversationId: string) => `quarry:stop:${conversationId}`;

/** Asks whichever instance is writing this conversation's answer to stop it. */
export async function requestStop(streams: Streams, conversationId: string) {
  await streams.publisher.publish(stopChannel(conversationId), 'stop');
}

/** An abort signal that fires when a stop is requested for the conversation; `release` unsubscribes. */
export async function stopSignal(streams: Streams, conversationId: string): Promise<{ signal: AbortSignal; release: () => Promise<void> }> {
  const controller = new AbortController();
  const channel = stopChannel(conversationId);
  await streams.stopListener.subscribe(channel, () => controller.abort(new Error('Stopped by the user.')));
  return { signal: controller.signal, release: () => streams.stopListener.unsubscribe(channel).then(() => {}) };
}
