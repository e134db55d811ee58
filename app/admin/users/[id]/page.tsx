import { ArrowLeft, FileClock } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AccountActions } from '@/components/admin/users/account-actions';
import { RoleBadge, StatusBadge } from '@/components/admin/users/badges';
import { GrantsForm } from '@/components/admin/users/grants-form';
import { LimitsForm } from '@/components/admin/users/limits-form';
import { UsageTable } from '@/components/admin/users/usage-table';
import { datasetGrantsOf, getAdminUser, getLimits, usageSince, utcDay } from '@/db/admin-users';
import { requireAdminPage } from '@/lib/auth/admin';

export const dynamic = 'force-dynamic';

const DAYS = 7;

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  const user = id.length <= 100 ? await getAdminUser(id) : undefined;
  if (!user) notFound();
  const t = await getTranslations('admin');
  const format = await getFormatter();
  const lastDays = Array.from({ length: DAYS }, (_, i) => utcDay(new Date(Date.now() - i * 86_400_000)));
  const [datasets, limits, usage] = await Promise.all([datasetGrantsOf(user.id), getLimits(user.id), usageSince(user.id, lastDays.at(-1)!)]);
  const days = lastDays.map((day) => usage.find((u) => u.day === day) ?? { day, questions: 0, queries: 0, inputTokens: 0, outputTokens: 0 });
  const today = days[0]!;
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <Link href="/admin/users" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft className="size-4" aria-hidden /> {t('user.back')}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold tracking-tight break-all">{user.email}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <span>{user.name}</span>
            <RoleBadge role={user.role} />
            <StatusBadge disabled={user.disabled} />
            <span>{t('user.created', { date: format.dateTime(user.createdAt, { dateStyle: 'medium' }) })}</span>
          </p>
        </div>
        <Link href={`/admin/audit?user=${encodeURIComponent(user.id)}`} className="inline-flex items-center gap-1 text-sm text-primary hover:underline">
          <FileClock className="size-4" aria-hidden /> {t('user.auditLink')}
        </Link>
      </header>
      <AccountActions user={user} isSelf={user.id === admin.id} />
      <GrantsForm userId={user.id} datasets={datasets} isAdmin={user.role === 'admin'} />
      <LimitsForm userId={user.id} limits={limits} usedToday={{ dailyQuestions: today.questions, dailyQueries: today.queries, dailyTokens: today.inputTokens + today.outputTokens }} />
      <UsageTable days={days} />
    </div>
  );
}
