import { countTokens } from 'gpt-tokenizer';
import { db as appDb } from '@/db/client';
import type { Catalog, CatalogTable } from './catalog';
import { columnDescription, renderExample, renderGlossaryTerm, renderTable, sampledValues, tableDescription, type DatasetKnowledge } from './retrieval/render';
import { documentVectors, rankDocuments, type Queryable, type SearchDocument, type TrigramTerm } from './retrieval/search';
import { searchable } from './retrieval/text';

export type { Queryable } from './retrieval/search';

export const DEFAULT_SCHEMA_BUDGET = 4_000;

export type SchemaContext = {
  text: string;
  /** Tokens of `text` (gpt-tokenizer, o200k). */
  tokens: number;
  /** Ids (`schema.name`) of the tables in `text`, most relevant first. */
  tables: string[];
  /** True when the whole schema fitted and was sent without retrieval. */
  whole: boolean;
};

type Options = {
  dataset: DatasetKnowledge;
  catalog: Catalog;
  question: string;
  /** Tokens the returned text may take. */
  budget?: number;
  /** Where the full-text search runs; the app database by default. */
  db?: Queryable;
};

/** The tables a dataset exposes: its chosen tables, or every introspected table when none are chosen. */
export function visibleTables(dataset: Pick<DatasetKnowledge, 'tables'>, catalog: Catalog): CatalogTable[] {
  if (!dataset.tables) return catalog.tables;
  const chosen = new Set(dataset.tables);
  return catalog.tables.filter((t) => chosen.has(t.id));
}

const section = (title: string, lines: string[], separator = '\n') => (lines.length ? `${title}\n${lines.join(separator)}` : '');
const joinSections = (...sections: string[]) => sections.filter(Boolean).join('\n\n');
const glossarySection = (lines: string[]) => section('Glossary (use these definitions):', lines);
const examplesSection = (lines: string[]) => section('Example questions with correct SQL:', lines, '\n\n');

/** The whole schema with every glossary term and example, as sent when it fits the budget. */
export function wholeSchemaContext(dataset: DatasetKnowledge, catalog: Catalog): string {
  return joinSections(
    section('Tables:', visibleTables(dataset, catalog).map((t) => renderTable(t, dataset)), '\n\n'),
    glossarySection(dataset.glossary.map(renderGlossaryTerm)),
    examplesSection(dataset.examples.map(renderExample)),
  );
}

/** Tables a piece of SQL names: `schema.table`, or a bare table name that only one visible table has. */
function tablesInSql(sql: string, tables: CatalogTable[]): number[] {
  const byId = new Map(tables.map((t, i) => [t.id.toLowerCase(), i]));
  const byName = new Map<string, number | null>();
  tables.forEach((t, i) => byName.set(t.name.toLowerCase(), byName.has(t.name.toLowerCase()) ? null : i));
  const found = new Set<number>();
  for (const m of sql.matchAll(/"?([A-Za-z_][\w$]*)"?(?:\s*\.\s*"?([A-Za-z_][\w$]*)"?)?/g)) {
    const [, first, second] = m as unknown as [string, string, string | undefined];
    const hit = second ? byId.get(`${first}.${second}`.toLowerCase()) : byName.get(first.toLowerCase());
    if (hit !== undefined && hit !== null) found.add(hit);
  }
  return [...found];
}

function tableDocument(table: CatalogTable, dataset: DatasetKnowledge): SearchDocument {
  return {
    name: table.name,
    text: [tableDescription(table, dataset), ...table.columns.map((c) => c.name)].join('\n'),
    details: [table.schema, ...table.columns.map((c) => columnDescription(table, c.name, dataset))].join('\n'),
    values: table.columns.flatMap((c) => sampledValues(table, c.name, dataset)).join('\n'),
  };
}

type Prepared = {
  tables: CatalogTable[];
  whole: string;
  /** Counted once: tokenizing the whole schema on every question was a large share of a turn's CPU. */
  wholeTokens: number;
  trigramTerms: TrigramTerm[];
  /** The documents' tsvectors, computed by the first database that asks. */
  vectors: (db: Queryable) => Promise<string[]>;
};

