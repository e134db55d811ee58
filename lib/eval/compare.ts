/** A cell as the comparison sees it: a number, a string, or null. */
type Value = number | string | null;

const ABSOLUTE_TOLERANCE = 0.01;
const RELATIVE_TOLERANCE = 1e-4;

function normalize(value: unknown): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  if (/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(text)) return Number(text);
  // A date cell, whether it came as a date or a midnight timestamp.
  const midnight = /^(\d{4}-\d{2}-\d{2})[T ]00:00:00(\.0+)?(Z|[+-]00(:?00)?)?$/.exec(text);
  return midnight ? midnight[1]! : text;
}

function same(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= Math.max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * Math.abs(b));
  }
  return a === b;
}

const order = (a: Value, b: Value) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : 1;

/** Two columns hold the same values as multisets (or in the same order when `ordered`). */
function sameColumn(a: Value[], b: Value[], ordered: boolean): boolean {
  if (a.length !== b.length) return false;
  const x = ordered ? a : [...a].sort(order);
  const y = ordered ? b : [...b].sort(order);
  return x.every((v, i) => same(v, y[i]!));
}

function sameRows(gold: Value[][], predicted: Value[][], ordered: boolean): boolean {
  if (gold.length !== predicted.length) return false;
  if (ordered) return gold.every((row, i) => row.every((v, j) => same(v, predicted[i]![j]!)));
  const key = (row: Value[]) => JSON.stringify(row.map((v) => (typeof v === 'number' ? Math.round(v * 100) / 100 : v)));
  const sortRows = (rows: Value[][]) => [...rows].sort((p, q) => {
    for (let j = 0; j < p.length; j++) {
      const c = order(p[j]!, q[j]!);
      if (c !== 0) return c;
    }
    return 0;
  });
  const g = sortRows(gold);
  const p = sortRows(predicted);
  if (g.every((row, i) => row.every((v, j) => same(v, p[i]![j]!)))) return true;
  // Sorting by value can interleave near-equal numbers differently: fall back to exact keys.
  const counts = new Map<string, number>();
  for (const row of gold) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
  for (const row of predicted) {
    const n = counts.get(key(row));
    if (!n) return false;
    counts.set(key(row), n - 1);
  }
  return true;
}

/**
 * Execution match: the predicted result holds every gold column (names ignored, in any
 * position; extra predicted columns are allowed, such as an id beside a name) and the same rows
 * as a multiset, or in the same order when `ordered`. Numbers match within a small tolerance.
 */
export function resultsMatch(goldRows: unknown[][], predictedRows: unknown[][], ordered = false): boolean {
  const gold = goldRows.map((r) => r.map(normalize));
  const predicted = predictedRows.map((r) => r.map(normalize));
  if (gold.length !== predicted.length) return false;
  if (gold.length === 0) return true;
  const width = gold[0]!.length;
  const predictedWidth = predicted[0]!.length;
  if (predictedWidth < width) return false;
  const column = (rows: Value[][], j: number) => rows.map((r) => r[j]!);
  const candidates = Array.from({ length: width }, (_, j) =>
    Array.from({ length: predictedWidth }, (_, i) => i).filter((i) => sameColumn(column(gold, j), column(predicted, i), ordered)),
  );
  // Try each assignment of gold columns to distinct predicted columns.
  const chosen: number[] = [];
  const search = (j: number): boolean => {
    if (j === width) return sameRows(gold, predicted.map((r) => chosen.map((i) => r[i]!)), ordered);
    for (const i of candidates[j]!) {
      if (chosen.includes(i)) continue;
      chosen.push(i);
      if (search(j + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return search(0);
}
