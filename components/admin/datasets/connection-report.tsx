'use client';

import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { ConnectionTest } from '@/lib/datasets/connection';
import { cn } from '@/lib/utils';

type Level = 'ok' | 'warn' | 'fail';

const ICONS = { ok: CheckCircle2, warn: AlertTriangle, fail: XCircle } as const;
const COLORS = { ok: 'text-emerald-600 dark:text-emerald-400', warn: 'text-amber-600 dark:text-amber-400', fail: 'text-destructive' } as const;

function Layer({ level, label, value }: { level: Level; label: string; value: string }) {
  const Icon = ICONS[level];
  return (
    <li className="flex items-start gap-2 py-1">
      <Icon className={cn('mt-0.5 size-4 shrink-0', COLORS[level])} aria-label={level} />
      <span className="w-56 shrink-0 text-muted-foreground">{label}</span>
      <span className="min-w-0 break-words">{value}</span>
    </li>
  );
}

/** The outcome of "Test connection": version and latency, then what the role can do, layer by layer. */
export function ConnectionReportView({ test }: { test: ConnectionTest }) {
  const t = useTranslations('datasets.test');
  if (!test.ok) {
    return (
      <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-3 text-sm text-destructive" data-testid="connection-result">
        <p className="font-medium">{t('failed')}</p>
        <p>{test.error}</p>
      </div>
    );
  }
  const { report } = test;
  const list = (items: string[]) => (items.length ? items.join(', ') : t('none'));
  const safe = report.problems.length === 0;
  return (
    <div className="space-y-3 rounded-md border border-border p-3 text-sm" data-testid="connection-result" role="status">
      <p className="font-medium">
        {t('ok')} · {t('version', { version: test.serverVersion })} · {t('latency', { ms: test.latencyMs })} · {t('tables', { count: test.tableCount })}
      </p>
      <ul className="divide-y divide-border">
        <Layer level="ok" label={t('layers.role')} value={report.role} />
        <Layer level={report.superuser ? 'fail' : 'ok'} label={t('layers.superuser')} value={report.superuser ? t('yes') : t('no')} />
        <Layer level={report.writableTables.length ? 'fail' : 'ok'} label={t('layers.writes')} value={list(report.writableTables)} />
        <Layer level={report.creatableSchemas.length ? 'warn' : 'ok'} label={t('layers.create')} value={list(report.creatableSchemas)} />
        <Layer
          level={report.problems.some((p) => report.dangerousRoles.some((r) => p.includes(r))) ? 'fail' : report.dangerousRoles.length ? 'warn' : 'ok'}
          label={t('layers.memberships')}
          value={list(report.dangerousRoles)}
        />
        <Layer level={report.remoteAccess.length ? 'warn' : 'ok'} label={t('layers.remote')} value={list(report.remoteAccess)} />
        <Layer level={report.securityDefinerFunctions.length ? 'warn' : 'ok'} label={t('layers.definers')} value={list(report.securityDefinerFunctions.slice(0, 5))} />
        <Layer level={report.settings.readOnlyByDefault ? 'ok' : 'warn'} label={t('layers.readOnly')} value={report.settings.readOnlyByDefault ? t('yes') : t('no')} />
        <Layer level={report.settings.statementTimeout === '0' ? 'warn' : 'ok'} label={t('layers.timeout')} value={report.settings.statementTimeout} />
        <Layer level="ok" label={t('layers.tempFiles')} value={report.settings.tempFileLimit} />
      </ul>
      {safe ? (
        <p className="text-emerald-700 dark:text-emerald-400">{t('safe')}</p>
      ) : (
        <div role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 p-2 text-destructive">
          <p className="font-medium">{t('unsafe')}</p>
          <ul className="list-disc pl-5">
            {report.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {report.warnings.length > 0 && (
        <div className="text-muted-foreground">
          <p className="font-medium">{t('warnings')}</p>
          <ul className="list-disc pl-5">
            {report.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
