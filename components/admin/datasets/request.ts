'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * Calls a dataset admin route. A refusal (400, 409, 422, 503) carries the server's sentence,
 * which says exactly what to fix (the role report, the failing example); other failures are
 * translated here.
 */
export function useDatasetRequest() {
  const t = useTranslations('datasets.errors');
  return useCallback(
    async <T,>(url: string, method = 'GET', body?: unknown): Promise<Outcome<T>> => {
      let response: Response;
      try {
        response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch {
        return { ok: false, error: t('network') };
      }
      if (response.ok) return { ok: true, data: (response.status === 204 ? undefined : await response.json()) as T };
      if (response.status === 401 || response.status === 403) return { ok: false, error: t('forbidden') };
      if (response.status === 404) return { ok: false, error: t('notFound') };
      const { error } = (await response.json().catch(() => ({}))) as { error?: string };
      if (error && response.status < 500) return { ok: false, error: t('refused', { message: error }) };
      return { ok: false, error: error ?? t('server') };
    },
    [t],
  );
}