/** Per catalog (cached for minutes by datasetCatalog) and per dataset knowledge: what every question reuses. */
const preparedByCatalog = new WeakMap<Catalog, Map<string, Prepared>>();

function prepare(dataset: DatasetKnowledge, catalog: Catalog): Prepared {
  const key = JSON.stringify([dataset.tables, dataset.descriptions, dataset.glossary, dataset.examples, dataset.sampledValues, dataset.shareRowsWithModel]);
  const forCatalog = preparedByCatalog.get(catalog) ?? new Map<string, Prepared>();
  preparedByCatalog.set(catalog, forCatalog);
  const hit = forCatalog.get(key);
  if (hit) return hit;
  const tables = visibleTables(dataset, catalog);
  const docs: SearchDocument[] = [
    ...tables.map((t) => tableDocument(t, dataset)),
    ...dataset.glossary.map((g) => ({ name: g.term, text: g.meaning, details: g.sql ?? '', values: '' })),
    ...dataset.examples.map((e) => ({ name: '', text: e.question, details: e.sql, values: '' })),
  ];
  let vectors: Promise<string[]> | undefined;
  const whole = wholeSchemaContext(dataset, catalog);
  const entry: Prepared = {
    tables,
    whole,
    wholeTokens: countTokens(whole),
    trigramTerms: [
      ...tables.map((t, doc) => ({ term: searchable(t.name).trim(), doc })),
      ...dataset.glossary.map((g, i) => ({ term: g.term, doc: tables.length + i })),
    ].filter((t) => t.term.length >= 4),
    vectors: (db) => {
      if (!vectors) {
        vectors = documentVectors(db, docs);
        vectors.catch(() => (vectors = undefined));
      }
      return vectors;
    },
  };
  forCatalog.set(key, entry);
  return entry;
}

/** How much of its own relevance a table lends to the tables it joins to. */
const NEIGHBOUR_SHARE = 0.5;
/** Tables scoring below this share of the best table are left out even when the budget has room. */
const RELEVANCE_FLOOR = 0.08;
/** Glossary terms and examples may take at most this share of the budget. */
const KNOWLEDGE_SHARE = 0.3;
const MAX_EXAMPLES = 3;

/**
 * The schema context for one question: the whole schema when it fits the budget; otherwise
 * the tables most relevant to the question (full-text search in Postgres, and pg_trgm
 * similarity where installed, over names, descriptions, comments, glossary, examples and
 * sampled values), the tables they join to, and the matching glossary terms and examples,
 * rendered until the token budget is spent.
 */
