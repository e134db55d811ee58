'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: string };

/**
 * Calls an admin route and turns every failure into a translated sentence. `conflict` names the
 * message for a 409, which means something different per action (email taken, last admin).
 */
export function useAdminRequest() {
  const t = useTranslations('admin.errors');
  return useCallback(
    async <T,>(url: string, method: string, body: unknown, conflict: 'emailTaken' | 'lastAdmin' = 'lastAdmin'): Promise<Outcome<T>> => {
      let response: Response;
      try {
        response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
      } catch {
        return { ok: false, error: t('network') };
      }
      if (response.ok) return { ok: true, data: (response.status === 204 ? undefined : await response.json()) as T };
      if (response.status === 401 || response.status === 403) return { ok: false, error: t('forbidden') };
      if (response.status === 404) return { ok: false, error: t('notFound') };
      if (response.status === 409) return { ok: false, error: t(conflict) };
      if (response.status === 400) {
        const { error } = (await response.json().catch(() => ({}))) as { error?: string };
        return { ok: false, error: t('invalid', { message: error ?? '' }) };
      }
      return { ok: false, error: t('server') };
    },
    [t],
  );
}
