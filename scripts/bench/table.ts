/**
 * Time for the browser (Debian's Chromium) to render a 10,000-row result table and to scroll
 * through it. Starts the production server on a fresh data directory; needs `npm run build`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { signIn, startServer, stopServer, waitForHealth } from './server';

const PORT = 3291;
const ROWS = 10_000;
const SQL = `SELECT g AS n, g * 2.5 AS amount, md5(g::text) AS code, DATE '2024-01-01' + g AS day FROM generate_series(1, ${ROWS}) g`;

const dataDir = await mkdtemp(path.join(tmpdir(), 'quarry-bench-table-'));
const server = startServer(PORT, dataDir);
const base = `http://127.0.0.1:${PORT}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await waitForHealth(base, server);
  const [name, value] = (await signIn(base, dataDir)).split('; ')[0]!.split(/=(.*)/s);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: name!, value: value!, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByTestId('composer').fill('How many orders are there?');
  await page.getByTestId('composer').press('Enter');
  await page.getByTestId('result-table').waitFor();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('sql-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(SQL);
  const started = Date.now();
  await page.getByTestId('run-sql').click();
  await page.getByTestId('result-summary').nth(1).filter({ hasText: '10,000' }).waitFor();
  const renderMs = Date.now() - started;

  const frames = await page.getByTestId('result-scroll').nth(1).evaluate(async (el) => {
    const times: number[] = [];
    const steps = 120;
    for (let i = 1; i <= steps; i++) {
      const t0 = performance.now();
      el.scrollTop = (el.scrollHeight * i) / steps;
      await new Promise((r) => requestAnimationFrame(r));
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b);
  });
  const q = (p: number) => frames[Math.min(frames.length - 1, Math.floor(p * frames.length))]!.toFixed(1);
  const inDom = await page.getByTestId('result-table').nth(1).getByTestId('result-row').count();
  console.log(`bench table: ${ROWS.toLocaleString('en-US')} rows x 4 columns in Chromium`);
  console.log(`  run -> table rendered ${renderMs} ms (query, network, JSON, React render)`);
  console.log(`  scrolling top to bottom in 120 jumps, time to the next frame: p50 ${q(0.5)} ms   p95 ${q(0.95)} ms   max ${q(1)} ms (16.7 ms = 60 fps)`);
  console.log(`  rows in the DOM after scrolling: ${inDom} (virtualized)`);
} finally {
  await browser.close();
  await stopServer(server);
  await rm(dataDir, { recursive: true, force: true });
}
