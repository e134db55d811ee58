import { useTranslations } from 'next-intl';
import { cn } from '@/lib/utils';

const badge = 'inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium';

export function RoleBadge({ role }: { role: 'admin' | 'analyst' }) {
  const t = useTranslations('admin.role');
  return <span className={cn(badge, role === 'admin' ? 'border-primary/40 bg-primary/10 text-primary' : 'border-border text-muted-foreground')}>{t(role)}</span>;
}

export function StatusBadge({ disabled }: { disabled: boolean }) {
  const t = useTranslations('admin.status');
  return (
    <span className={cn(badge, disabled ? 'border-destructive/40 bg-destructive/10 text-destructive' : 'border-emerald-600/30 bg-emerald-600/10 text-emerald-700 dark:text-emerald-400')}>
      {t(disabled ? 'disabled' : 'active')}
    </span>
  );
}
