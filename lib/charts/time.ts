import type { Cell, QueryColumn } from '@/lib/warehouse/run';
import { isNumericType } from '@/lib/format';
import { isPointInTimeType, type TimeGrain } from './spec';

export const DAY_MS = 86_400_000;

type Parsed = { ms: number; grain?: TimeGrain };

const utc = (y: number, m: number, d: number): number | null => {
  if (m < 1 || m > 12 || d < 1) return null;
  const ms = Date.UTC(y, m - 1, d);
  return new Date(ms).getUTCDate() === d ? ms : null;
};

/** Monday of ISO week `w` of year `y`. */
const isoWeek = (y: number, w: number): number | null => {
  if (w < 1 || w > 53) return null;
  const jan4 = Date.UTC(y, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return monday + (w - 1) * 7 * DAY_MS;
};

/**
 * A date-like cell as UTC milliseconds, with the grain its notation implies ('2024-03' is a month):
 * ISO dates and timestamps, YYYY-MM, YYYY, YYYY-Qn, YYYY-Www, 2024年3月, and integer years.
 */
export function parseTime(value: Cell): Parsed | null {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 1000 && value <= 9999 ? { ms: Date.UTC(value, 0, 1), grain: 'year' } : null;
  }
  if (typeof value !== 'string') return null;
  const v = value.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) {
    const ms = utc(+m[1]!, +m[2]!, +m[3]!);
    return ms === null ? null : { ms };
  }
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v)) {
    const iso = v.replace(' ', 'T');
    const ms = Date.parse(/(Z|[+-]\d{2}(:?\d{2})?)$/.test(iso) ? iso : `${iso}Z`);
    return Number.isFinite(ms) ? { ms } : null;
  }
  if ((m = /^(\d{4})[-/](\d{1,2})$/.exec(v))) {
    const ms = utc(+m[1]!, +m[2]!, 1);
    return ms === null ? null : { ms, grain: 'month' };
  }
  if ((m = /^(\d{4})$/.exec(v))) return { ms: Date.UTC(+m[1]!, 0, 1), grain: 'year' };
  if ((m = /^(\d{4})\s*-?\s*Q([1-4])$/i.exec(v)) || (m = /^Q([1-4])\s*[- ]?\s*(\d{4})$/i.exec(v))) {
    const [year, q] = /^\d{4}$/.test(m[1]!) ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return { ms: Date.UTC(year, (q - 1) * 3, 1), grain: 'quarter' };
  }
  if ((m = /^(\d{4})-?W(\d{1,2})$/i.exec(v))) {
    const ms = isoWeek(+m[1]!, +m[2]!);
    return ms === null ? null : { ms, grain: 'week' };
  }
  if ((m = /^(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?$/.exec(v))) {
    const ms = utc(+m[1]!, m[2] ? +m[2] : 1, m[3] ? +m[3] : 1);
    if (ms === null) return null;
    return { ms, grain: m[3] ? undefined : m[2] ? 'month' : 'year' };
  }
  if ((m = /^(\d{4})年第?([1-4])季度?$/.exec(v)) || (m = /^(\d{4})年?Q([1-4])$/i.exec(v))) {
    return { ms: Date.UTC(+m[1]!, (+m[2]! - 1) * 3, 1), grain: 'quarter' };
  }
  return null;
}

export const parseTimeValue = (value: Cell): number | null => parseTime(value)?.ms ?? null;

const TIME_NAME = /date|day|week|month|quarter|year|period|time|_at$|^dt$|_dt$|^ym$|yyyy|日期|时间|年|月|周|季度|日/i;
/**
 * Integer columns that number a part of a date (order_month 1..12, day_of_week, hour) rather than
 * measure anything: a date-part word, no measure word (revenue_last_month is a measure), and
 * every value within that part's range. Plurals (days_to_ship, months_active) are durations.
 */
const PART_RANGES: [RegExp, number, number][] = [
  [/^(year|yr|fy)$|(年|年份)$/, 1000, 9999],
  [/^(quarter|qtr|q)$|季度$/, 1, 4],
  [/^(month|mon|mm|monthofyear)$|(月|月份)$/, 1, 12],
  [/^(week|wk|isoweek|weekofyear)$|周$/, 0, 53],
  [/^(day|dd|dayofmonth)$|日$/, 1, 31],
  [/^(doy|dayofyear)$/, 1, 366],
  [/^(dow|isodow|weekday|dayofweek)$|星期$/, 0, 7],
  [/^(hour|hr|hh|hourofday)$|小时$/, 0, 24],
  [/^(minute|min)$/, 0, 59],
];
const MEASURE_WORD =
  /^(revenues?|sales?|amounts?|prices?|costs?|refunds?|profits?|counts?|cnt|total|sum|avg|average|mean|median|max|orders|qty|quantity|units|value|likes|shares|comments|users|customers|visits|sessions|pct|percent|rate|ratio|spend|gmv|num|number)$/;