export async function schemaContext({ dataset, catalog, question, budget = DEFAULT_SCHEMA_BUDGET, db = appDb().$client }: Options): Promise<SchemaContext> {
  const prepared = prepare(dataset, catalog);
  const { tables } = prepared;
  if (prepared.wholeTokens <= budget) return { text: prepared.whole, tokens: prepared.wholeTokens, tables: tables.map((t) => t.id), whole: true };

  const { glossary, examples } = dataset;
  const scores = await rankDocuments(db, await prepared.vectors(db), prepared.trigramTerms, question);
  const glossaryScores = glossary.map((_, i) => scores[tables.length + i]!);
  const exampleScores = examples.map((_, i) => scores[tables.length + glossary.length + i]!);

  // A matching glossary term or example question vouches for the tables its SQL uses.
  const relevance = tables.map((_, i) => scores[i]!);
  const lend = (sql: string | undefined, score: number) => {
    if (!sql || score <= 0) return;
    for (const i of tablesInSql(sql, tables)) relevance[i] = relevance[i]! + score;
  };
  glossary.forEach((g, i) => lend(g.sql, glossaryScores[i]!));
  examples.forEach((e, i) => lend(e.sql, exampleScores[i]!));

  const priority = withNeighbours(tables, relevance);

  // Matching glossary terms and examples first, within their share of the budget.
  const knowledgeBudget = Math.floor(budget * KNOWLEDGE_SHARE);
  const pick = <T>(items: T[], itemScores: number[], render: (item: T) => string, limit: number) =>
    items
      .map((item, i) => ({ text: render(item), score: itemScores[i]! }))
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  const glossaryLines: string[] = [];
  const exampleLines: string[] = [];
  let knowledgeTokens = 0;
  const candidates = [
    ...pick(glossary, glossaryScores, renderGlossaryTerm, glossary.length).map((x) => ({ ...x, into: glossaryLines })),
    ...pick(examples, exampleScores, renderExample, MAX_EXAMPLES).map((x) => ({ ...x, into: exampleLines })),
  ].sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    const tokens = countTokens(c.text) + 2;
    if (knowledgeTokens + tokens > knowledgeBudget) continue;
    knowledgeTokens += tokens;
    c.into.push(c.text);
  }

  const render = (chosen: string[], shown: number) =>
    joinSections(
      section(
        shown === tables.length ? 'Tables:' : `Tables (the ${shown} of ${tables.length} most relevant to the question; the others are not shown):`,
        chosen,
        '\n\n',
      ),
      glossarySection(glossaryLines),
      examplesSection(exampleLines),
    );

  const questionWords = new Set(words(question).filter((w) => w.length > 2 || /\p{Script=Han}/u.test(w)));
  const blocks: string[] = [];
  const ids: string[] = [];
  let used = countTokens(render([], tables.length)) + 24;
  const top = priority[0]?.score ?? 0;
  let misses = 0;
  for (const { index, score } of priority) {
    if (score < top * RELEVANCE_FLOOR || misses >= 5) break;
    const table = tables[index]!;
    const full = renderTable(table, dataset);
    let tokens = countTokens(full) + 2;
    let block = full;
    if (used + tokens > budget) {
      block = renderTable(table, dataset, matchingColumns(table, dataset, questionWords));
      tokens = countTokens(block) + 2;
    }
    if (used + tokens > budget) {
      misses++;
      continue;
    }
    used += tokens;
    blocks.push(block);
    ids.push(table.id);
  }
  let text = render(blocks, blocks.length);
  let tokens = countTokens(text);
  while (tokens > budget && blocks.length) {
    blocks.pop();
    ids.pop();
    text = render(blocks, blocks.length);
    tokens = countTokens(text);
  }
  return { text, tokens, tables: ids, whole: false };
}

const words = (text: string) => searchable(text).toLowerCase().split(/[^\p{L}\p{N}]+/u);

/** Columns whose name, description or sampled values share a word with the question. */
function matchingColumns(table: CatalogTable, dataset: DatasetKnowledge, questionWords: Set<string>): Set<string> {
  const matches = (text: string) => words(text).some((w) => questionWords.has(w));
  return new Set(
    table.columns
      .filter((c) => matches(c.name) || matches(columnDescription(table, c.name, dataset)) || sampledValues(table, c.name, dataset).some(matches))
      .map((c) => c.name),
  );
}

/**
 * Tables in the order to render them: each table's own relevance, plus a share of the
 * relevance of the tables that reference it directly or through one table in between (needed
 * to join them), and for link tables that reference two relevant tables (needed to join those).
 */
function withNeighbours(tables: CatalogTable[], relevance: number[]): { index: number; score: number }[] {
  const index = new Map(tables.map((t, i) => [t.id, i]));
  const targets = tables.map((table, i) => [...new Set(table.foreignKeys.map((f) => index.get(f.table)).filter((t): t is number => t !== undefined && t !== i))]);
  const lent = (from: number[]) => {
    const reach = tables.map(() => 0);
    targets.forEach((ts, i) => ts.forEach((t) => (reach[t] = Math.max(reach[t]!, from[i]! * NEIGHBOUR_SHARE))));
    return reach;
  };
  const oneHop = lent(relevance);
  const twoHops = lent(oneHop);
  const effective = relevance.map((own, i) => own + Math.max(oneHop[i]!, twoHops[i]!));
  targets.forEach((ts, i) => {
    const relevantTargets = ts.map((t) => relevance[t]!).filter((s) => s > 0).sort((a, b) => b - a);
    if (relevantTargets.length >= 2) effective[i] = Math.max(effective[i]!, relevance[i]! + relevantTargets[1]! * NEIGHBOUR_SHARE);
  });
  return effective
    .map((score, i) => ({ index: i, score }))
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score);
}
