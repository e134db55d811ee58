import type { ColumnType } from './plan';

const INTEGER = /^[+-]?(0|[1-9]\d*)$/;
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const BOOLEAN = /^(true|false|t|f|yes|no|y|n)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const BIGINT_MAX = 2n ** 63n - 1n;

const validDate = (y: string, m: string, d: string) => {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
};

const validTime = (h: string, min: string, s = '0') => Number(h) < 24 && Number(min) < 60 && Number(s) < 60;

/** Every candidate a value still fits; a column's type is the first candidate all its values fit. */
function fits(value: string): Set<ColumnType> {
  const out = new Set<ColumnType>(['text']);
  // A leading zero (a zip code, an account number) is kept as written.
  if (INTEGER.test(value)) {
    const n = BigInt(value);
    if (n <= BIGINT_MAX && n >= -BIGINT_MAX - 1n) out.add('integer');
  }
  if (NUMERIC.test(value) && !/^[+-]?0\d/.test(value)) out.add('numeric');
  if (BOOLEAN.test(value)) out.add('boolean');
  const date = DATE.exec(value);
  if (date && validDate(date[1]!, date[2]!, date[3]!)) {
    out.add('date').add('timestamp').add('timestamptz');
  }
  const ts = TIMESTAMP.exec(value);
  if (ts && validDate(ts[1]!, ts[2]!, ts[3]!) && validTime(ts[4]!, ts[5]!, ts[6])) {
    // timestamp would silently drop an offset; such values only fit timestamptz.
    if (!ts[7]) out.add('timestamp');
    out.add('timestamptz');
  }
  return out;
}

const PRECEDENCE: ColumnType[] = ['boolean', 'integer', 'numeric', 'date', 'timestamp', 'timestamptz', 'text'];

/** Infers a column's type from sampled values; empty values are NULLs and say nothing. */
export function inferType(values: Iterable<string>): ColumnType {
  let candidates: ColumnType[] | null = null;
  for (const raw of values) {
    const value = raw.trim();
    if (!value) continue;
    const fit = fits(value);
    candidates = (candidates ?? PRECEDENCE).filter((t) => fit.has(t));
    if (candidates.length === 1) return 'text';
  }
  return candidates?.[0] ?? 'text';
}
