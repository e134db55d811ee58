'use client';

import { Loader2, PlugZap } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormError, inputClass } from '@/components/admin/users/dialog';
import { Button } from '@/components/ui/button';
import type { ConnectionTest } from '@/lib/datasets/connection';
import { ConnectionReportView } from './connection-report';
import { useAdminRequest } from '../request';

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);

const schemaList = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);

/** Name, slug and connection; "Test connection" shows the role report before anything is saved. */
export function CreateDatasetForm() {
  const t = useTranslations('datasets');
  const router = useRouter();
  const request = useAdminRequest('datasets');
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [description, setDescription] = useState('');
  const [connection, setConnection] = useState('');
  const [schemas, setSchemas] = useState('public');
  const [test, setTest] = useState<ConnectionTest>();
  const [pending, setPending] = useState<'test' | 'create'>();
  const [error, setError] = useState<string>();

  const runTest = async () => {
    setPending('test');
    setError(undefined);
    const outcome = await request<ConnectionTest>('/api/admin/datasets/test', 'POST', { connection, schemas: schemaList(schemas) });
    setPending(undefined);
    if (outcome.ok) setTest(outcome.data);
    else setError(outcome.error);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending('create');
    setError(undefined);
    const outcome = await request<{ dataset: { id: string } }>('/api/admin/datasets', 'POST', {
      name,
      slug,
      description,
      connection,
      schemas: schemaList(schemas),
    });
    if (!outcome.ok) {
      setPending(undefined);
      return setError(outcome.error);
    }
    router.push(`/admin/datasets/${outcome.data.dataset.id}?tab=tables`);
    router.refresh();
  };

  return (
    <form onSubmit={submit} className="max-w-2xl space-y-4">
      <Field label={t('fields.name')}>
        <input
          className={inputClass}
          value={name}
          required
          maxLength={100}
          autoFocus
          onChange={(e) => {
            setName(e.target.value);
            if (!slugEdited) setSlug(slugify(e.target.value));
          }}
        />
      </Field>
      <Field label={t('fields.slug')} hint={t('fields.slugHint')}>
        <input
          className={inputClass}
          value={slug}
          required
          maxLength={60}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          onChange={(e) => {
            setSlugEdited(true);
            setSlug(e.target.value);
          }}
        />
      </Field>
      <Field label={t('fields.description')} hint={t('fields.descriptionHint')}>
        <textarea className={`${inputClass} h-20 py-2`} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <Field label={t('fields.connection')} hint={t('fields.connectionHint')}>
        <input
          className={`${inputClass} font-mono`}
          value={connection}
          required
          autoComplete="off"
          spellCheck={false}
          placeholder="postgres://reader:password@db.example.com:5432/warehouse"
          onChange={(e) => {
            setConnection(e.target.value);
            setTest(undefined);
          }}
          data-testid="connection-input"
        />
      </Field>
      <Field label={t('fields.schemas')} hint={t('fields.schemasHint')}>
        <input className={inputClass} value={schemas} onChange={(e) => setSchemas(e.target.value)} />
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="outline" disabled={!connection || pending !== undefined} onClick={() => void runTest()}>
          {pending === 'test' ? <Loader2 className="animate-spin" aria-hidden /> : <PlugZap aria-hidden />} {pending === 'test' ? t('test.testing') : t('test.button')}
        </Button>
        <Button type="submit" disabled={pending !== undefined || !name || !slug || !connection}>
          {pending === 'create' && <Loader2 className="animate-spin" aria-hidden />} {t('create.submit')}
        </Button>
      </div>
      {test && <ConnectionReportView test={test} />}
      <FormError error={error} />
    </form>
  );
}
