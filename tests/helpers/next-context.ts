import { vi } from 'vitest';

/**
 * Lets tests call pages, layouts and server actions outside Next: `next/headers` answers with
 * `nextContext.headers`, and `next-intl/server` translates in English. Import it before the
 * modules under test, which the test files then load with `await import(...)`.
 */
export const nextContext = { headers: new Headers() };

vi.mock('next/headers', () => ({
  headers: async () => nextContext.headers,
  cookies: async () => {
    const jar = new Map(
      (nextContext.headers.get('cookie') ?? '')
        .split(';')
        .map((c) => c.trim().split('='))
        .filter(([name]) => name)
        .map(([name, ...value]) => [name!, value.join('=')]),
    );
    return {
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
    };
  },
}));

// next/font runs only in Next's compiler.
vi.mock('geist/font/sans', () => ({ GeistSans: { variable: 'font-sans', className: '' } }));
vi.mock('geist/font/mono', () => ({ GeistMono: { variable: 'font-mono', className: '' } }));

vi.mock('next-intl/server', async () => {
  const { createFormatter, createTranslator } = await import('next-intl');
  const { loadMessages } = await import('@/i18n/messages');
  const messages = await loadMessages('en');
  return {
    getTranslations: async (arg?: string | { namespace?: string }) =>
      createTranslator({ locale: 'en', messages, namespace: (typeof arg === 'string' ? arg : arg?.namespace) as never }),
    getFormatter: async () => createFormatter({ locale: 'en', timeZone: 'UTC' }),
    getLocale: async () => 'en',
    getMessages: async () => messages,
    getNow: async () => new Date(),
    getTimeZone: async () => 'UTC',
  };
});

/** What a page, layout or action did: rendered ('ok'), redirected (`redirect <path>`), or answered 404/403. */
export async function outcomeOf(render: () => unknown): Promise<string> {
  try {
    await render();
    return 'ok';
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) return `redirect ${digest.split(';')[2]}`;
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;404') return 'not-found';
    if (digest === 'NEXT_HTTP_ERROR_FALLBACK;403') return 'forbidden';
    throw error;
  }
}
