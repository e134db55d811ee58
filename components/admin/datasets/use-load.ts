'use client';

import { useCallback, useEffect, useState } from 'react';
import { useAdminRequest } from '../request';

/** GETs `url` on mount; `reload` fetches it again. */
export function useLoad<T>(url: string) {
  const request = useAdminRequest('datasets');
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const reload = useCallback(async () => {
    setError(undefined);
    const outcome = await request<T>(url);
    if (outcome.ok) setData(outcome.data);
    else setError(outcome.error);
  }, [request, url]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, setData, error, reload };
}
