'use client';

import {
  ArrowDown,
  ArrowUp,
  ChartArea,
  ChartBar,
  ChartColumn,
  ChartColumnStacked,
  ChartLine,
  ChartPie,
  ChartScatter,
  Download,
  Hash,
  Minus,
  Table2,
  TrendingUp,
  type LucideIcon,
} from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { buildChartData, PALETTE } from '@/lib/charts/data';
import { dateFormatters, valueFormatter } from '@/lib/charts/format';
import type { ChartKind, ChartSpec, TimeGrain } from '@/lib/charts/spec';
import { compatibleKinds, toNumber } from '@/lib/charts/suggest';
import { formatCell, isNumericType } from '@/lib/format';
import type { QueryResult } from '@/lib/warehouse/run';
import { cn } from '@/lib/utils';
import { downloadChartPng, pngFileName } from './chart-export';
import { ChartPlot, type PlotFormatters, type PlotKind } from './chart-plot';
import { useDateLabels } from './date-labels';

const ICONS: Record<ChartKind, LucideIcon> = {
  kpi: Hash,
  bar: ChartColumn,
  'horizontal-bar': ChartBar,
  'stacked-bar': ChartColumnStacked,
  line: ChartLine,
  area: ChartArea,
  pie: ChartPie,
  scatter: ChartScatter,
  table: Table2,
};

/** Message keys under chart.kind / chart.kindName (no dashes in keys). */
const KEY: Record<ChartKind, string> = {
  kpi: 'kpi',
  bar: 'bar',
  'horizontal-bar': 'horizontalBar',
  'stacked-bar': 'stackedBar',
  line: 'line',
  area: 'area',
  pie: 'pie',
  scatter: 'scatter',
  table: 'table',
};

export type ChartProps = {
  /** A spec from `validateSpec` (the model's proposal) or `suggestChart`; never raw model output. */
  spec: ChartSpec;
  result: QueryResult;
  /** Called when the user picks another kind in the switcher. */
  onKindChange?: (kind: ChartKind) => void;
  className?: string;
};

/**
 * A query result drawn as its ChartSpec says, with a switcher for the kinds the data allows, a
 * projection ("Trend") for time series and a PNG download. Renders nothing for a table-only spec
 * that allows no chart.
 */
