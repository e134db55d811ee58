'use client';

import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Pie,
  PieChart,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import { PALETTE, type ChartData, type ScatterPoint } from '@/lib/charts/data';
import type { NumberFormatter } from '@/lib/charts/format';
import type { ChartKind } from '@/lib/charts/spec';

export type PlotKind = Exclude<ChartKind, 'kpi' | 'table'>;

export type PlotFormatters = {
  /** y values: full (tooltips) and compact (axis ticks). */
  value: NumberFormatter;
  valueTick: NumberFormatter;
  /** x values (dates per grain, categories as text): full and tick. */
  x: (value: string | number) => string;
  xTick: (value: string | number) => string;
  /** Scatter x values. */
  xValue: NumberFormatter;
  xValueTick: NumberFormatter;
};

type Props = {
  kind: PlotKind;
  data: ChartData;
  fmt: PlotFormatters;
  donut?: boolean;
  /** Column names, for scatter axes and tooltips. */
  xName: string;
  yName: string;
  locale: string;
};

const TICK = { fill: 'currentColor', fontSize: 12 };
const AXIS = { stroke: 'currentColor', strokeOpacity: 0.3, tick: TICK, tickLine: false } as const;
const MARGIN = { top: 8, right: 16, bottom: 4, left: 4 };

/** Tooltip card in the app's colours (HTML, so CSS variables work). */
function TooltipCard({ title, items }: { title?: string; items: { name: string; value: string; color?: string; dashed?: boolean }[] }) {
  return (
    <div className="min-w-32 rounded-md border border-border bg-card px-2.5 py-1.5 text-xs text-foreground shadow-md">
      {title && <p className="mb-1 font-medium">{title}</p>}
      <ul className="space-y-0.5">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-2">
            {item.color && (
              <span
                aria-hidden
                className="inline-block h-2 w-2.5 shrink-0 rounded-sm"
                style={item.dashed ? { borderTop: `2px dashed ${item.color}`, height: 0 } : { background: item.color }}
              />
            )}
            <span className="text-muted-foreground">{item.name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{item.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

const truncate = (s: string, n: number) => ([...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s);

export function ChartPlot({ kind, data, fmt, donut, xName, yName, locale }: Props) {
  const projected = new Set(data.series.filter((s) => s.projection).map((s) => s.key));
  const legend = kind === 'pie' || data.series.length > 1 || data.groups.length > 1;
  // Keep our order (largest series first, projections last) rather than alphabetical.
  const legendProps = { wrapperStyle: { fontSize: 12 }, iconSize: 10, itemSorter: null } as const;
  const order = new Map(data.series.map((s, i) => [s.key, i]));
  const itemSorter = (item: { dataKey?: unknown }) => order.get(String(item.dataKey)) ?? 0;

  if (kind === 'scatter') {
    const tooltip = ({ active, payload }: TooltipContentProps) => {
      const point = payload?.[0]?.payload as ScatterPoint | undefined;
      if (!active || !point) return null;
      const group = data.groups.find((g) => g.points.includes(point));
      return (
        <TooltipCard
          title={point.label ?? group?.name}
          items={[
            { name: xName, value: fmt.xValue(point.x) },
            { name: yName, value: fmt.value(point.y), color: group?.color },
          ]}
        />
      );
    };
    const many = data.groups.reduce((n, g) => n + g.points.length, 0) > 400;
    return (
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={MARGIN} accessibilityLayer={false}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.12} />
          <XAxis type="number" dataKey="x" name={xName} domain={['auto', 'auto']} tickFormatter={fmt.xValueTick} {...AXIS} />
          <YAxis type="number" dataKey="y" name={yName} domain={['auto', 'auto']} tickFormatter={fmt.valueTick} width="auto" {...AXIS} />
          <Tooltip content={tooltip} cursor={{ stroke: 'currentColor', strokeOpacity: 0.3, strokeDasharray: '3 3' }} />
          {legend && <Legend {...legendProps} />}
          {data.groups.map((g) => (
            <Scatter key={g.name} name={g.name} data={g.points} fill={g.color} fillOpacity={0.75} isAnimationActive={!many} />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    );
  }

  if (kind === 'pie') {
    const slices = data.rows.map((d, i) => ({ name: fmt.x(d.x), value: (d.v0 as number | null) ?? 0, fill: PALETTE[i % PALETTE.length]! }));
    const total = slices.reduce((s, d) => s + d.value, 0);
    const share = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    const tooltip = ({ active, payload }: TooltipContentProps) => {
      const entry = payload?.[0];
      if (!active || !entry) return null;
      const value = Number(entry.value);
      return (
        <TooltipCard
          title={String(entry.name)}
          items={[{ name: yName, value: `${fmt.value(value)} · ${share.format(total ? value / total : 0)}`, color: (entry.payload as { fill?: string })?.fill }]}
        />
      );
    };
    return (
      <ResponsiveContainer width="100%" height="100%">
        <PieChart accessibilityLayer={false}>
          <Pie
            data={slices}
            dataKey="value"
            nameKey="name"
            innerRadius={donut ? '55%' : 0}
            outerRadius="80%"
            paddingAngle={donut ? 1.5 : 0}
            stroke="none"
            isAnimationActive="auto"
          />
          <Tooltip content={tooltip} />
          <Legend {...legendProps} />
        </PieChart>
      </ResponsiveContainer>
    );
  }

  const vertical = kind === 'horizontal-bar';
  const bars = kind === 'bar' || kind === 'horizontal-bar' || kind === 'stacked-bar';
  const Root = bars ? BarChart : ComposedChart;
  const points = data.rows.length;
  const longest = Math.max(0, ...data.rows.map((d) => [...fmt.xTick(d.x)].length));
  const labelChars = Math.min(longest, 28);
  const labelWidth = Math.max(48, Math.ceil(7.5 * labelChars) + 16);
  const xChars = points <= 6 ? 22 : 14;
  const tooltip = ({ active, payload, label }: TooltipContentProps) => {
    if (!active || !payload?.length) return null;
    const items = payload
      // At the last actual point the projection starts at the actual value: show it once.
      .filter((p) => typeof p.value === 'number' && !(projected.has(String(p.dataKey)) && typeof p.payload?.[String(p.dataKey).replace('p', 'v')] === 'number'))
      .map((p) => ({ name: String(p.name), value: fmt.value(Number(p.value)), color: p.color, dashed: projected.has(String(p.dataKey)) }));
    return <TooltipCard title={label === undefined ? undefined : fmt.x(label)} items={items} />;
  };
  return (
    <ResponsiveContainer width="100%" height="100%">
      <Root data={data.rows} layout={vertical ? 'vertical' : 'horizontal'} margin={MARGIN} accessibilityLayer={false} barCategoryGap="20%">
        <CartesianGrid stroke="currentColor" strokeOpacity={0.12} vertical={vertical} horizontal={!vertical} />
        {vertical ? (
          <>
            <XAxis type="number" tickFormatter={fmt.valueTick} {...AXIS} />
            <YAxis type="category" dataKey="x" width={labelWidth} interval={0} tickFormatter={(v) => truncate(fmt.xTick(v), labelChars)} {...AXIS} />
          </>
        ) : (
          <>
            <XAxis dataKey="x" tickFormatter={(v) => truncate(fmt.xTick(v), xChars)} minTickGap={12} {...AXIS} />
            <YAxis tickFormatter={fmt.valueTick} width="auto" {...AXIS} />
          </>
        )}
        <Tooltip
          content={tooltip}
          itemSorter={itemSorter}
          cursor={bars ? { fill: 'currentColor', fillOpacity: 0.07 } : { stroke: 'currentColor', strokeOpacity: 0.3 }}
        />
        {legend && <Legend {...legendProps} />}
        {data.series.map((s) => {
          if (s.projection) {
            return (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.name}
                stroke={s.color}
                strokeWidth={2}
                strokeDasharray="6 4"
                dot={false}
                legendType="plainline"
                isAnimationActive={false}
              />
            );
          }
          if (kind === 'line') {
            return <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} strokeWidth={2} dot={points <= 40} />;
          }
          if (kind === 'area') {
            return <Area key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.color} fill={s.color} fillOpacity={0.18} strokeWidth={2} />;
          }
          const stacked = kind === 'stacked-bar';
          return (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.name}
              fill={s.color}
              stackId={stacked ? 'stack' : undefined}
              radius={stacked ? 0 : vertical ? [0, 3, 3, 0] : [3, 3, 0, 0]}
              maxBarSize={48}
            />
          );
        })}
      </Root>
    </ResponsiveContainer>
  );
}
