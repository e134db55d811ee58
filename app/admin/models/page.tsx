import { getTranslations } from 'next-intl/server';
import { ModelsPanel } from '@/components/admin/models/models-panel';
import { requireAdminPage } from '@/lib/auth/admin';
import { configuredProviders, listServerModels } from '@/lib/datasets/model-probe';

export const dynamic = 'force-dynamic';

export default async function ModelsPage() {
  await requireAdminPage();
  const t = await getTranslations('datasets.models');
  const { current, providers } = configuredProviders();
  const server = providers.some((p) => p.kind !== 'local' && p.configured) ? await listServerModels() : null;
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="text-sm text-muted-foreground">{t('subtitle')}</p>
      </div>
      <ModelsPanel current={current} providers={providers} server={server} />
    </div>
  );
}
