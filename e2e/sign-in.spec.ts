import { expect, test } from '@playwright/test';
import { demoUser } from './demo-users';

test.describe('signed out', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('pages and APIs require a session; a wrong password gets a generic message', async ({ page, request }) => {
    await page.goto('/c/00000000-0000-4000-8000-000000000000');
    await expect(page).toHaveURL(/\/sign-in$/);
    expect((await request.post('/api/chat', { data: {} })).status()).toBe(401);
    await page.getByLabel('Email').fill(demoUser('analyst').email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /not right|Too many/ })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });
});

test('sign out ends the session', async ({ browser }) => {
  // Its own session, so signing out does not end the one the other tests share.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const { email, password } = demoUser('admin');
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-email')).toHaveText(email);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await context.close();
});