/** Lowercase words of a column name: snake_case, camelCase and kebab split; CJK kept. */
export const nameWords = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9\u4e00-\u9fff]+/)
    .filter(Boolean);

export function isTimePartColumn(name: string, values: number[]): boolean {
  const words = nameWords(name);
  if (words.length === 0 || words.some((w) => MEASURE_WORD.test(w)) || !values.every(Number.isInteger)) return false;
  return PART_RANGES.some(([re, lo, hi]) => words.some((w) => re.test(w)) && values.every((v) => v >= lo && v <= hi));
}

const isYearName = (name: string) => nameWords(name).some((w) => /^(year|years|yr|fy)$/.test(w)) || /年/.test(name);

export const looksLikeTimeName = (name: string) => TIME_NAME.test(name);

const timeOfDay = (ms: number) => ((ms % DAY_MS) + DAY_MS) % DAY_MS;

/**
 * Timestamps truncated to a day in a session time zone arrive as e.g. 23:00Z or 16:00Z: when every
 * value has (nearly) the same time of day, round each to the nearest UTC midnight.
 */
export function normalizeDays(times: number[]): number[] {
  if (times.length === 0) return times;
  const tods = times.map(timeOfDay);
  if (tods.every((t) => t === 0)) return times;
  const first = tods[0]!;
  const close = tods.every((t) => {
    const d = Math.abs(t - first);
    return Math.min(d, DAY_MS - d) <= 3_600_000;
  });
  return close ? times.map((t) => Math.round(t / DAY_MS) * DAY_MS) : times;
}

/** The grain the values are spaced at, or undefined for sub-daily or irregular timestamps. */
export function inferGrain(times: number[]): TimeGrain | undefined {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  if (sorted.length < 2 || !sorted.every((t) => timeOfDay(t) === 0)) return undefined;
  const dates = sorted.map((t) => new Date(t));
  const gaps = sorted.slice(1).map((t, i) => (t - sorted[i]!) / DAY_MS);
  const minGap = Math.min(...gaps);
  const lastDay = (d: Date) => new Date(d.getTime() + DAY_MS).getUTCDate() === 1;
  const firstDays = dates.every((d) => d.getUTCDate() === 1);
  const lastDays = dates.every(lastDay);
  if (firstDays || lastDays) {
    const months = dates.map((d) => d.getUTCMonth());
    if (months.every((mo) => mo === (firstDays ? 0 : 11)) && minGap >= 360) return 'year';
    if (months.every((mo) => mo % 3 === (firstDays ? 0 : 2)) && minGap >= 85) return 'quarter';
    if (minGap >= 27) return 'month';
  }
  const weekday = dates[0]!.getUTCDay();
  if (dates.every((d) => d.getUTCDay() === weekday) && gaps.every((g) => g % 7 === 0)) return 'week';
  return 'day';
}

export type TimeColumn = { times: (number | null)[]; grain?: TimeGrain };

/**
 * The column as points in time, or null when it is not one: date and timestamp types; text
 * holding ISO dates (YYYY-MM-DD, YYYY-MM); text or integers named like a date part (year, month,
 * quarter, 日期...) whose every value parses as a date. `trustValues` accepts any parsable column.
 */
export function detectTime(column: QueryColumn, values: Cell[], trustValues = false): TimeColumn | null {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return null;
  const temporal = isPointInTimeType(column.type);
  const numeric = isNumericType(column.type);
  const parsed = present.map(parseTime);
  if (parsed.some((p) => p === null)) return null;
  // An integer is a year only under a year-like name: 1500 lifetime_value is not AD 1500.
  if (numeric && !isYearName(column.name)) return null;
  if (!temporal && !trustValues) {
    const isoText = !numeric && present.every((v) => typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?(T|$)/.test(v));
    if (!isoText && !looksLikeTimeName(column.name)) return null;
  }
  const notation = new Set(parsed.map((p) => p!.grain));
  const raw = values.map((v) => (v === null || v === undefined ? null : parseTime(v)!.ms));
  const known = normalizeDays(raw.filter((t): t is number => t !== null));
  let i = 0;
  const times = raw.map((t) => (t === null ? null : known[i++]!));
  const single = notation.size === 1 ? [...notation][0] : undefined;
  return { times, grain: single ?? inferGrain(known) ?? nameGrain(column.name, known) };
}

/** With a single value, the name is the only hint: `month` → month. */
function nameGrain(name: string, times: number[]): TimeGrain | undefined {
  if (new Set(times).size > 1 || !times.every((t) => timeOfDay(t) === 0)) return undefined;
  const n = name.toLowerCase();
  if (/quarter|qtr|季度/.test(n)) return 'quarter';
  if (/month|月/.test(n)) return 'month';
  if (/week|周/.test(n)) return 'week';
  if (/year|年/.test(n)) return 'year';
  if (/day|date|日/.test(n)) return 'day';
  return undefined;
}
