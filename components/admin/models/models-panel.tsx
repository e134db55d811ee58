'use client';

import { CheckCircle2, CircleSlash, FlaskConical, Loader2, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field, FormError, inputClass } from '@/components/admin/users/dialog';
import { useAdminRequest } from '@/components/admin/request';
import { Button } from '@/components/ui/button';
import type { ModelTest, Provider } from '@/lib/datasets/model-probe';

type Props = { current: string; providers: Provider[]; server: { ok: true; models: string[] } | { ok: false; error: string } | null };

function Result({ result }: { result: ModelTest }) {
  const t = useTranslations('datasets.models.result');
  if (!result.ok) {
    return (
      <p role="alert" className="flex items-start gap-1.5 text-sm text-destructive">
        <XCircle className="mt-0.5 size-4 shrink-0" aria-hidden /> {t('failed', { ms: result.latencyMs, error: result.error })}
      </p>
    );
  }
  return (
    <div role="status" className="space-y-0.5 text-sm" data-testid="model-test-result">
      <p className={result.toolCalls ? 'flex items-center gap-1.5 text-emerald-700 dark:text-emerald-400' : 'flex items-center gap-1.5 text-amber-700 dark:text-amber-400'}>
        {result.toolCalls ? <CheckCircle2 className="size-4" aria-hidden /> : <CircleSlash className="size-4" aria-hidden />}
        {t('ok', { ms: result.latencyMs })} {t(result.toolCalls ? 'toolCalls' : 'noToolCalls')}
      </p>
      {result.answer && <p className="text-muted-foreground">{t('answer', { answer: result.answer })}</p>}
    </div>
  );
}

/** The configured providers, the server's models, and a tool-calling test for any model spec. */
export function ModelsPanel({ current, providers, server }: Props) {
  const t = useTranslations('datasets.models');
  const request = useAdminRequest('datasets');
  const [spec, setSpec] = useState(current);
  const [pending, setPending] = useState<string>();
  const [results, setResults] = useState<Record<string, ModelTest>>({});
  const [error, setError] = useState<string>();

  const test = async (target: string) => {
    setPending(target);
    setError(undefined);
    const outcome = await request<ModelTest>('/api/admin/models/test', 'POST', { spec: target });
    setPending(undefined);
    if (outcome.ok) setResults((r) => ({ ...r, [target]: outcome.data }));
    else setError(outcome.error);
  };
  const prefix = providers.find((p) => p.kind === 'openai')?.configured && !providers.find((p) => p.kind === 'compatible')?.configured ? 'openai' : 'compatible';

  const testButton = (target: string) => (
    <Button variant="outline" size="sm" disabled={pending !== undefined} onClick={() => void test(target)} aria-label={`${t('test')} ${target}`}>
      {pending === target ? <Loader2 className="animate-spin" aria-hidden /> : <FlaskConical aria-hidden />} {pending === target ? t('testing') : t('test')}
    </Button>
  );

  return (
    <div className="space-y-6">
      <p className="text-sm" data-testid="current-model">
        {t('current', { spec: current })}
      </p>
      <section className="space-y-2">
        <h2 className="font-medium">{t('providers')}</h2>
        <ul className="divide-y divide-border rounded-lg border border-border">
          {providers.map((p) => (
            <li key={p.kind} className="space-y-2 p-3">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{t(`kind.${p.kind}`)}</span>
                <span className={p.configured ? 'text-xs text-emerald-700 dark:text-emerald-400' : 'text-xs text-muted-foreground'}>{t(p.configured ? 'configured' : 'notConfigured')}</span>
                {p.baseURL && <code className="font-mono text-xs text-muted-foreground">{p.baseURL}</code>}
                {p.exampleSpec && <span className="ml-auto">{testButton(p.exampleSpec)}</span>}
              </div>
              <p className="text-xs text-muted-foreground">{t(`${p.kind}Hint`)}</p>
              {p.exampleSpec && results[p.exampleSpec] && <Result result={results[p.exampleSpec]!} />}
            </li>
          ))}
        </ul>
      </section>

      <section className="space-y-2">
        <h2 className="font-medium">{t('serverModels')}</h2>
        {!server ? (
          <p className="text-sm text-muted-foreground">{t('noServer')}</p>
        ) : !server.ok ? (
          <FormError error={server.error} />
        ) : server.models.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('noModels')}</p>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border" data-testid="server-models">
            {server.models.map((m) => {
              const target = `${prefix}:${m}`;
              return (
                <li key={m} className="space-y-1 p-3">
                  <div className="flex items-center gap-2">
                    <code className="font-mono text-sm">{m}</code>
                    <span className="ml-auto">{testButton(target)}</span>
                  </div>
                  {results[target] && <Result result={results[target]!} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section className="max-w-xl space-y-2">
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void test(spec.trim());
          }}
        >
          <div className="flex-1">
            <Field label={t('testSpec')} hint={t('testSpecHint')}>
              <input className={`${inputClass} font-mono`} value={spec} onChange={(e) => setSpec(e.target.value)} spellCheck={false} />
            </Field>
          </div>
          <Button type="submit" disabled={pending !== undefined || !spec.trim()} className="mb-5">
            {pending === spec.trim() ? <Loader2 className="animate-spin" aria-hidden /> : <FlaskConical aria-hidden />} {t('test')}
          </Button>
        </form>
        {results[spec.trim()] && <Result result={results[spec.trim()]!} />}
      </section>
      <FormError error={error} />
    </div>
  );
}
