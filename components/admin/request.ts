'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * Calls an admin route and turns every failure into a sentence in the UI's language, from the
 * area's `errors` messages. A refusal (400, 409, 422, 503) carries the server's sentence, which
 * says exactly what to fix; `conflict` names a message for a 409 whose meaning the caller knows.
 */
export function useAdminRequest(area: 'admin' | 'datasets') {
  const t = useTranslations(`${area}.errors`);
  return useCallback(
    async <T,>(url: string, method = 'GET', body?: unknown, { conflict }: { conflict?: string } = {}): Promise<Outcome<T>> => {
      let response: Response;
      try {
        response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch {
        return { ok: false, error: t('network') };
      }
      if (response.ok) return { ok: true, data: (response.status === 204 ? undefined : await response.json()) as T };
      if (response.status === 401 || response.status === 403) return { ok: false, error: t('forbidden') };
      if (response.status === 404) return { ok: false, error: t('notFound') };
      if (response.status === 409 && conflict) return { ok: false, error: t(conflict) };
      const { error } = (await response.json().catch(() => ({}))) as { error?: string };
      if (error && response.status < 500) return { ok: false, error: t('refused', { message: error }) };
      return { ok: false, error: error ?? t('server') };
    },
    [t],
  );
}
