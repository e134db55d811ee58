'use client';

import { Loader2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormError, inputClass } from '@/components/admin/users/dialog';
import { Button } from '@/components/ui/button';
import type { AdminDataset } from '@/lib/datasets/service';
import { useAdminRequest } from '../request';

export type Defaults = { rowLimit: number; statementTimeoutMs: number; exportRowLimit: number; model: string };

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** Limits, extra functions, the model, whether rows reach the model. Empty numbers use the install default. */
export function SettingsTab({ dataset, defaults }: { dataset: AdminDataset; defaults: Defaults }) {
  const t = useTranslations('datasets');
  const format = useFormatter();
  const router = useRouter();
  const [rowLimit, setRowLimit] = useState(dataset.rowLimit?.toString() ?? '');
  const [timeout, setTimeoutMs] = useState(dataset.statementTimeoutMs?.toString() ?? '');
  const [exportLimit, setExportLimit] = useState(dataset.exportRowLimit?.toString() ?? '');
  const [functions, setFunctions] = useState(dataset.allowedFunctions.join('\n'));
  const [model, setModel] = useState(dataset.model ?? '');
  const [shareRows, setShareRows] = useState(dataset.shareRowsWithModel);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const request = useAdminRequest('datasets');

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(undefined);
    setNotice(undefined);
    const outcome = await request(`/api/admin/datasets/${dataset.id}/settings`, 'PUT', {
      rowLimit: numberOrNull(rowLimit),
      statementTimeoutMs: numberOrNull(timeout),
      exportRowLimit: numberOrNull(exportLimit),
      allowedFunctions: functions.split(/[\n,]/).map((f) => f.trim()).filter(Boolean),
      model: model.trim() || null,
      shareRowsWithModel: shareRows,
    });
    setPending(false);
    if (!outcome.ok) return setError(outcome.error);
    setNotice(t('saved'));
    router.refresh();
  };

  return (
    <form onSubmit={save} className="max-w-2xl space-y-4">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label={t('settings.rowLimit')} hint={t('settings.rowLimitHint', { value: format.number(defaults.rowLimit) })}>
          <input type="number" min={1} max={1_000_000} className={inputClass} value={rowLimit} placeholder={String(defaults.rowLimit)} onChange={(e) => setRowLimit(e.target.value)} data-testid="row-limit" />
        </Field>
        <Field label={t('settings.timeout')} hint={t('settings.timeoutHint', { value: format.number(defaults.statementTimeoutMs) })}>
          <input type="number" min={100} max={3_600_000} className={inputClass} value={timeout} placeholder={String(defaults.statementTimeoutMs)} onChange={(e) => setTimeoutMs(e.target.value)} />
        </Field>
        <Field label={t('settings.exportLimit')} hint={t('settings.exportLimitHint', { value: format.number(defaults.exportRowLimit) })}>
          <input type="number" min={1} className={inputClass} value={exportLimit} placeholder={String(defaults.exportRowLimit)} onChange={(e) => setExportLimit(e.target.value)} />
        </Field>
      </div>
      <Field label={t('settings.functions')} hint={t('settings.functionsHint')}>
        <textarea className={`${inputClass} h-24 py-2 font-mono`} value={functions} onChange={(e) => setFunctions(e.target.value)} spellCheck={false} />
      </Field>
      <Field label={t('settings.model')} hint={t('settings.modelHint')}>
        <input className={`${inputClass} font-mono`} value={model} placeholder={t('settings.modelDefault', { spec: defaults.model })} onChange={(e) => setModel(e.target.value)} spellCheck={false} />
      </Field>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" checked={shareRows} onChange={(e) => setShareRows(e.target.checked)} className="mt-0.5 size-4 accent-[var(--primary)]" data-testid="share-rows" />
        <span>
          <span className="font-medium">{t('settings.shareRows')}</span>
          <span className="block text-xs text-muted-foreground">{t('settings.shareRowsHint')}</span>
        </span>
      </label>
      <div className="flex items-center gap-2">
        <Button type="submit" disabled={pending}>
          {pending && <Loader2 className="animate-spin" aria-hidden />} {t('save')}
        </Button>
        {notice && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {notice}
          </p>
        )}
      </div>
      <FormError error={error} />
    </form>
  );
}
