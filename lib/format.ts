/**
 * Cell formatting and ordering for query results, by Postgres column type.
 *
 * Pure functions (Intl formatters are cached per locale and options): the result table and its
 * tests use them, and nothing here touches the DOM or the database.
 */
import type { Cell } from '@/lib/warehouse/run';

/** What a SQL NULL looks like in a cell. */
export const NULL_TEXT = '∅';
/** Decimals are shown to at most this many places (more precision is noise in a table). */
export const MAX_FRACTION_DIGITS = 6;

export type FormatOptions = {
  /** Exact number of decimals for non-integer numbers, e.g. from `columnFractionDigits`, so a column's decimals line up. */
  fractionDigits?: number;
  /** Digit grouping ("19,971"); default true. `shouldGroupDigits` turns it off for ids and years. */
  grouping?: boolean;
  /** Time zone for `timestamptz` values; default 'UTC' (deterministic on server and client). */
  timeZone?: string;
};

const INTEGER_TYPES = new Set([
  'smallint', 'integer', 'bigint', 'int', 'int2', 'int4', 'int8', 'smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8',
]);
const DECIMAL_TYPES = new Set(['numeric', 'decimal', 'real', 'double precision', 'float', 'float4', 'float8']);
const DATE_TYPES = new Set(['date']);
const TIMESTAMP_TYPES = new Set(['timestamp', 'timestamp without time zone']);
const TIMESTAMPTZ_TYPES = new Set(['timestamptz', 'timestamp with time zone']);
const TIME_TYPES = new Set(['time', 'timetz', 'time without time zone', 'time with time zone']);
const JSON_TYPES = new Set(['json', 'jsonb']);

/**
 * Canonical lower-case type name without modifiers: 'numeric(10,2)' → 'numeric',
 * 'timestamp(3) with time zone' → 'timestamp with time zone'. Arrays keep their '[]'.
 */
export function normalizeType(type: string): string {
  return type.toLowerCase().replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
}

const isArrayType = (t: string) => t.endsWith('[]') || t.startsWith('_');

export function isIntegerType(type: string): boolean {
  return INTEGER_TYPES.has(normalizeType(type));
}

/** Numbers: right-aligned, formatted with Intl.NumberFormat, sorted numerically. Arrays of numbers are not. */
export function isNumericType(type: string): boolean {
  const t = normalizeType(type);
  return !isArrayType(t) && (INTEGER_TYPES.has(t) || DECIMAL_TYPES.has(t));
}

/** Dates, timestamps (with or without time zone) and times of day. */
export function isTemporalType(type: string): boolean {
  const t = normalizeType(type);
  return DATE_TYPES.has(t) || TIMESTAMP_TYPES.has(t) || TIMESTAMPTZ_TYPES.has(t) || TIME_TYPES.has(t);
}

export function isJsonType(type: string): boolean {
  return JSON_TYPES.has(normalizeType(type));
}

/** next-intl's locale ('en', 'zh') as an Intl locale ('en-US', 'zh-CN'); other tags pass through. */
export function intlLocale(locale: string): string {
  if (locale === 'zh') return 'zh-CN';
  if (locale === 'en' || !locale) return 'en-US';
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

const LABEL_NAME = /(^|[^a-z0-9])(id|year|yr|zip|zipcode|postcode|code)$|(^|_)id(_|$)/i;
const CAMEL_ID = /[a-z0-9]I[dD]s?$/; // orderId, customerID (case-sensitive: 'paid' is a quantity)

/** Column names whose numbers are labels, not quantities: no "2,024" years or "1,042" ids. */
export function shouldGroupDigits(columnName: string): boolean {
  const name = columnName.trim();
  return !(LABEL_NAME.test(name) || CAMEL_ID.test(name));
}

// ---------------------------------------------------------------------------------------------
// Intl caches: building a formatter is far slower than using one.

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let c = collators.get(locale);
  if (!c) collators.set(locale, (c = new Intl.Collator(locale, { numeric: true })));
  return c;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** A decimal literal Intl can format exactly (bigint and numeric values beyond JS precision arrive as text). */
const DECIMAL_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const INTEGER_LITERAL = /^[+-]?\d+$/;
const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '+Infinity': Infinity, '-Infinity': -Infinity };

