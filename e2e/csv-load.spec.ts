import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import pg from 'pg';
import { demoUser } from './demo-users';
import { queryWarehouse } from './databases';

const STAGES = ['Main', 'Forest', 'Lake'];
const ROWS = 300;
/** A festival's ticket sales: the table name, the headers and the stages appear nowhere in the sample warehouse. */
const TICKETS = [
  'Ticket ID,Stage,Ticket Price,Sold On,VIP,Buyer Note',
  ...Array.from({ length: ROWS }, (_, i) => `${i + 1},${STAGES[i % 3]},${(20 + (i % 7) * 2.5).toFixed(2)},2025-07-${String(1 + (i % 28)).padStart(2, '0')},${i % 5 === 0 ? 'yes' : 'no'},${i % 4 === 0 ? '"early, bird"' : ''}`),
].join('\n');

async function sampleDatasetId(): Promise<string> {
  const { databaseUrl } = JSON.parse(readFileSync(path.join('.data/e2e', 'runtime.json'), 'utf8')) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ id: string }>("SELECT id FROM datasets WHERE slug = 'sample'")).rows[0]!.id;
  } finally {
    await client.end();
  }
}

async function signInAsAdmin(page: Page) {
  const { email, password } = demoUser('admin');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const file = (name: string, text: string | Buffer) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('an admin loads a CSV file into the sample dataset and an analyst asks about the new table', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const datasetId = await sampleDatasetId();
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const admin = await context.newPage();
  await signInAsAdmin(admin);
  await admin.goto(`/admin/datasets/${datasetId}/load`);
  await expect(admin.getByRole('heading', { name: 'Load a CSV file' })).toBeVisible();

  // A malformed file is refused at the preview with its line, and nothing is created.
  await admin.getByTestId('csv-file').setInputFiles(file('broken.csv', 'Stage,Ticket Price\nMain,20\nForest,"21\nLake,22\n'));
  await expect(admin.getByTestId('csv-error')).toContainText('The quoted field that starts on line 3 is never closed');

  await admin.getByTestId('csv-file').setInputFiles(file('Festival Tickets.csv', TICKETS));
  await expect(admin.getByTestId('csv-table-name')).toHaveValue('festival_tickets');
  await expect(admin.getByText(`Types were inferred from all ${ROWS} rows of the file.`)).toBeVisible();
  const names = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => admin.getByTestId(`csv-column-name-${i}`).inputValue()));
  expect(names).toEqual(['ticket_id', 'stage', 'ticket_price', 'sold_on', 'vip', 'buyer_note']);
  await expect(admin.getByTestId('csv-column-type-2')).toHaveValue('numeric');
  await expect(admin.getByTestId('csv-column-type-3')).toHaveValue('date');
  await expect(admin.getByTestId('csv-column-type-4')).toHaveValue('boolean');

  // An existing table name and a reserved word are caught before anything is sent.
  await admin.getByTestId('csv-table-name').fill('orders');
  await expect(admin.getByText('A table with this name already exists in public.')).toBeVisible();
  await admin.getByTestId('csv-column-name-5').fill('order');
  await expect(admin.getByText('“order” is a word Postgres reserves')).toBeVisible();
  await admin.getByTestId('csv-load').click();
  await expect(admin.getByTestId('csv-table-name')).toBeFocused();
  expect(await queryWarehouse("SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'stage'")).toHaveLength(0);

  // Edited names and a type, then the load.
  await admin.getByTestId('csv-table-name').fill('festival_tickets');
  await admin.getByTestId('csv-column-name-5').fill('note');
  await admin.getByTestId('csv-column-type-0').selectOption('text');
  await admin.getByTestId('csv-load').click();
  await expect(admin.getByTestId('csv-done')).toContainText(`Loaded ${ROWS} rows into public.festival_tickets`);
  const columns = await queryWarehouse<{ column_name: string; data_type: string }>(
    "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'festival_tickets' ORDER BY ordinal_position",
  );
  expect(columns.map((c) => `${c.column_name} ${c.data_type}`)).toEqual(['ticket_id text', 'stage text', 'ticket_price numeric', 'sold_on date', 'vip boolean', 'note text']);

  // The same table name again is refused by the server too, and the first load is untouched.
  await admin.getByRole('button', { name: 'Load another file' }).click();
  await admin.getByTestId('csv-file').setInputFiles(file('Festival Tickets.csv', TICKETS));
  await expect(admin.getByText('A table with this name already exists in public.')).toBeVisible();
  await context.close();

  // The analyst (this test's own page) asks about the new table.
  await page.goto('/');
  await page.getByTestId('composer').fill('How many festival tickets are there?');
  await page.getByTestId('composer').press('Enter');
  await expect(page.getByTestId('answer-text')).toContainText(String(ROWS));
  await page.getByTestId('composer').fill('Total ticket price by stage');
  await page.getByTestId('composer').press('Enter');
  const table = page.getByTestId('result-table').last();
  await expect(table.locator('tbody tr')).toHaveCount(STAGES.length);
  for (const stage of STAGES) await expect(table.locator('tbody tr').filter({ hasText: stage })).toHaveCount(1);
});
