'use client';

import { useMemo } from 'react';
import { validateSpec } from '@/lib/charts/spec';
import { suggestChart } from '@/lib/charts/suggest';
import type { QueryResult } from '@/lib/warehouse/run';
import { Chart } from './chart';

/**
 * The chart of a result: the model's spec when it fits the real columns, otherwise the one the
 * result's shape suggests, or none. Loaded on demand with Recharts (see query-result.tsx).
 */
export function ResultChart({ result, proposed, purpose }: { result: QueryResult; proposed: unknown; purpose?: string }) {
  const spec = useMemo(() => validateSpec(proposed, result.columns) ?? suggestChart(result, purpose), [result, proposed, purpose]);
  return spec ? <Chart spec={spec} result={result} /> : null;
}
