import { expect, test } from '@playwright/test';

test('an analyst is refused the admin area, its pages and its APIs', async ({ page, request }) => {
  for (const path of ['/admin', '/admin/users', '/admin/datasets', '/admin/audit']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('navigation', { name: /admin/i })).toHaveCount(0);
  }
  expect((await request.get('/api/admin/users')).status()).toBe(403);
  expect((await request.get('/api/admin/datasets')).status()).toBe(403);
  // The analyst's own pages have no way into it.
  await page.goto('/account');
  await expect(page.getByRole('link', { name: /admin/i })).toHaveCount(0);
});
