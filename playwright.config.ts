import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DATA_DIR = '.data/e2e';

/** Debian's Chromium: Playwright's own browser download cannot work offline. */
export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? 'list' : 'line',
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts/ },
    { name: 'chromium', dependencies: ['setup'], use: { storageState: `${E2E_DATA_DIR}/analyst.json` } },
  ],
  webServer: {
    // A fresh embedded Postgres and sample warehouse every run, on the production build.
    command: `rm -rf ${E2E_DATA_DIR} && tsx scripts/serve.ts`,
    url: `http://localhost:${PORT}/api/health`,
    env: { PORT: String(PORT), QUARRY_DATA_DIR: E2E_DATA_DIR, QUARRY_MODEL: 'local', QUARRY_MAX_ROWS: '50000', QUARRY_DEMO_USERS: '1' },
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
