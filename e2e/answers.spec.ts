import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { queryWarehouse } from './databases';

async function ask(page: Page, question: string) {
  await page.goto('/');
  await page.getByTestId('composer').fill(question);
  await page.getByTestId('composer').press('Enter');
  await expect(page.getByTestId('result-table').first()).toBeVisible();
}

test('the CSV download holds exactly what a direct query returns', async ({ page }) => {
  await ask(page, 'Top 5 products by revenue');
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-csv').click();
  const file = await (await downloading).path();
  const csv = await readFile(file, 'utf8');
  const rows = await queryWarehouse<{ name: string; revenue: string }>(
    `SELECT name, revenue::text FROM (
       SELECT p.name, round(sum(oi.quantity * oi.unit_price * (1 - oi.discount))::numeric, 2) AS revenue
       FROM order_items oi JOIN products p USING (product_id) GROUP BY p.product_id, p.name) t
     ORDER BY t.revenue DESC LIMIT 5`,
  );
  expect(csv.trimEnd().split('\n')).toEqual(['name,revenue', ...rows.map((r) => `${r.name},${r.revenue}`)]);
});

test('edited SQL runs with Ctrl+Enter and adds the analyst’s own result', async ({ page }) => {
  await ask(page, 'How many orders are there?');
  await page.getByRole('button', { name: 'Edit' }).click();
  const editor = page.getByTestId('sql-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type("select count(*) as web_orders from orders where channel = 'Web'");
  await page.getByTestId('format-sql').click();
  await expect(page.getByTestId('sql-editor')).toContainText('SELECT');
  await expect(page.getByTestId('sql-editor')).toContainText('WHERE');
  await page.getByTestId('sql-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByText('Your query')).toBeVisible();
  const [{ n }] = await queryWarehouse<{ n: number }>("SELECT count(*)::int AS n FROM orders WHERE channel = 'Web'");
  await expect(page.getByTestId('result-table').last().locator('tbody td').first()).toHaveText(new Intl.NumberFormat('en-US').format(n));
  // Saved with the conversation.
  await page.reload();
  await expect(page.getByText('Your query')).toBeVisible();
});

test('an edited query the guard rejects says why and adds nothing', async ({ page }) => {
  await ask(page, 'How many orders are there?');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('sql-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('DELETE FROM orders');
  await page.getByTestId('run-sql').click();
  await expect(page.getByText(/DELETE is not allowed/)).toBeVisible();
  await expect(page.getByTestId('result-table')).toHaveCount(1);
});

test('Cancel stops a slow query in Postgres', async ({ page }) => {
  const slow = 'SELECT count(*) FROM (SELECT generate_series(1, 3000000000)) s';
  await ask(page, 'How many orders are there?');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByTestId('sql-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(slow);
  await page.getByTestId('run-sql').click();
  const running = async () =>
    (await queryWarehouse<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND strpos(query, $1) > 0 AND pid <> pg_backend_pid()`, [slow]))[0]!.n;
  await expect.poll(running).toBe(1);
  await expect(page.getByText(/Running… \d+ s/)).toBeVisible();
  await page.getByTestId('cancel-query').click();
  await expect.poll(running).toBe(0);
  await expect(page.getByTestId('run-sql')).toBeVisible();
});
