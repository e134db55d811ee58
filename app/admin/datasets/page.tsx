import { Plus } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DatasetList } from '@/components/admin/datasets/dataset-list';
import { Button } from '@/components/ui/button';
import { listAllDatasets } from '@/db/datasets';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

export default async function DatasetsPage() {
  await requireAdminPage();
  const t = await getTranslations('datasets');
  const datasets = await listAllDatasets();
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">{t('title')}</h1>
          <p className="text-sm text-muted-foreground">{t('subtitle')}</p>
        </div>
        <Button asChild>
          <Link href="/admin/datasets/new">
            <Plus aria-hidden /> {t('new')}
          </Link>
        </Button>
      </div>
      <DatasetList datasets={datasets} />
    </div>
  );
}
