/**
 * Page weight: the first-load JavaScript of the chat page (`/`, signed in), gzip. The production
 * server renders the page; the scripts it loads are the `<script src>` tags of the HTML (but
 * `noModule` ones, which browsers with ES modules never fetch) plus the chunks the inline React
 * Server Components payload tells the runtime to load for hydration.
 * Each is fetched from the server and gzipped here (level 9, as a CDN would serve it). Lazily
 * loaded code (charts, the SQL editor) is not in that list by design. Prints a table and writes
 * bench/results/weight.json. Needs a production build.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { signIn, startServer, stopServer, waitForHealth } from './server';

const TARGET_KB = 200;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Every script the page loads on first paint and hydration, as site paths. */
function scriptsOf(html: string): string[] {
  const found = new Set<string>();
  const legacy = new Set<string>();
  // A `noModule` script (Next's legacy polyfills) is fetched only by browsers without ES modules.
  for (const m of html.matchAll(/<script([^>]+)src="([^"]+)"([^>]*)>/g)) (/nomodule/i.test(m[1]! + m[3]!) ? legacy : found).add(m[2]!);
  // The RSC payload is inline JS strings: chunk paths appear with escaped quotes.
  for (const m of html.matchAll(/(?:\/_next\/)?static\/chunks\/[\w\-./~%[\]]+?\.js/g)) found.add(m[0].startsWith('/_next/') ? m[0] : `/_next/${m[0]}`);
  return [...found].filter((src) => src.startsWith('/_next/') && !legacy.has(src)).sort();
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-weight-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = startServer(port, dataDir);
try {
  await waitForHealth(base, server);
  const cookie = await signIn(base, dataDir);
  const html = await fetch(`${base}/`, { headers: { cookie } }).then((r) => r.text());
  if (!html.includes('<textarea')) throw new Error('the chat page did not render');
  const scripts = scriptsOf(html);
  const files = [];
  for (const src of scripts) {
    const response = await fetch(`${base}${src}`);
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    files.push({ src, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const kb = (n: number) => Number((n / 1024).toFixed(1));
  const totalGzip = files.reduce((a, f) => a + f.gzip, 0);
  const totalRaw = files.reduce((a, f) => a + f.bytes, 0);
  const result = {
    page: '/ (chat, signed in)',
    scripts: files.length,
    gzipKb: kb(totalGzip),
    rawKb: kb(totalRaw),
    files: files.map((f) => ({ src: f.src, kb: kb(f.bytes), gzipKb: kb(f.gzip) })),
    targetKb: TARGET_KB,
    ok: totalGzip / 1024 <= TARGET_KB,
    at: new Date().toISOString(),
  };
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/weight.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(`bench weight: first-load JavaScript of the chat page, ${files.length} scripts`);
  console.table(Object.fromEntries([...files].sort((a, b) => b.gzip - a.gzip).map((f) => [path.basename(f.src), { KB: kb(f.bytes), 'gzip KB': kb(f.gzip) }])));
  console.log(`  total ${result.rawKb} KB, gzip ${result.gzipKb} KB (target <= ${TARGET_KB} KB)   ${result.ok ? 'ok' : 'MISSED'}`);
  console.log('  written to bench/results/weight.json');
} finally {
  await stopServer(server);
  await rm(dataDir, { recursive: true, force: true });
}
