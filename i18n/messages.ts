import type { Locale } from './config';

/** Namespaces kept in their own file, `messages/<locale>/<namespace>.json`, beside the core `messages/<locale>.json`. */
const namespaces = ['admin', 'datasets', 'load', 'share', 'account'] as const;

export async function loadMessages(locale: Locale) {
  const core = (await import(`../messages/${locale}.json`)).default;
  const extra = await Promise.all(namespaces.map(async (n) => [n, (await import(`../messages/${locale}/${n}.json`)).default] as const));
  return { ...core, ...Object.fromEntries(extra) };
}

/** Read by the admin pages alone (app/admin/layout.tsx sends them): other pages leave them out of what the browser gets. */
const ADMIN_NAMESPACES: readonly string[] = ['admin', 'datasets', 'load'];

export function withoutAdminMessages<M extends Record<string, unknown>>(messages: M): Partial<M> {
  return Object.fromEntries(Object.entries(messages).filter(([namespace]) => !ADMIN_NAMESPACES.includes(namespace))) as Partial<M>;
}
