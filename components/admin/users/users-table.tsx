import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { AdminUserRow } from '@/db/admin-users';
import { RoleBadge, StatusBadge } from './badges';

/** The users list: each email opens the user's page. */
export function UsersTable({ users, currentUserId }: { users: AdminUserRow[]; currentUserId: string }) {
  const t = useTranslations('admin.users');
  const format = useFormatter();
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm">
        <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">{t('email')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('name')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('role')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('status')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('created')}</th>
            <th scope="col" className="px-3 py-2 font-medium">{t('today')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const { questions, queries, inputTokens, outputTokens } = u.today;
            const active = questions + queries + inputTokens + outputTokens > 0;
            return (
              <tr key={u.id} className="border-t border-border hover:bg-muted/40" data-testid="user-row">
                <td className="px-3 py-2">
                  <Link href={`/admin/users/${u.id}`} className="font-medium hover:underline focus-visible:underline focus-visible:outline-none" aria-label={t('open', { email: u.email })}>
                    {u.email}
                  </Link>
                  {u.id === currentUserId && <span className="ml-1.5 text-xs text-muted-foreground">({t('you')})</span>}
                </td>
                <td className="max-w-48 truncate px-3 py-2" title={u.name}>{u.name}</td>
                <td className="px-3 py-2"><RoleBadge role={u.role} /></td>
                <td className="px-3 py-2"><StatusBadge disabled={u.disabled} /></td>
                <td className="whitespace-nowrap px-3 py-2 text-muted-foreground">
                  <time dateTime={u.createdAt.toISOString()}>{format.dateTime(u.createdAt, { dateStyle: 'medium' })}</time>
                </td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-muted-foreground">
                  {active ? t('todayUsage', { questions, queries, tokens: inputTokens + outputTokens }) : t('noUsage')}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
