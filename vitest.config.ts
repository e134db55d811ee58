import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Every test file runs twice: against the embedded Postgres 18 and the system Postgres 15.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'pg18-embedded', globalSetup: ['tests/setup/embedded-postgres.ts'] } },
      { extends: true, test: { name: 'pg15-system', globalSetup: ['tests/setup/system-postgres.ts'] } },
    ],
  },
});
