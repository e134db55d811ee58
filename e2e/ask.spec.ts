import { expect, test } from '@playwright/test';
import { queryApp, queryWarehouse } from './databases';

test('a question typed in the browser is answered from Postgres, streamed, with its SQL and table', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'What would you like to know?' })).toBeVisible();
  await expect(page.getByTestId('dataset-picker')).toHaveValue(/.+/);

  const composer = page.getByTestId('composer');
  await composer.fill('How many orders are there?');
  await composer.press('Enter');

  const [{ n }] = await queryWarehouse<{ n: number }>('SELECT count(*)::int AS n FROM orders');
  const formatted = new Intl.NumberFormat('en-US').format(n);

  await expect(page.getByTestId('sql')).toContainText(/count\(\*\)/i);
  await expect(page.getByTestId('result-table').locator('tbody td').first()).toHaveText(formatted);
  await expect(page.getByTestId('answer-text')).toContainText(formatted);
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  // The composer is cleared and ready for a follow-up.
  await expect(composer).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Send' })).toBeVisible();

  // The conversation is saved: a reload shows it again.
  await page.reload();
  await expect(page.getByTestId('result-table').locator('tbody td').first()).toHaveText(formatted);
});

test('Shift+Enter adds a new line instead of sending', async ({ page }) => {
  await page.goto('/');
  const composer = page.getByTestId('composer');
  await composer.fill('first line');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('second line');
  await expect(composer).toHaveValue('first line\nsecond line');
  await expect(page.locator('[data-role="user"]')).toHaveCount(0);
});

test('the interface follows the browser language: Chinese', async ({ browser }) => {
  const context = await browser.newContext({
    locale: 'zh-CN',
    extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' },
    storageState: '.data/e2e/analyst.json',
  });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '你想了解什么？' })).toBeVisible();
  await page.getByTestId('composer').fill('有多少订单？');
  await page.getByTestId('composer').press('Enter');
  const [{ n }] = await queryWarehouse<{ n: number }>('SELECT count(*)::int AS n FROM orders');
  await expect(page.getByTestId('answer-text')).toContainText('共有');
  await expect(page.getByTestId('result-table').locator('tbody td').first()).toHaveText(new Intl.NumberFormat('zh-CN').format(n));
  await context.close();
});

test('Retry pressed before the chat client has loaded is sent as soon as it has', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('composer').fill('How many customers are there?');
  await page.getByTestId('composer').press('Enter');
  await expect(page.getByTestId('result-table')).toBeVisible();
  const conversationId = new URL(page.url()).pathname.split('/').at(-1)!;
  // The question is left without its answer, as after a crash.
  await queryApp("DELETE FROM messages WHERE conversation_id = $1 AND role = 'assistant'", [conversationId]);

  // The chat client's script is held back until the test lets it through.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (body.includes('prepareSendMessagesRequest')) await released;
    await route.fulfill({ response, body });
  });
  await page.goto(`/c/${conversationId}`);
  await expect(page.getByText('This question has no answer yet.')).toBeVisible();
  await page.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('status')).toBeVisible();
  await expect(page.getByTestId('result-table')).toBeHidden();

  release();
  // Later scripts (the chart's, once the answer is in) go straight to the server: one still in
  // this handler when the test ends would fail it ("Response has been disposed").
  await page.unrouteAll({ behavior: 'wait' });
  await expect(page.getByTestId('result-table')).toBeVisible();
  await expect.poll(() => queryApp<{ role: string }>('SELECT role FROM messages WHERE conversation_id = $1 ORDER BY created_at', [conversationId])).toEqual([
    { role: 'user' },
    { role: 'assistant' },
  ]);
});
