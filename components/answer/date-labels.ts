import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { DateLabels } from '@/lib/charts/format';

/** How a quarter and a week are named in the viewer's language, for the chart and the table alike. */
export function useDateLabels(): DateLabels {
  const t = useTranslations('chart');
  return useMemo(
    () => ({
      quarter: (quarter, year) => t('quarter', { quarter: String(quarter), year: String(year) }),
      week: (date) => t('week', { date }),
    }),
    [t],
  );
}