export function Chart({ spec, result, onKindChange, className }: ChartProps) {
  const t = useTranslations('chart');
  const dateLabels = useDateLabels();
  const locale = useLocale();
  const [kind, setKind] = useState<ChartKind>(spec.kind);
  const specKey = JSON.stringify(spec);
  const [shownKey, setShownKey] = useState(specKey);
  const [trend, setTrend] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const plotRef = useRef<HTMLDivElement>(null);
  if (shownKey !== specKey) {
    // Another spec (a new result, or the model's spec replacing the suggestion) resets the choices.
    setShownKey(specKey);
    setKind(spec.kind);
    setTrend(false);
  }

  const kinds = useMemo(() => compatibleKinds(spec, result), [spec, result]);
  const view = useMemo<ChartSpec>(() => ({ ...spec, kind }), [spec, kind]);
  const labels = useMemo(
    () => ({
      other: t('other'),
      empty: t('blank'),
      single: spec.y[0] ?? t('value'),
      projection: (name: string) => (name ? t('projectionOf', { name }) : t('projection')),
      period: (grain: TimeGrain | undefined) => dateFormatters(grain, locale, dateLabels).full,
    }),
    [t, spec.y, locale, dateLabels],
  );
  const data = useMemo(
    () => (kind === 'kpi' || kind === 'table' ? null : buildChartData(view, result, { trend, labels })),
    [view, kind, result, trend, labels],
  );

  const fmt = useMemo<PlotFormatters>(() => {
    const currency = spec.currency;
    const percentScale = data?.percentScale ?? 1;
    const value = valueFormatter(spec.format, locale, { currency, percentScale });
    const valueTick = valueFormatter(spec.format, locale, { currency, percentScale, compact: true });
    const xFormat = spec.xFormat ?? 'number';
    const xValue = valueFormatter(xFormat, locale, { currency, percentScale: data?.xPercentScale });
    const xValueTick = valueFormatter(xFormat, locale, { currency, percentScale: data?.xPercentScale, compact: true });
    const dates = dateFormatters(data?.grain, locale, dateLabels);
    const plain = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 6 });
    const asText = (v: string | number) => (typeof v === 'number' ? plain.format(v) : v);
    const x = (v: string | number) => (data?.xTime && typeof v === 'number' ? dates.full(v) : asText(v));
    const xTick = (v: string | number) => (data?.xTime && typeof v === 'number' ? dates.short(v) : asText(v));
    return { value, valueTick, x, xTick, xValue, xValueTick };
  }, [spec.format, spec.currency, spec.xFormat, locale, data, dateLabels]);

  if (spec.kind === 'table' && kinds.length <= 1) return null;

  const kindName = t(`kindName.${KEY[kind]}`);
  const yText = spec.series ? `${spec.y[0]}` : spec.y.join(', ');
  const aria =
    kind === 'scatter'
      ? t('ariaScatter', { y: yText, x: spec.x ?? '' })
      : spec.series
        ? t('ariaSeries', { kind: kindName, y: yText, x: spec.x ?? '', series: spec.series })
        : t('aria', { kind: kindName, y: yText, x: spec.x ?? '' });

  const choose = (k: ChartKind) => {
    setKind(k);
    if (k !== 'line' && k !== 'area' && k !== 'bar') setTrend(false);
    onKindChange?.(k);
  };

  const download = async () => {
    if (!plotRef.current || !data) return;
    setBusy(true);
    setFailed(false);
    try {
      const legend =
        kind === 'pie'
          ? data.rows.map((d, i) => ({ name: fmt.x(d.x), color: PALETTE[i % PALETTE.length]! }))
          : kind === 'scatter'
            ? data.groups.length > 1
              ? data.groups.map((g) => ({ name: g.name, color: g.color }))
              : []
            : data.series.length > 1
              ? data.series.map((s) => ({ name: s.name, color: s.color, dashed: s.projection }))
              : [];
      await downloadChartPng(plotRef.current, { fileName: pngFileName(spec.title ?? aria), title: spec.title, legend });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const plotHeight =
    kind === 'horizontal-bar' && data ? Math.max(288, Math.min(900, data.rows.length * (22 + 8 * Math.max(0, data.series.length - 1)) + 56)) : 288;

  return (
    <figure data-testid="chart" data-kind={kind} className={cn('space-y-2 rounded-lg border border-border bg-card p-3', className)}>
      <div className="flex flex-wrap items-center gap-2">
        {spec.title && <figcaption className="mr-auto min-w-0 truncate text-sm font-medium">{spec.title}</figcaption>}
        {kinds.length > 1 && (
          <div role="group" aria-label={t('chartType')} className={cn('flex flex-wrap gap-1', !spec.title && 'mr-auto')}>
            {kinds.map((k) => {
              const Icon = ICONS[k];
              return (
                <Button
                  key={k}
                  type="button"
                  size="sm"
                  variant={k === kind ? 'default' : 'ghost'}
                  aria-pressed={k === kind}
                  title={t(`kind.${KEY[k]}`)}
                  data-testid={`chart-kind-${k}`}
                  onClick={() => choose(k)}
                >
                  <Icon aria-hidden />
                  <span className="max-sm:sr-only">{t(`kind.${KEY[k]}`)}</span>
                </Button>
              );
            })}
          </div>
        )}
        {data?.trendAvailable && (
          <Button
            type="button"
            size="sm"
            variant={trend ? 'default' : 'outline'}
            aria-pressed={trend}
            title={t('trendHint', { count: data.projectionPeriods })}
            data-testid="trend-toggle"
            onClick={() => setTrend((v) => !v)}
          >
            <TrendingUp aria-hidden />
            {t('trend')}
          </Button>
        )}
        {data && !data.empty && (
          <Button type="button" size="sm" variant="outline" onClick={download} disabled={busy} data-testid="chart-download">
            <Download aria-hidden />
            <span className="max-sm:sr-only">{t('download')}</span>
          </Button>
        )}
      </div>

      {kind === 'table' ? (
        <p className="text-sm text-muted-foreground">{t('tableOnly')}</p>
      ) : kind === 'kpi' ? (
        <Kpi spec={spec} result={result} locale={locale} />
      ) : data && !data.empty ? (
        <div
          ref={plotRef}
          role="img"
          aria-label={aria}
          className="w-full text-muted-foreground [&_.recharts-legend-item-text]:text-foreground! [&_svg]:outline-none"
          style={{ height: plotHeight }}
        >
          <ChartPlot kind={kind as PlotKind} data={data} fmt={fmt} donut={spec.donut ?? true} xName={spec.x ?? ''} yName={yText} locale={locale} />
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">{t('empty')}</p>
      )}
      {data?.folded && <p className="text-xs text-muted-foreground">{t('folded')}</p>}
      {failed && (
        <p role="alert" className="text-xs text-destructive">
          {t('downloadFailed')}
        </p>
      )}
    </figure>
  );
}

/** One big number, and its change from the previous value when the spec names one. */
function Kpi({ spec, result, locale }: { spec: ChartSpec; result: QueryResult; locale: string }) {
  const t = useTranslations('chart');
  const cell = (name: string | undefined) => {
    const i = result.columns.findIndex((c) => c.name === name);
    return i < 0 ? null : toNumber(result.rows[0]?.[i]);
  };
  const value = cell(spec.y[0]);
  const previous = cell(spec.previous);
  // Whose number it is, when the row says: "amount spent · James Thomas".
  const subject = result.columns
    .flatMap((column, i) => {
      const v = result.rows[0]?.[i];
      return isNumericType(column.type) || v === null || v === undefined || typeof v === 'object' ? [] : [formatCell(v, column.type, locale)];
    })
    .join(', ');
  const scale = spec.format === 'percent' && [value, previous].some((v) => v !== null && Math.abs(v) > 1.5) ? 100 : 1;
  const full = valueFormatter(spec.format, locale, { currency: spec.currency, percentScale: scale });
  const signed = valueFormatter(spec.format, locale, { currency: spec.currency, percentScale: scale, signed: true });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  const delta = value !== null && previous !== null ? value - previous : null;
  const Arrow = delta === null || delta === 0 ? Minus : delta > 0 ? ArrowUp : ArrowDown;
  const change = delta === null ? '' : `${signed(delta)}${previous ? ` (${pct.format(delta / Math.abs(previous))})` : ''}`;
  return (
    <div className="py-2">
      <p className="text-xs text-muted-foreground">
        {spec.y[0]}
        {subject && <span className="text-foreground" data-testid="kpi-subject"> · {subject}</span>}
      </p>
      <p className="text-4xl font-semibold tracking-tight tabular-nums" data-testid="kpi-value">
        {value === null ? '–' : full(value)}
      </p>
      {delta !== null && (
        <p
          className={cn(
            'mt-1 flex items-center gap-1 text-sm tabular-nums',
            delta > 0 && 'text-emerald-600 dark:text-emerald-400',
            delta < 0 && 'text-red-600 dark:text-red-400',
            delta === 0 && 'text-muted-foreground',
          )}
        >
          <Arrow className="size-4" aria-hidden />
          <span>{delta > 0 ? t('up', { delta: change }) : delta < 0 ? t('down', { delta: change }) : t('unchanged')}</span>
          <span className="text-muted-foreground">· {t('previous', { value: full(previous!) })}</span>
        </p>
      )}
    </div>
  );
}
