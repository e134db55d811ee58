import { expect, test, type Page } from '@playwright/test';
import { demoUser } from './demo-users';
import { queryWarehouse } from './databases';

async function signIn(page: Page, role: 'admin' | 'analyst') {
  const { email, password } = demoUser(role);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('a shared answer opens read-only for another user, can be continued, and gives 404 once revoked', async ({ page, browser }) => {
  const question = 'How many orders are there?';
  await page.goto('/');
  await page.getByTestId('composer').fill(question);
  await page.getByTestId('composer').press('Enter');
  const [{ n }] = await queryWarehouse<{ n: number }>('SELECT count(*)::int AS n FROM orders');
  const count = new Intl.NumberFormat('en-US').format(n);
  await expect(page.getByTestId('answer-text')).toContainText(count);
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

  await page.getByTestId('share-button').click();
  const dialog = page.getByRole('dialog', { name: 'Share this conversation' });
  await expect(dialog.getByText('No links yet.')).toBeVisible();
  await dialog.getByTestId('create-share').click();
  const link = await dialog.getByTestId('share-link').inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{22}$/);
  await expect(dialog.getByTestId('share-list').locator('li[data-status="active"]')).toHaveCount(1);

  // Another user, in a browser that has never signed in: the signed-in-only link asks for sign-in first.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const viewer = await context.newPage();
  await viewer.goto(link);
  await expect(viewer).toHaveURL(/\/sign-in/);
  await signIn(viewer, 'admin');
  const opened = await viewer.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(viewer.getByTestId('share-title')).toHaveText(question);
  await expect(viewer.getByTestId('shared-by')).toContainText(`Shared by ${demoUser('analyst').email.split('@')[0]}`);
  await expect(viewer.getByTestId('answer-text')).toContainText(count);
  await expect(viewer.getByTestId('result-table').locator('tbody td').first()).toHaveText(count);
  await expect(viewer.getByTestId('sql')).toContainText(/count\(\*\)/i);
  // Read-only: nothing that would run a query.
  await expect(viewer.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(viewer.getByTestId('download-csv')).toHaveCount(0);
  await expect(viewer.getByTestId('composer')).toHaveCount(0);

  // Continue in my workspace: the viewer's own copy, with the same answer.
  await viewer.getByTestId('continue-share').click();
  await expect(viewer).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(viewer.getByTestId('result-table').locator('tbody td').first()).toHaveText(count);
  await expect(viewer.getByTestId('composer')).toBeVisible();

  // The owner revokes the link from the same dialog; it stops working at once.
  await dialog.getByTestId('revoke-share').click();
  await dialog.getByTestId('confirm-revoke').click();
  await expect(dialog.getByTestId('share-list').locator('li[data-status="revoked"]')).toHaveCount(1);
  const revoked = await viewer.goto(link);
  expect(revoked?.status()).toBe(404);
  await expect(viewer.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(viewer.getByText(question)).toHaveCount(0);
  await context.close();
});

test('an "anyone with the link" link opens without an account, read-only, and offers sign-in to continue', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByTestId('composer').fill('How many customers are there?');
  await page.getByTestId('composer').press('Enter');
  await expect(page.getByTestId('result-table')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

  await page.getByTestId('share-button').click();
  const dialog = page.getByRole('dialog', { name: 'Share this conversation' });
  await dialog.getByLabel('Anyone with the link').check();
  await dialog.getByTestId('share-expiry').selectOption('7');
  await dialog.getByTestId('create-share').click();
  const link = await dialog.getByTestId('share-link').inputValue();
  await expect(dialog.getByTestId('share-list')).toContainText('Expires');

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const anonymous = await context.newPage();
  const opened = await anonymous.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(anonymous.getByTestId('result-table')).toBeVisible();
  await expect(anonymous.getByTestId('continue-share')).toHaveCount(0);
  await expect(anonymous.getByRole('link', { name: 'Sign in to continue it yourself' })).toBeVisible();

  // A forged token looks exactly like a revoked one.
  const forged = await anonymous.goto(link.replace(/[A-Za-z0-9_-]{22}$/, 'A'.repeat(22)));
  expect(forged?.status()).toBe(404);
  await expect(anonymous.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await context.close();
});
