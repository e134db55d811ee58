'use client';

import { AlertCircle } from 'lucide-react';
import { useFormatter, useTranslations } from 'next-intl';
import { COLUMN_TYPES, type ColumnType } from '@/lib/warehouse/csv/plan';
import type { Failure } from './requests';

const isColumnType = (type: string): type is ColumnType => (COLUMN_TYPES as readonly string[]).includes(type);

/** A failed preview or load, worded in the admin's language. */
export function FailureMessage({ failure }: { failure: Failure }) {
  const t = useTranslations('load');
  const format = useFormatter();
  let text: string;
  if (failure.kind === 'problem') {
    const p = failure.problem;
    switch (p.code) {
      case 'badValue':
        text = t('errors.badValue', { line: p.line, column: p.column, value: p.value, type: isColumnType(p.type) ? t(`types.${p.type}`) : p.type });
        break;
      case 'tableExists':
        text = t('errors.tableExists', { table: p.table });
        break;
      case 'truncated':
        text = t('errors.truncated', { received: format.number(p.received), expected: format.number(p.expected) });
        break;
      case 'noRows':
      case 'emptyFile':
      case 'lineTooLong':
        text = t(`errors.${p.code}`);
        break;
      default:
        text = t(`errors.${p.code}`, { line: p.line });
    }
  } else if (failure.kind === 'server') {
    text = t('errors.server', { message: failure.message });
  } else {
    text = failure.kind === 'cancelled' ? t('cancelled') : t(`errors.${failure.kind}`);
  }
  return (
    <div role="alert" className="flex gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive" data-testid="csv-error">
      <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <p>{text}</p>
    </div>
  );
}
