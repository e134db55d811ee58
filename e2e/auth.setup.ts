import { expect, test as setup } from '@playwright/test';
import { demoUser } from './demo-users';

setup('sign in as the demo analyst', async ({ page }) => {
  const { email, password } = demoUser('analyst');
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('user-email')).toHaveText(email);
  await page.context().storageState({ path: '.data/e2e/analyst.json' });
});
