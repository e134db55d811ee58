import { readFileSync } from 'node:fs';
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

const messages = (file: string) => JSON.parse(readFileSync(`messages/${file}.json`, 'utf8'));

test('the chat page does not carry the admin pages’ messages', async ({ request }) => {
  const [en, admin, datasets, load] = ['en', 'en/admin', 'en/datasets', 'en/load'].map(messages);
  const html = await (await request.get('/')).text();
  expect(html).toContain(en.chat.emptyTitle);
  for (const text of [admin.signedInAs, datasets.subtitle, load.subtitle]) expect(html.includes(text), text).toBe(false);
});
