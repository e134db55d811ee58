import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { connect, createServer, type AddressInfo } from 'node:net';
import { availableParallelism, cpus } from 'node:os';
import { median } from '../../tests/helpers/in-process-app';

/** A chunk of about the size and shape an answer streams. */
const sample = {
  type: 'tool-output-available',
  toolCallId: 'call-5e786d8b-0a51-484d-a371-540a5d8311e3',
  output: { ok: true, columns: ['category', 'n'], rows: Array.from({ length: 12 }, (_, i) => [`category ${i}`, i * 37]), durationMs: 0.8 },
};

/** Median ms of the same work: JSON through and back, and a hash, as a server does all day. */
function compute(): number {
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    for (let i = 0; i < 20_000; i++) {
      const text = JSON.stringify(sample);
      JSON.parse(text);
      createHash('sha256').update(text).digest();
    }
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Median µs of a small message's round trip over a loopback TCP connection: what every request, query and model call pays. */
async function loopback(): Promise<number> {
  const server = createServer((socket) => socket.on('data', (data) => socket.write(data)));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  client.setNoDelay(true);
  await once(client, 'connect');
  const times: number[] = [];
  for (let run = 0; run < 7; run++) {
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) {
      client.write('ping');
      await once(client, 'data');
    }
    times.push(((performance.now() - started) * 1000) / 1_000);
  }
  client.destroy();
  server.close();
  return median(times);
}

/**
 * The machine, and how fast it did fixed work just before the benchmark: this VM's speed drifts
 * by a fifth within an hour and more between days, so figures from different runs compare only
 * as far as these do.
 */
export async function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    computeMs: Number(compute().toFixed(1)),
    loopbackUs: Number((await loopback()).toFixed(1)),
  };
}

export const describeMachine = (m: Awaited<ReturnType<typeof machine>>) =>
  `machine: ${m.cores} x ${m.cpu}, Node ${m.node}; reference work ${m.computeMs} ms, loopback round trip ${m.loopbackUs} µs (lower is faster)`;