/** Decimal places a value needs, rounded to MAX_FRACTION_DIGITS (so 0.1 + 0.2 needs 1). */
function fractionDigitsOf(value: Cell): number {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Number.isInteger(value)) return 0;
    if (Math.abs(value) >= 1e21) return 0;
    text = value.toFixed(MAX_FRACTION_DIGITS);
  } else if (typeof value === 'string' && DECIMAL_LITERAL.test(value) && !/e/i.test(value)) {
    text = value;
  } else {
    return 0;
  }
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  const decimals = text.slice(dot + 1, dot + 1 + MAX_FRACTION_DIGITS).replace(/0+$/, '');
  return decimals.length;
}

/**
 * Decimals to show for every value of a numeric column: the most any value needs, at most
 * MAX_FRACTION_DIGITS, so the column's decimal points line up. `undefined` for non-numeric
 * columns, 0 for integer columns. Looks at no more than `limit` values.
 */
export function columnFractionDigits(values: Iterable<Cell>, type: string, limit = 100_000): number | undefined {
  if (!isNumericType(type)) return undefined;
  if (isIntegerType(type)) return 0;
  let digits = 0;
  let seen = 0;
  for (const value of values) {
    if (++seen > limit) break;
    const d = fractionDigitsOf(value);
    if (d > digits && (digits = d) === MAX_FRACTION_DIGITS) break;
  }
  return digits;
}

function formatNumber(value: number | string, type: string, locale: string, options: FormatOptions): string {
  const integer = isIntegerType(type);
  const grouping = options.grouping === false ? { useGrouping: false as const } : {};
  const special = typeof value === 'string' ? SPECIAL_NUMBERS[value] : undefined;
  if (special !== undefined) return numberFormat(locale, {}).format(special);
  if (typeof value === 'string' && !DECIMAL_LITERAL.test(value)) return value;

  const min = integer ? 0 : Math.min(options.fractionDigits ?? 0, MAX_FRACTION_DIGITS);
  const max = integer ? 0 : Math.max(min, options.fractionDigits ?? MAX_FRACTION_DIGITS);
  const magnitude = Math.abs(Number(value));
  // Too small to show in `max` decimals but not zero: scientific beats a misleading "0.000000".
  if (!integer && magnitude !== 0 && Number.isFinite(magnitude) && magnitude < 0.5 * 10 ** -max) {
    return numberFormat(locale, { notation: 'scientific', maximumSignificantDigits: 6 }).format(Number(value));
  }
  const format = numberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, ...grouping });
  return typeof value === 'number' ? format.format(value) : format.format(value as Intl.StringNumericLiteral);
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const DATE_LITERAL = /^(\d{4,})-(\d{2})-(\d{2})( BC)?$/;

/** Milliseconds since the epoch for a Postgres date ('2024-01-05', '0044-03-15 BC', 'infinity'), or NaN. */
function dateMs(value: string): number {
  if (value === 'infinity') return Infinity;
  if (value === '-infinity') return -Infinity;
  const m = DATE_LITERAL.exec(value);
  if (!m) return NaN;
  const year = Number(m[1]);
  const date = new Date(0);
  date.setUTCFullYear(m[4] ? 1 - year : year, Number(m[2]) - 1, Number(m[3]));
  return date.getTime();
}

/** Milliseconds since the epoch for an ISO timestamp, or NaN. */
function timestampMs(value: string): number {
  if (value === 'infinity') return Infinity;
  if (value === '-infinity') return -Infinity;
  return Date.parse(value);
}

function formatTimestamp(value: string, locale: string, zone: string | undefined): string {
  const ms = timestampMs(value);
  if (!Number.isFinite(ms)) return value;
  const date = new Date(ms);
  const millis = date.getUTCMilliseconds() !== 0;
  const seconds = millis || date.getUTCSeconds() !== 0;
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone ?? 'UTC',
    ...(seconds ? { second: '2-digit' as const } : {}),
    ...(millis ? { fractionalSecondDigits: 3 as const } : {}),
    ...(zone !== undefined ? { timeZoneName: 'short' as const } : {}),
  };
  try {
    return dateFormat(locale, options).format(date);
  } catch {
    // An unknown time zone: fall back to UTC rather than failing the whole table.
    return zone !== undefined && zone !== 'UTC' ? formatTimestamp(value, locale, 'UTC') : value;
  }
}

