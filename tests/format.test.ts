import { describe, expect, it } from 'vitest';
import { columnFormats } from '@/components/answer/result-table-model';
import {
  NULL_TEXT,
  columnFractionDigits,
  compareCells,
  formatCell,
  intlLocale,
  isNumericType,
  isTemporalType,
  normalizeType,
  shouldGroupDigits,
  sortKey,
} from '@/lib/format';
import type { Cell } from '@/lib/warehouse/run';

describe('type predicates', () => {
  it('recognises numeric types, with modifiers and aliases, but not arrays', () => {
    for (const t of ['smallint', 'integer', 'bigint', 'numeric', 'numeric(12,2)', 'real', 'double precision', 'INTEGER', 'int8', 'float8'])
      expect(isNumericType(t), t).toBe(true);
    for (const t of ['text', 'date', 'boolean', 'jsonb', 'integer[]', '_int4', 'money', 'interval', 'uuid'])
      expect(isNumericType(t), t).toBe(false);
  });

  it('recognises temporal types', () => {
    for (const t of ['date', 'timestamp', 'timestamptz', 'timestamp without time zone', 'timestamp(3) with time zone', 'time', 'timetz'])
      expect(isTemporalType(t), t).toBe(true);
    for (const t of ['text', 'bigint', 'interval', 'date[]', 'jsonb']) expect(isTemporalType(t), t).toBe(false);
  });

  it('normalises type names', () => {
    expect(normalizeType(' Timestamp(6)  With Time Zone ')).toBe('timestamp with time zone');
    expect(normalizeType('numeric(10,2)')).toBe('numeric');
  });

  it('maps next-intl locales to Intl locales', () => {
    expect(intlLocale('zh')).toBe('zh-CN');
    expect(intlLocale('en')).toBe('en-US');
    expect(intlLocale('de-DE')).toBe('de-DE');
    expect(intlLocale('not a locale!')).toBe('en-US');
  });
});

describe('formatCell: numbers', () => {
  it('groups digits in the active locale', () => {
    expect(formatCell(19971, 'bigint', 'en')).toBe('19,971');
    expect(formatCell(19971, 'bigint', 'zh')).toBe(new Intl.NumberFormat('zh-CN').format(19971));
    expect(formatCell(19971, 'integer', 'de-DE')).toBe('19.971');
    expect(formatCell(-1234567, 'integer', 'en')).toBe('-1,234,567');
    expect(formatCell(0, 'integer', 'en')).toBe('0');
  });

  it('shows decimals up to six places, or exactly the column’s places', () => {
    expect(formatCell(1234.5, 'numeric', 'en')).toBe('1,234.5');
    expect(formatCell(0.1 + 0.2, 'double precision', 'en')).toBe('0.3');
    expect(formatCell(Math.PI, 'double precision', 'en')).toBe('3.141593');
    expect(formatCell(1234.5, 'numeric', 'en', { fractionDigits: 2 })).toBe('1,234.50');
    expect(formatCell(3, 'numeric', 'en', { fractionDigits: 2 })).toBe('3.00');
    expect(formatCell(1234.5, 'numeric', 'zh', { fractionDigits: 2 })).toBe('1,234.50');
  });

  it('formats values that arrive as text (beyond JS precision) exactly', () => {
    expect(formatCell('12345678901234567890', 'bigint', 'en')).toBe('12,345,678,901,234,567,890');
    expect(formatCell('123456789012345678901.25', 'numeric', 'en', { fractionDigits: 2 })).toBe('123,456,789,012,345,678,901.25');
    expect(formatCell('NaN', 'numeric', 'en')).toBe('NaN');
    expect(formatCell('Infinity', 'double precision', 'en')).toBe('∞');
    expect(formatCell('-Infinity', 'double precision', 'en')).toBe('-∞');
    expect(formatCell('not a number', 'numeric', 'en')).toBe('not a number');
  });

  it('uses scientific notation for tiny non-zero values', () => {
    expect(formatCell(1.5e-9, 'double precision', 'en')).toBe('1.5E-9');
    expect(formatCell(0, 'double precision', 'en')).toBe('0');
  });

  it('can leave digits ungrouped for ids and years', () => {
    expect(formatCell(2024, 'integer', 'en', { grouping: false })).toBe('2024');
    expect(shouldGroupDigits('year')).toBe(false);
    expect(shouldGroupDigits('order_year')).toBe(false);
    expect(shouldGroupDigits('id')).toBe(false);
    expect(shouldGroupDigits('customer_id')).toBe(false);
    expect(shouldGroupDigits('customerId')).toBe(false);
    expect(shouldGroupDigits('count')).toBe(true);
    expect(shouldGroupDigits('paid')).toBe(true);
    expect(shouldGroupDigits('revenue')).toBe(true);
    expect(shouldGroupDigits('n')).toBe(true);
  });

  it('computes the decimals a column needs', () => {
    expect(columnFractionDigits([1, 2.5, 3.25, null], 'numeric')).toBe(2);
    expect(columnFractionDigits([0.1 + 0.2, 1], 'double precision')).toBe(1);
    expect(columnFractionDigits([Math.PI], 'double precision')).toBe(6);
    expect(columnFractionDigits(['1.500', '2.1'], 'numeric')).toBe(1);
    expect(columnFractionDigits([1, 2], 'bigint')).toBe(0);
    expect(columnFractionDigits(['a'], 'text')).toBeUndefined();
  });
});

