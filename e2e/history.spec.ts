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

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the history opens as a drawer from the header and closes on Escape', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('history')).toBeHidden();
    await page.getByTestId('open-history').click();
    const drawer = page.getByRole('dialog', { name: 'Conversations' });
    await expect(drawer.getByTestId('history')).toBeVisible();
    await expect(drawer.getByRole('link', { name: 'Shared links' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });
});
