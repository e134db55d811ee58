'use client';

import { FileUp, Loader2, PlugZap, Trash2 } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Dialog, Field, FormError, inputClass } from '@/components/admin/users/dialog';
import { Button } from '@/components/ui/button';
import type { ConnectionTest } from '@/lib/datasets/connection';
import type { AdminDataset } from '@/lib/datasets/service';
import { ConnectionReportView } from './connection-report';
import { useAdminRequest } from '../request';

/** Name, slug, description, enabled, the connection (masked; replace and test), and delete. */
export function GeneralTab({ dataset }: { dataset: AdminDataset }) {
  const t = useTranslations('datasets');
  const router = useRouter();
  const request = useAdminRequest('datasets');
  const [name, setName] = useState(dataset.name);
  const [slug, setSlug] = useState(dataset.slug);
  const [description, setDescription] = useState(dataset.description);
  const [enabled, setEnabled] = useState(dataset.enabled);
  const [connection, setConnection] = useState('');
  const [loadConnection, setLoadConnection] = useState('');
  const [test, setTest] = useState<ConnectionTest>();
  const [pending, setPending] = useState<'save' | 'test' | 'delete' | 'unload'>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  const runTest = async () => {
    setPending('test');
    setError(undefined);
    const outcome = await request<ConnectionTest>('/api/admin/datasets/test', 'POST', connection ? { connection, schemas: dataset.schemas } : { datasetId: dataset.id });
    setPending(undefined);
    if (outcome.ok) setTest(outcome.data);
    else setError(outcome.error);
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending('save');
    setError(undefined);
    setNotice(undefined);
    const outcome = await request(`/api/admin/datasets/${dataset.id}`, 'PATCH', {
      name,
      slug,
      description,
      enabled,
      ...(connection && { connection }),
      ...(loadConnection && { loadConnection }),
    });
    setPending(undefined);
    if (!outcome.ok) return setError(outcome.error);
    setConnection('');
    setLoadConnection('');
    setNotice(t('saved'));
    router.refresh();
  };

  const stopLoads = async () => {
    setPending('unload');
    setError(undefined);
    setNotice(undefined);
    const outcome = await request(`/api/admin/datasets/${dataset.id}`, 'PATCH', { loadConnection: null });
    setPending(undefined);
    if (!outcome.ok) return setError(outcome.error);
    setNotice(t('saved'));
    router.refresh();
  };

  const remove = async () => {
    setPending('delete');
    const outcome = await request(`/api/admin/datasets/${dataset.id}`, 'DELETE');
    setPending(undefined);
    if (!outcome.ok) {
      setConfirming(false);
      return setError(outcome.error);
    }
    router.push('/admin/datasets');
    router.refresh();
  };

  return (
    <div className="space-y-8">
      <form onSubmit={save} className="max-w-2xl space-y-4">
        <Field label={t('fields.name')}>
          <input className={inputClass} value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('fields.slug')} hint={t('fields.slugHint')}>
          <input className={inputClass} value={slug} required maxLength={60} pattern="[a-z0-9]+(-[a-z0-9]+)*" onChange={(e) => setSlug(e.target.value)} />
        </Field>
        <Field label={t('fields.description')} hint={t('fields.descriptionHint')}>
          <textarea className={`${inputClass} h-20 py-2`} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} className="size-4 accent-[var(--primary)]" data-testid="dataset-enabled" />
          {t('fields.enabled')}
        </label>
        <div className="space-y-1 text-sm">
          <p className="font-medium">{t('general.connection')}</p>
          <p className="font-mono text-xs break-all text-muted-foreground" data-testid="masked-connection">
            {dataset.connection}
          </p>
        </div>
        <Field label={t('general.replace')} hint={t('general.replaceHint')}>
          <input
            className={`${inputClass} font-mono`}
            value={connection}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => {
              setConnection(e.target.value);
              setTest(undefined);
            }}
          />
        </Field>
        <div className="space-y-1 text-sm">
          <p className="font-medium">{t('general.loadConnection')}</p>
          <p className="font-mono text-xs break-all text-muted-foreground" data-testid="masked-load-connection">
            {dataset.loadConnection ?? t('general.notLoadTarget')}
          </p>
        </div>
        <Field label={t(dataset.loadTarget ? 'general.replaceLoad' : 'general.setLoad')} hint={t('general.loadHint')}>
          <input className={`${inputClass} font-mono`} value={loadConnection} autoComplete="off" spellCheck={false} onChange={(e) => setLoadConnection(e.target.value)} />
        </Field>
        {dataset.loadTarget && (
          <Button type="button" variant="outline" size="sm" disabled={pending !== undefined} onClick={() => void stopLoads()}>
            {pending === 'unload' && <Loader2 className="animate-spin" aria-hidden />} {t('general.stopLoads')}
          </Button>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="outline" disabled={pending !== undefined} onClick={() => void runTest()}>
            {pending === 'test' ? <Loader2 className="animate-spin" aria-hidden /> : <PlugZap aria-hidden />} {connection ? t('test.button') : t('general.testSaved')}
          </Button>
          <Button type="submit" disabled={pending !== undefined}>
            {pending === 'save' && <Loader2 className="animate-spin" aria-hidden />} {t('save')}
          </Button>
          {dataset.loadTarget && (
            <Button variant="outline" asChild>
              <Link href={`/admin/datasets/${dataset.id}/load`}>
                <FileUp aria-hidden /> {t('general.loadCsv')}
              </Link>
            </Button>
          )}
        </div>
        {test && <ConnectionReportView test={test} />}
        <FormError error={error} />
        {notice && (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {notice}
          </p>
        )}
      </form>

      <section className="max-w-2xl space-y-2 rounded-lg border border-destructive/40 p-4">
        <h2 className="font-medium">{t('general.dangerZone')}</h2>
        <p className="text-sm text-muted-foreground">{t('general.deleteBody')}</p>
        <Button variant="destructive" onClick={() => setConfirming(true)}>
          <Trash2 aria-hidden /> {t('general.delete')}
        </Button>
      </section>
      <Dialog open={confirming} onOpenChange={setConfirming} title={t('general.confirmTitle', { name: dataset.name })} description={t('general.confirmBody', { name: dataset.name })}>
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </Button>
          <Button variant="destructive" disabled={pending === 'delete'} onClick={() => void remove()}>
            {pending === 'delete' && <Loader2 className="animate-spin" aria-hidden />} {t('general.confirm')}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
