import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { isLocale, LOCALE_COOKIE, localeFromAcceptLanguage, type Locale } from './config';

/** Namespaces kept in their own file, `messages/<locale>/<namespace>.json`, beside the core `messages/<locale>.json`. */
const namespaces = ['admin', 'datasets', 'load', 'share', 'account'] as const;

async function loadMessages(locale: Locale) {
  const core = (await import(`../messages/${locale}.json`)).default;
  const extra = await Promise.all(namespaces.map(async (n) => [n, (await import(`../messages/${locale}/${n}.json`)).default] as const));
  return { ...core, ...Object.fromEntries(extra) };
}

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : localeFromAcceptLanguage((await headers()).get('accept-language'));
  return { locale, messages: await loadMessages(locale) };
});
