import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { DatasetEditor } from '@/components/admin/datasets/dataset-editor';
import { TABS, type Tab } from '@/components/admin/datasets/tabs';
import { getDataset } from '@/db/queries';
import { modelSpec } from '@/lib/ai/models';
import { requireAdminPage } from '@/lib/auth/admin';
import { adminView } from '@/lib/datasets/service';
import { DEFAULT_EXPORT_ROW_LIMIT, DEFAULT_ROW_LIMIT, DEFAULT_STATEMENT_TIMEOUT_MS } from '@/lib/datasets/settings';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DatasetPage({ params, searchParams }: Props) {
  await requireAdminPage();
  const { id } = await params;
  const dataset = z.uuid().safeParse(id).success ? await getDataset(id) : undefined;
  if (!dataset) notFound();
  const t = await getTranslations('datasets');
  const { tab } = await searchParams;
  const initialTab: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'general';
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <Link href="/admin/datasets" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t('back')}
      </Link>
      <div>
        <h1 className="text-xl font-semibold tracking-tight" data-testid="dataset-title">{dataset.name}</h1>
        <p className="font-mono text-xs text-muted-foreground">{dataset.slug}</p>
      </div>
      <DatasetEditor
        dataset={adminView(dataset)}
        initialTab={initialTab}
        defaults={{ rowLimit: DEFAULT_ROW_LIMIT, statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS, exportRowLimit: DEFAULT_EXPORT_ROW_LIMIT, model: modelSpec() }}
      />
    </div>
  );
}
