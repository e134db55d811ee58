import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { CreateDatasetForm } from '@/components/admin/datasets/create-dataset-form';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

export default async function NewDatasetPage() {
  await requireAdminPage();
  const t = await getTranslations('datasets');
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <Link href="/admin/datasets" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t('back')}
      </Link>
      <div>
        <h1 className="text-xl font-semibold tracking-tight">{t('create.title')}</h1>
        <p className="text-sm text-muted-foreground">{t('create.subtitle')}</p>
      </div>
      <CreateDatasetForm />
    </div>
  );
}