describe('formatCell: other types', () => {
  it('shows NULL as a muted symbol', () => {
    expect(formatCell(null, 'bigint', 'en')).toBe(NULL_TEXT);
    expect(formatCell(null, 'text', 'zh')).toBe(NULL_TEXT);
    expect(NULL_TEXT).toBe('∅');
  });

  it('formats dates readably, without time zone shifts', () => {
    expect(formatCell('2024-01-05', 'date', 'en')).toBe('Jan 5, 2024');
    expect(formatCell('2024-01-05', 'date', 'zh')).toBe('2024年1月5日');
    expect(formatCell('2024-12-31', 'date', 'en')).toBe('Dec 31, 2024');
    expect(formatCell('infinity', 'date', 'en')).toBe('infinity');
    expect(formatCell('0044-03-15 BC', 'date', 'en')).toBe('0044-03-15 BC');
  });

  it('formats timestamps as their wall clock, seconds only when present', () => {
    expect(formatCell('2024-01-05T15:04:00.000Z', 'timestamp', 'en')).toBe('Jan 5, 2024, 15:04');
    expect(formatCell('2024-01-05T15:04:05.000Z', 'timestamp', 'en')).toBe('Jan 5, 2024, 15:04:05');
    expect(formatCell('2024-01-05T15:04:05.250Z', 'timestamp without time zone', 'en')).toBe('Jan 5, 2024, 15:04:05.250');
    expect(formatCell('2024-01-05T15:04:05.000Z', 'timestamp', 'zh')).toBe('2024年1月5日 15:04:05');
    expect(formatCell('2024-01-05T00:00:00.000Z', 'timestamp', 'en')).toBe('Jan 5, 2024, 00:00');
  });

  it('formats timestamptz in UTC (or a given zone) and names the zone', () => {
    expect(formatCell('2024-01-05T15:04:00.000Z', 'timestamptz', 'en')).toBe('Jan 5, 2024, 15:04 UTC');
    expect(formatCell('2024-01-05T15:04:00.000Z', 'timestamp with time zone', 'en', { timeZone: 'Asia/Shanghai' })).toMatch(
      /^Jan 5, 2024, 23:04 GMT\+8$/,
    );
    expect(formatCell('2024-01-05T15:04:00.000Z', 'timestamptz', 'en', { timeZone: 'Not/AZone' })).toBe('Jan 5, 2024, 15:04 UTC');
    expect(formatCell('garbage', 'timestamptz', 'en')).toBe('garbage');
  });

  it('leaves times of day as Postgres writes them', () => {
    expect(formatCell('13:45:00', 'time', 'en')).toBe('13:45:00');
  });

  it('formats booleans and JSON compactly', () => {
    expect(formatCell(true, 'boolean', 'en')).toBe('true');
    expect(formatCell(false, 'boolean', 'zh')).toBe('false');
    expect(formatCell({ a: 1, b: [1, 2], c: { d: null } }, 'jsonb', 'en')).toBe('{"a":1,"b":[1,2],"c":{"d":null}}');
    expect(formatCell([1, 'two'], 'json', 'en')).toBe('[1,"two"]');
    expect(formatCell('a string', 'jsonb', 'en')).toBe('"a string"');
    expect(formatCell(42, 'jsonb', 'en')).toBe('42');
    expect(formatCell({ x: 1 }, 'record', 'en')).toBe('{"x":1}');
  });

  it('leaves text alone', () => {
    expect(formatCell('hello, world', 'text', 'en')).toBe('hello, world');
    expect(formatCell('2024-01-05', 'text', 'en')).toBe('2024-01-05');
    expect(formatCell('', 'text', 'en')).toBe('');
  });
});

