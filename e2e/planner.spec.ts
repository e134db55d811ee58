import { expect, test } from '@playwright/test';
import { queryWarehouse } from './databases';

/** The built-in planner (QUARRY_MODEL=local), as a fresh install runs it. */
test.use({ locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });

test('a Chinese question gets a Chinese answer with the figures, a table and a chart', async ({ page }) => {
  await page.goto('/');
  const composer = page.getByTestId('composer');
  await composer.fill('按地区统计销售额');
  await composer.press('Enter');

  const rows = await queryWarehouse<{ region: string; revenue: string }>(
    // numeric comes back as a string; ORDER BY 2 is the second column (not `2::numeric`, a constant).
    `SELECT c.region, round(sum(oi.quantity * oi.unit_price * (1 - oi.discount))::numeric, 2) AS revenue
     FROM order_items oi JOIN orders o USING (order_id) JOIN customers c USING (customer_id)
     GROUP BY 1 ORDER BY 2 DESC`,
  );
  const top = rows[0]!;

  await expect(page.getByTestId('sql')).toContainText(/GROUP BY/i);
  const table = page.getByTestId('result-table');
  await expect(table.locator('tbody tr')).toHaveCount(rows.length);
  await expect(table.locator('tbody tr').first()).toContainText(top.region);
  await expect(page.getByTestId('chart').last()).toBeVisible();
  const answer = page.getByTestId('answer-text').last();
  await expect(answer).toContainText('按地区统计的销售额');
  await expect(answer).toContainText(top.region);
  // Amounts with cents keep both decimals, as the table shows them.
  await expect(answer).toContainText(new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(top.revenue)));
});

test('a question the planner cannot answer gets an honest "not yet" with questions it can answer, and no query', async ({ page }) => {
  await page.goto('/');
  const composer = page.getByTestId('composer');
  await composer.fill('Which customers are most likely to churn next quarter?');
  await composer.press('Enter');

  const answer = page.getByTestId('answer-text').last();
  await expect(answer).toContainText("I can't answer that yet");
  await expect(answer).toContainText('Try one of these');
  await expect(answer.locator('li')).toHaveCount(3);
  await expect(page.getByTestId('sql')).toHaveCount(0);
  await expect(page.getByTestId('result-table')).toHaveCount(0);

  // A suggestion is a question the planner does answer.
  const suggestion = (await answer.locator('li').first().innerText()).trim();
  await composer.fill(suggestion);
  await composer.press('Enter');
  await expect(page.getByTestId('result-table')).toBeVisible();
});
