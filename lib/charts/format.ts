import type { TimeGrain, ValueFormat } from './spec';

export type NumberFormatter = (value: number) => string;

/** Percent columns hold fractions (0.25) or whole percents (25): divide by this before formatting. */
export type PercentScale = 1 | 100;
export const percentScaleOf = (values: number[]): PercentScale => (values.some((v) => Math.abs(v) > 1.5) ? 100 : 1);

export type ValueFormatOptions = {
  currency?: string;
  /** Axis ticks: 1.2K, 3.4M, 1.2万. */
  compact?: boolean;
  percentScale?: PercentScale;
  /** Deltas: +12 / −3. */
  signed?: boolean;
};

/** A formatter for a value format in a locale, built once (Intl objects are not free). */
export function valueFormatter(format: ValueFormat, locale: string, options: ValueFormatOptions = {}): NumberFormatter {
  const { compact = false, percentScale = 1, signed = false } = options;
  const base: Intl.NumberFormatOptions = {
    notation: compact ? 'compact' : 'standard',
    signDisplay: signed ? 'exceptZero' : 'auto',
  };
  let nf: Intl.NumberFormat;
  try {
    if (format === 'currency') {
      nf = new Intl.NumberFormat(locale, { ...base, style: 'currency', currency: options.currency ?? 'USD', maximumFractionDigits: compact ? 1 : 2 });
    } else if (format === 'percent') {
      nf = new Intl.NumberFormat(locale, { ...base, style: 'percent', maximumFractionDigits: 1 });
    } else {
      nf = new Intl.NumberFormat(locale, { ...base, maximumFractionDigits: compact ? 1 : 2 });
    }
  } catch {
    nf = new Intl.NumberFormat('en', { ...base, maximumFractionDigits: 2 });
  }
  const scale = format === 'percent' ? percentScale : 1;
  return (value) => (Number.isFinite(value) ? nf.format(value / scale) : '–');
}

export type DateLabels = {
  /** "Q3 2024" / "2024年第3季度" */
  quarter: (quarter: number, year: number) => string;
  /** "Week of Dec 30, 2024" / "2024年12月30日当周" */
  week: (date: string) => string;
};

/**
 * Formatters for time values (UTC milliseconds) at a grain: `short` for axis ticks, `full` for
 * tooltips. Dates are calendar dates (UTC); sub-daily timestamps show in the viewer's time zone.
 */
export function dateFormatters(grain: TimeGrain | undefined, locale: string, labels: DateLabels): { short: NumberFormatter; full: NumberFormatter } {
  const make = (o: Intl.DateTimeFormatOptions, utc = true) => {
    const f = new Intl.DateTimeFormat(locale, utc ? { ...o, timeZone: 'UTC' } : o);
    return (ms: number) => (Number.isFinite(ms) ? f.format(ms) : '–');
  };
  const quarter = (ms: number) => {
    const d = new Date(ms);
    return labels.quarter(Math.floor(d.getUTCMonth() / 3) + 1, d.getUTCFullYear());
  };
  switch (grain) {
    case 'year': {
      const f = make({ year: 'numeric' });
      return { short: f, full: f };
    }
    case 'quarter':
      return { short: quarter, full: quarter };
    case 'month':
      return { short: make({ year: 'numeric', month: 'short' }), full: make({ year: 'numeric', month: 'long' }) };
    case 'week': {
      const day = make({ year: 'numeric', month: 'short', day: 'numeric' });
      return { short: make({ month: 'short', day: 'numeric' }), full: (ms) => labels.week(day(ms)) };
    }
    case 'day':
      return { short: make({ month: 'short', day: 'numeric' }), full: make({ year: 'numeric', month: 'short', day: 'numeric', weekday: 'short' }) };
    default:
      return {
        short: make({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }, false),
        full: make({ dateStyle: 'medium', timeStyle: 'short' }, false),
      };
  }
}
