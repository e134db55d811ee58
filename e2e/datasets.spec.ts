import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { withDatabase } from '@/db/bootstrap';
import { provisionReaderRole } from '@/lib/warehouse/reader-role';
import { demoUser } from './demo-users';

const CHINOOK_SQL = path.resolve(process.env.QUARRY_DATASETS_DIR ?? '../shared/datasets', 'chinook/Chinook_PostgreSql.sql');
const DATABASE = 'chinook_e2e';
const CHOSEN = ['public.album', 'public.artist', 'public.genre', 'public.track'];

/** The e2e server's own Postgres (a superuser connection), from the runtime file serve.ts writes. */
const serverUrl = () => (JSON.parse(readFileSync(path.join('.data/e2e', 'runtime.json'), 'utf8')) as { databaseUrl: string }).databaseUrl;

/**
 * Loads Chinook into its own database on the e2e server (the dump's own CREATE DATABASE and \c
 * are dropped so it lands where we say) and provisions a read-only role for it: what an admin
 * would hand Quarry.
 */
async function loadChinook(): Promise<{ readerUrl: string; chinookUrl: string }> {
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl(), 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const chinookUrl = withDatabase(serverUrl(), DATABASE);
  const script = readFileSync(CHINOOK_SQL, 'utf8')
    .split('\n')
    .filter((line) => !/^(DROP DATABASE|CREATE DATABASE|\\c )/.test(line))
    .join('\n');
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', chinookUrl], { input: script, stdio: ['pipe', 'ignore', 'pipe'] });
  const client = new pg.Client({ connectionString: chinookUrl });
  await client.connect();
  const role = 'chinook_e2e_reader';
  const password = randomBytes(12).toString('base64url');
  await provisionReaderRole({ admin: client, role, password, schemas: ['public'] });
  await client.end();
  const reader = new URL(chinookUrl);
  reader.username = role;
  reader.password = password;
  return { readerUrl: reader.toString(), chinookUrl };
}

async function signInAsAdmin(page: Page) {
  const { email, password } = demoUser('admin');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('an admin adds Chinook, picks its tables and grants it; the analyst asks and gets a table', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { readerUrl, chinookUrl } = await loadChinook();

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = await context.newPage();
  await signInAsAdmin(admin);
  await admin.goto('/admin/datasets/new');

  // A superuser is refused with the reason, before anything is saved.
  await admin.getByLabel('Name', { exact: true }).fill('Chinook');
  await admin.getByTestId('connection-input').fill(withDatabase(serverUrl(), DATABASE));
  await admin.getByRole('button', { name: 'Test connection' }).click();
  await expect(admin.getByTestId('connection-result')).toContainText('This role will be refused');
  await expect(admin.getByTestId('connection-result')).toContainText('superuser');

  await admin.getByTestId('connection-input').fill(readerUrl);
  await admin.getByRole('button', { name: 'Test connection' }).click();
  await expect(admin.getByTestId('connection-result')).toContainText('This role is safe to use.');
  await expect(admin.getByTestId('connection-result')).toContainText('11 tables');
  await admin.getByRole('button', { name: 'Create dataset' }).click();
  await expect(admin).toHaveURL(/\/admin\/datasets\/[0-9a-f-]{36}\?tab=tables$/);

  // Pick four tables out of eleven.
  await expect(admin.getByTestId('table-public.album')).toBeChecked();
  await admin.getByRole('button', { name: 'Clear shown' }).click();
  await admin.getByTestId('table-search').fill('art');
  await expect(admin.getByTestId('table-public.album')).toHaveCount(0);
  await admin.getByTestId('table-public.artist').check();
  await admin.getByTestId('table-search').fill('');
  for (const table of CHOSEN) await admin.getByTestId(`table-${table}`).check();
  await expect(admin.getByText(`${CHOSEN.length} of 11 tables chosen`)).toBeVisible();
  await admin.getByTestId('save-tables').click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // The browser never sees the password.
  await admin.getByRole('tab', { name: 'Connection' }).click();
  await expect(admin.getByTestId('masked-connection')).toHaveText(/^chinook_e2e_reader:\*\*\*\*@/);
  expect(await admin.content()).not.toContain(new URL(readerUrl).password);

  await admin.getByRole('tab', { name: 'Access' }).click();
  await admin.getByTestId(`grant-${demoUser('analyst').email}`).check();
  await admin.getByTestId('save-grants').click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await context.close();

  // The analyst (this test's own signed-in page) now has Chinook and asks about it.
  const direct = new pg.Client({ connectionString: chinookUrl });
  await direct.connect();
  const { rows } = await direct.query<{ name: string; n: number }>(
    'SELECT ar.name, count(*)::int AS n FROM album al JOIN artist ar USING (artist_id) GROUP BY ar.artist_id, ar.name ORDER BY 2 DESC, 1 LIMIT 5',
  );
  await direct.end();

  await page.goto('/');
  await page.getByTestId('dataset-picker').selectOption({ label: 'Chinook' });
  await page.getByTestId('composer').fill('Top 5 artists by number of albums');
  await page.getByTestId('composer').press('Enter');
  const table = page.getByTestId('result-table');
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tbody tr').first()).toContainText(rows[0]!.name);
  await expect(table.locator('tbody tr').first()).toContainText(String(rows[0]!.n));
  await expect(page.getByTestId('sql')).toContainText(/"?artist"?/);
});