describe('compareCells', () => {
  const sorted = (values: Cell[], type: string, locale = 'en') => [...values].sort((a, b) => compareCells(a, b, type, locale));

  it('orders numbers numerically, not as text', () => {
    expect(sorted([10, 9, 100, -1, 2.5], 'integer')).toEqual([-1, 2.5, 9, 10, 100]);
  });

  it('orders numbers that arrive as text exactly, NaN after Infinity', () => {
    expect(sorted(['12345678901234567891', 5, '12345678901234567890', 'NaN', 'Infinity', '-Infinity'], 'numeric')).toEqual([
      '-Infinity',
      5,
      '12345678901234567890',
      '12345678901234567891',
      'Infinity',
      'NaN',
    ]);
  });

  it('puts NULLs last', () => {
    expect(sorted([3, null, 1, null, 2], 'bigint')).toEqual([1, 2, 3, null, null]);
    expect(sorted(['b', null, 'a'], 'text')).toEqual(['a', 'b', null]);
    expect(compareCells(null, null, 'text')).toBe(0);
  });

  it('orders dates and timestamps chronologically', () => {
    expect(sorted(['2024-03-01', 'infinity', '2023-12-31', '-infinity', '0044-03-15 BC', '2024-01-15'], 'date')).toEqual([
      '-infinity',
      '0044-03-15 BC',
      '2023-12-31',
      '2024-01-15',
      '2024-03-01',
      'infinity',
    ]);
    expect(sorted(['2024-01-05T15:04:05.000Z', '2023-06-01T00:00:00.000Z', '+010000-01-01T00:00:00.000Z'], 'timestamptz')).toEqual([
      '2023-06-01T00:00:00.000Z',
      '2024-01-05T15:04:05.000Z',
      '+010000-01-01T00:00:00.000Z',
    ]);
  });

  it('orders booleans false first', () => {
    expect(sorted([true, false, null, true], 'boolean')).toEqual([false, true, true, null]);
  });

  it('orders text by collation, numeric segments as numbers', () => {
    expect(sorted(['item10', 'Item2', 'apple', 'Banana'], 'text')).toEqual(['apple', 'Banana', 'Item2', 'item10']);
  });

  it('is antisymmetric and has stable sort keys', () => {
    expect(compareCells(1, 2, 'integer')).toBeLessThan(0);
    expect(compareCells(2, 1, 'integer')).toBeGreaterThan(0);
    expect(compareCells(1, 1, 'integer')).toBe(0);
    expect(sortKey(null, 'text')).toBeUndefined();
    expect(sortKey('2024-01-05', 'date')).toBe(Date.UTC(2024, 0, 5));
    expect(sortKey(true, 'boolean')).toBe(1);
  });
});

describe('the result table: date buckets read as their period', () => {
  const labels = { quarter: (quarter: number, year: number) => `Q${quarter} ${year}`, week: (date: string) => `Week of ${date}` };
  const shown = (type: string, values: (string | null)[], name = 'period') => {
    const [format] = columnFormats([{ name, type }], values.map((v) => [v]), 'en-US', labels);
    return values.map((v) => format!.format(v));
  };

  it.each([
    ['months', 'date', ['2024-01-01', '2024-02-01', '2024-03-01'], ['Jan 2024', 'Feb 2024', 'Mar 2024']],
    ['months of timestamps', 'timestamp without time zone', ['2024-11-01 00:00:00', '2024-12-01 00:00:00'], ['Nov 2024', 'Dec 2024']],
    ['quarters', 'date', ['2024-01-01', '2024-04-01', '2024-07-01'], ['Q1 2024', 'Q2 2024', 'Q3 2024']],
    ['years', 'date', ['2023-01-01', '2024-01-01', '2025-01-01'], ['2023', '2024', '2025']],
    ['days, which stay dates', 'date', ['2024-01-01', '2024-01-02'], [formatCell('2024-01-01', 'date', 'en-US'), formatCell('2024-01-02', 'date', 'en-US')]],
    ['months with a NULL', 'date', ['2024-01-01', null, '2024-03-01'], ['Jan 2024', NULL_TEXT, 'Mar 2024']],
  ])('%s', (_, type, values, expected) => {
    expect(shown(type, values)).toEqual(expected);
  });

  it('leaves text and very large results as they are', () => {
    expect(shown('text', ['2024-01-01', '2024-02-01'], 'month')).toEqual(['2024-01-01', '2024-02-01']);
    const many = Array.from({ length: 5_001 }, (_, i) => `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`);
    expect(shown('date', many)[0]).toBe(formatCell(many[0]!, 'date', 'en-US'));
  });
});
