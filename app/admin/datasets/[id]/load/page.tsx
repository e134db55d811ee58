import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { CsvUpload } from '@/components/admin/csv-upload/csv-upload';
import { getDataset } from '@/db/queries';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

export async function generateMetadata() {
  const t = await getTranslations('load');
  return { title: `${t('title')} · Quarry` };
}

/** "Load CSV" for one dataset: admins only; the upload itself is checked again by its routes. */
export default async function LoadCsvPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const dataset = await getDataset(id);
  if (!dataset) notFound();
  const t = await getTranslations('load');
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <Link href={`/admin/datasets/${dataset.id}`} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t('back')}
      </Link>
      <div>
        <h1 className="text-xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-sm text-muted-foreground">{t('subtitle', { dataset: dataset.name })}</p>
      </div>
      {dataset.loadConnectionEncrypted ? (
        <CsvUpload datasetId={dataset.id} datasetName={dataset.name} />
      ) : (
        <div className="space-y-1 rounded-lg border border-dashed border-border p-6 text-sm" data-testid="csv-not-target">
          <h2 className="font-medium">{t('notTarget.title')}</h2>
          <p className="text-muted-foreground">{t('notTarget.body')}</p>
        </div>
      )}
    </div>
  );
}
