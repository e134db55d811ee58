import { describe, expect, it } from 'vitest';
import { locales } from '@/i18n/config';
import { loadMessages } from '@/i18n/messages';

/** Every key of a messages object, dotted. */
const keys = (messages: object, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();

describe('UI strings', () => {
  it('exist in every language, with the same keys', async () => {
    const [base, ...others] = await Promise.all(locales.map(loadMessages));
    for (const other of others) expect(keys(other)).toEqual(keys(base));
  });

  it('are never empty', async () => {
    for (const locale of locales) {
      const messages = await loadMessages(locale);
      const empty = keys(messages).filter((k) => k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], messages) === '');
      expect(empty, locale).toEqual([]);
    }
  });
});
