import { expect, test } from '@playwright/test';

test('a conversation appears in the history, can be renamed, and survives a reload', async ({ page }) => {
  const question = `How many customers are there? (${Date.now()})`;
  await page.goto('/');
  await page.getByTestId('composer').fill(question);
  await page.getByTestId('composer').press('Enter');
  await expect(page.getByTestId('result-table')).toBeVisible();
  const history = page.getByTestId('history');
  const item = history.getByRole('listitem').filter({ hasText: question });
  await expect(item).toBeVisible();

  await item.hover();
  await item.getByRole('button', { name: 'Rename' }).click();
  await history.getByRole('textbox', { name: 'Rename' }).fill('Customer count');
  await history.getByRole('textbox', { name: 'Rename' }).press('Enter');
  await page.reload();
  await expect(history.getByRole('link', { name: 'Customer count' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('result-table')).toBeVisible();
});
