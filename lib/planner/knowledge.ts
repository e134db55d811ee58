import type { GlossaryTerm } from '@/db/schema';

/** What a dataset knows beyond its catalog, as the Datasets admin pages keep it. */
export type PlannerKnowledge = {
  /** Distinct values of short text columns, keyed `schema.table.column`. */
  sampledValues: Record<string, string[]>;
  glossary: GlossaryTerm[];
  /** Descriptions keyed `schema.table` and `schema.table.column`. */
  descriptions: Record<string, string>;
};

export const noKnowledge = (): PlannerKnowledge => ({ sampledValues: {}, glossary: [], descriptions: {} });