function formatTemporal(value: string, type: string, locale: string, options: FormatOptions): string {
  const t = normalizeType(type);
  if (DATE_TYPES.has(t)) {
    const m = DATE_LITERAL.exec(value);
    if (!m || m[4]) return value; // 'infinity', BC dates: Postgres' own text is clearest.
    return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(dateMs(value)));
  }
  // `timestamp` arrives as its wall-clock time in UTC; `timestamptz` as an instant, shown in `timeZone`.
  if (TIMESTAMP_TYPES.has(t)) return formatTimestamp(value, locale, undefined);
  if (TIMESTAMPTZ_TYPES.has(t)) return formatTimestamp(value, locale, options.timeZone ?? 'UTC');
  return value; // time of day: '13:45:00' is already readable
}

// ---------------------------------------------------------------------------------------------

/**
 * A cell as text for the result table.
 *
 * - NULL → NULL_TEXT ('∅')
 * - numeric types → Intl.NumberFormat in `locale` (integers without decimals; decimals up to
 *   MAX_FRACTION_DIGITS, or exactly `options.fractionDigits`); big values that arrive as text
 *   are formatted exactly
 * - date → 'Jan 5, 2024' / '2024年1月5日'; timestamp → 'Jan 5, 2024, 15:04:05' (its own wall
 *   clock); timestamptz → same in `options.timeZone` (default UTC) with the zone named
 * - boolean → 'true' / 'false'
 * - json, jsonb, arrays and objects → compact JSON
 * - anything else → its text
 *
 * `locale` may be next-intl's ('en', 'zh') or any BCP 47 tag.
 */
export function formatCell(value: Cell, type: string, locale: string, options: FormatOptions = {}): string {
  if (value === null || value === undefined) return NULL_TEXT;
  const loc = intlLocale(locale);
  if (isJsonType(type)) return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'object') return JSON.stringify(value);
  if (isNumericType(type)) return formatNumber(value, type, loc, options);
  if (typeof value === 'number') return numberFormat(loc, { maximumFractionDigits: MAX_FRACTION_DIGITS }).format(value);
  if (isTemporalType(type)) return formatTemporal(value, type, loc, options);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Ordering

/** What a cell sorts by: numbers (and bigints) for numbers, dates and booleans; text otherwise; undefined for NULL. */
export type SortKey = number | bigint | string | undefined;

/** The key `compareSortKeys` orders a cell by. Computing it once per cell makes sorting 50,000 rows cheap. */
export function sortKey(value: Cell, type: string): SortKey {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  if (isJsonType(type)) return JSON.stringify(value);
  if (isNumericType(type)) {
    const special = SPECIAL_NUMBERS[value];
    if (special !== undefined) return special;
    if (INTEGER_LITERAL.test(value)) {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : BigInt(value);
    }
    if (DECIMAL_LITERAL.test(value)) return Number(value);
    return value;
  }
  const t = normalizeType(type);
  if (DATE_TYPES.has(t)) {
    const ms = dateMs(value);
    return Number.isNaN(ms) ? value : ms;
  }
  if (TIMESTAMP_TYPES.has(t) || TIMESTAMPTZ_TYPES.has(t)) {
    const ms = timestampMs(value);
    return Number.isNaN(ms) ? value : ms;
  }
  return value;
}

const isNumberish = (k: SortKey): k is number | bigint => typeof k === 'number' || typeof k === 'bigint';

/**
 * Ascending order of two sort keys: NULL (undefined) after everything, NaN after every other
 * number (as in Postgres), numbers before text, text by the locale's collation with numeric
 * segments compared as numbers ('item2' < 'item10').
 */
export function compareSortKeys(a: SortKey, b: SortKey, locale = 'en'): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (isNumberish(a) && isNumberish(b)) {
    const aNaN = typeof a === 'number' && Number.isNaN(a);
    const bNaN = typeof b === 'number' && Number.isNaN(b);
    if (aNaN || bNaN) return aNaN === bNaN ? 0 : aNaN ? 1 : -1;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (isNumberish(a)) return -1;
  if (isNumberish(b)) return 1;
  return collator(intlLocale(locale)).compare(a, b);
}

/**
 * Ascending order of two cells of a column of `type`: numbers numerically, dates and
 * timestamps chronologically, booleans false first, text by collation, NULLs last.
 */
export function compareCells(a: Cell, b: Cell, type: string, locale = 'en'): number {
  return compareSortKeys(sortKey(a, type), sortKey(b, type), locale);
}
