/**
 * Throughput: concurrent chat turns for DURATION seconds against the production server
 * (`next start`) on loopback, with autocannon: 10 signed-in analysts, one connection each, every
 * turn one runQuery call (a small aggregate), with an instant scripted model (see MODEL). With QUARRY_BENCH_INSTANCES=2 (the default) a second `next start` shares
 * the database and a small TCP balancer in this process spreads connections over both, so both
 * cores serve. Medians of RUNS runs. Prints a table and writes bench/results/throughput.json.
 * Needs a production build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { connect, createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { median } from '../../tests/helpers/in-process-app';
import { cpuSeconds, type CpuGroups } from './cpu';
import { describeMachine, machine } from './machine';
import { signIn, startServer, stopServer, waitForHealth } from './server';

const DURATION = Number(process.env.QUARRY_BENCH_SECONDS ?? 30);
const RUNS = Number(process.env.QUARRY_BENCH_RUNS ?? 3);
const INSTANCES = Number(process.env.QUARRY_BENCH_INSTANCES ?? 2);
const USERS = 10;
const TURNS_PER_CONVERSATION = 5;
const TARGET = 200;
// The instant model is scripted in the server's own process (scripts/bench/preload-instant-model.ts), so
// the figure is Quarry's own work; QUARRY_BENCH_MODEL=http puts the same script behind an
// OpenAI-compatible server in this process, adding a loopback HTTP call and the OpenAI provider to every model step.
const MODEL = process.env.QUARRY_BENCH_MODEL === 'http' ? 'http' : 'scripted';
// A small aggregate (500 products, about 0.4 ms in Postgres): the figure is Quarry's own work.
// What large queries cost is the warehouse's, and the growth benchmark measures it apart.
const SQL = 'SELECT category, count(*) AS n FROM products GROUP BY category ORDER BY n DESC';

/** The part of autocannon's API used here (it ships no types). */
type Request = { method: string; path: string; body?: string; headers: Record<string, string> };
type Autocannon = (options: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  requests: { method: string; path: string; setupRequest: (request: Request, context: Record<string, unknown>) => Request }[];
}) => Promise<{ requests: { total: number }; duration: number; latency: { p50: number; p99: number }; errors: number; timeouts: number; non2xx: number }>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createTcpServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** An instant OpenAI-compatible model: a runQuery call for a new question, text once its result is in. */
async function startInstantModel(): Promise<{ baseURL: string; calls: () => number; close: () => void }> {
  let calls = 0;
  const chunk = (delta: object, finish: string | null = null) =>
    `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'instant', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  const server = createHttpServer(async (req, res) => {
    let raw = '';
    for await (const part of req) raw += part;
    calls++;
    const { messages } = JSON.parse(raw) as { messages: { role: string }[] };
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    if (messages.at(-1)?.role === 'tool') {
      res.write(chunk({ role: 'assistant', content: 'Products by category.' }));
      res.write(chunk({}, 'stop'));
    } else {
      const args = JSON.stringify({ sql: SQL, params: [], purpose: 'Products by category' });
      res.write(chunk({ role: 'assistant', content: null, tool_calls: [{ index: 0, id: `call_${calls}`, type: 'function', function: { name: 'runQuery', arguments: args } }] }));
      res.write(chunk({}, 'tool_calls'));
    }
    res.end('data: [DONE]\n\n');
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, calls: () => calls, close: () => server.close() };
}

/** A TCP balancer: each new connection goes to the next backend, round robin. */
async function startBalancer(ports: number[]): Promise<{ port: number; close: () => void }> {
  let next = 0;
  const server = createTcpServer({ noDelay: true }, (client) => {
    const upstream = connect({ port: ports[next++ % ports.length]!, host: '127.0.0.1', noDelay: true });
    client.pipe(upstream).pipe(client);
    const close = () => (client.destroy(), upstream.destroy());
    client.on('error', close);
    upstream.on('error', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

async function postJson(url: string, cookie: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: new URL(url).origin }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

const host = await machine();
const httpModel = MODEL === 'http' ? await startInstantModel() : undefined;
const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-throughput-'));
const modelEnv = {
  QUARRY_RATE_LIMIT: 'off',
  ...(httpModel
    ? { QUARRY_MODEL: 'compatible:instant', OPENAI_BASE_URL: httpModel.baseURL }
    : { QUARRY_BENCH_SQL: SQL, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--import tsx', `--import ${JSON.stringify(path.resolve('scripts/bench/preload-instant-model.ts'))}`].filter(Boolean).join(' ') }),
};
const firstPort = await freePort();
const first = startServer(firstPort, dataDir, modelEnv);
const others: ChildProcess[] = [];
let balancer: { port: number; close: () => void } | undefined;
try {
  const firstBase = `http://127.0.0.1:${firstPort}`;
  await waitForHealth(firstBase, first);
  const { databaseUrl } = JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8')) as { databaseUrl: string };
  const secret = process.env.QUARRY_SECRET ?? readFileSync(path.join(dataDir, 'secret'), 'utf8').trim();
  const ports = [firstPort];
  for (let i = 1; i < INSTANCES; i++) {
    const port = await freePort();
    const env = { ...process.env, ...modelEnv, DATABASE_URL: databaseUrl, QUARRY_SECRET: secret, NEXT_TELEMETRY_DISABLED: '1' };
    const child = spawn(path.resolve('node_modules/.bin/next'), ['start', '-p', String(port)], { env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
    others.push(child);
    await waitForHealth(`http://127.0.0.1:${port}`, child);
    ports.push(port);
  }
  balancer = INSTANCES > 1 ? await startBalancer(ports) : undefined;
  const base = `http://127.0.0.1:${balancer?.port ?? firstPort}`;

  // Ten analysts: the demo admin creates nine next to the demo analyst; each signs in.
  const users = JSON.parse(readFileSync(path.join(dataDir, 'demo-users.json'), 'utf8')) as { email: string; password: string; role: string }[];
  const admin = users.find((u) => u.role === 'admin')!;
  const adminSignIn = await fetch(`${firstBase}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: firstBase }, body: JSON.stringify({ email: admin.email, password: admin.password }) });
  const adminCookie = adminSignIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const cookies = [await signIn(firstBase, dataDir)];
  for (let i = 1; i < USERS; i++) {
    const email = `bench-${i}-${Date.now()}@bench.local`;
    await postJson(`${firstBase}/api/admin/users`, adminCookie, { email, name: `Bench ${i}`, role: 'analyst', password: 'bench password 123' });
    const response = await fetch(`${firstBase}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: firstBase }, body: JSON.stringify({ email, password: 'bench password 123' }) });
    cookies.push(response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '));
  }
  const app = new pg.Client({ connectionString: databaseUrl });
  await app.connect();
  const datasetId = (await app.query<{ id: string }>("SELECT id FROM datasets WHERE slug = 'sample'")).rows[0]!.id;

  let connection = 0;
  const turnBody = (context: Record<string, unknown>) => {
    context.user ??= connection++ % USERS;
    const turn = ((context.turn as number | undefined) ?? 0) + 1;
    context.turn = turn;
    if (turn % TURNS_PER_CONVERSATION === 1) context.conversationId = crypto.randomUUID();
    return JSON.stringify({ conversationId: context.conversationId, datasetId, message: { id: crypto.randomUUID(), role: 'user', parts: [{ type: 'text', text: `Products by category (${turn})` }] } });
  };
  const chatTurn = {
    method: 'POST',
    path: '/api/chat',
    setupRequest: (request: Request, context: Record<string, unknown>): Request => {
      const body = turnBody(context);
      return { ...request, body, headers: { ...request.headers, 'content-type': 'application/json', cookie: cookies[context.user as number]! } };
    },
  };
  const bench = () => autocannon({ url: base, connections: USERS, duration: DURATION, requests: [chatTurn] });

  // Warm-up: every route and module compiled and cached before anything is measured.
  await autocannon({ url: base, connections: USERS, amount: 50, requests: [chatTurn] });
  // The instant model answered, not the built-in planner a server would fall back to without it.
  const answered = await app.query<{ parts: string }>("SELECT parts::text AS parts FROM messages WHERE role = 'assistant' ORDER BY created_at DESC LIMIT 1");
  if (!answered.rows[0]?.parts.includes('Products by category.')) throw new Error(`The instant model did not answer the warm-up turns: ${answered.rows[0]?.parts.slice(0, 200) ?? 'no answer was saved'}`);
  // Where the CPU goes, per turn: the Next processes, the embedded Postgres (its postmaster and
  // backends) and this process (autocannon, the balancer and, with QUARRY_BENCH_MODEL=http, the model server).
  const postmaster = Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const groups: CpuGroups = {
    next: (p) => p.command.startsWith('next-server'),
    postgres: (p) => p.pid === postmaster || p.ppid === postmaster,
    bench: (p) => p.pid === process.pid,
  };
  const cpuMs = (before: Record<string, number> | null, after: Record<string, number> | null, turns: number, group: string) =>
    before && after ? Number((((after[group]! - before[group]!) * 1000) / turns).toFixed(2)) : null;
  const runs: {
    turnsPerSecond: number;
    p50: number;
    p99: number;
    errors: number;
    non2xx: number;
    turns: number;
    cpuMsNext: number | null;
    cpuMsPostgres: number | null;
    cpuMsBench: number | null;
  }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const before = (await app.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE role = 'assistant' AND status = 'complete'")).rows[0]!.n;
    const cpuBefore = cpuSeconds(groups);
    const result = await bench();
    const cpuAfter = cpuSeconds(groups);
    const after = (await app.query<{ n: number }>("SELECT count(*)::int AS n FROM messages WHERE role = 'assistant' AND status = 'complete'")).rows[0]!.n;
    const served = result.requests.total;
    runs.push({
      turnsPerSecond: Number((served / result.duration).toFixed(1)),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      turns: after - before,
      cpuMsNext: cpuMs(cpuBefore, cpuAfter, served, 'next'),
      cpuMsPostgres: cpuMs(cpuBefore, cpuAfter, served, 'postgres'),
      cpuMsBench: cpuMs(cpuBefore, cpuAfter, served, 'bench'),
    });
  }
  await app.end();
  const med = (key: 'turnsPerSecond' | 'p50' | 'p99') => median(runs.map((r) => r[key]));
  const cpu = runs.every((r) => r.cpuMsNext !== null) ? Number(median(runs.map((r) => r.cpuMsNext! + r.cpuMsPostgres! + r.cpuMsBench!)).toFixed(2)) : null;
  const summary = { turnsPerSecond: med('turnsPerSecond'), p50: med('p50'), p99: med('p99'), errors: Math.max(...runs.map((r) => r.errors + r.non2xx)), cpuMsPerTurn: cpu };
  const result = {
    durationSeconds: DURATION,
    runs,
    instances: INSTANCES,
    users: USERS,
    median: summary,
    model: MODEL,
    modelCalls: httpModel?.calls() ?? null,
    target: { turnsPerSecond: TARGET, errors: 0 },
    machine: host,
    ok: summary.turnsPerSecond >= TARGET && summary.errors === 0,
    at: new Date().toISOString(),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/throughput.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`bench throughput: ${USERS} signed-in analysts, ${DURATION} s x ${RUNS} runs, ${INSTANCES} next start process(es), one runQuery per turn, ${MODEL === 'http' ? 'instant model behind a loopback OpenAI-compatible server' : 'instant scripted model in the server process'}`);
  console.log(`  ${describeMachine(host)}`);
  console.table(Object.fromEntries(runs.map((r, i) => [`run ${i + 1}`, r])));
  console.log(`  median ${summary.turnsPerSecond} turns/s (target >= ${TARGET}), p50 ${summary.p50} ms, p99 ${summary.p99} ms, errors ${summary.errors}   ${result.ok ? 'ok' : 'MISSED'}`);
  if (cpu !== null) console.log(`  CPU per turn (Next + Postgres + this process): ${cpu} ms; ${TARGET} turns/s on ${host.cores} cores allows at most ${((host.cores * 1000) / TARGET).toFixed(1)} ms`);
  console.log('  written to bench/results/throughput.json');
} finally {
  balancer?.close();
  for (const child of others) {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
  await stopServer(first);
  httpModel?.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exit(0);
