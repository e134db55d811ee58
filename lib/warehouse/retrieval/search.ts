import type pg from 'pg';
import { searchable } from './text';

export type Queryable = Pick<pg.Pool, 'query'>;

/** One searchable document in four fields of falling weight (sampled values weigh between the first two). */
export type SearchDocument = { name: string; text: string; details: string; values: string };
/** A short phrase compared by trigram similarity (typos, word forms the stemmer keeps apart). */
export type TrigramTerm = { term: string; doc: number };

const VECTORS_SQL = `
SELECT (setweight(to_tsvector('english', d.name), 'A') || setweight(to_tsvector('english', d.text), 'B') ||
        setweight(to_tsvector('english', d.details), 'C') || setweight(to_tsvector('english', d.vals), 'D'))::text AS v
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS d(name, text, details, vals, i)
ORDER BY d.i`;

/**
 * Each document's fields as one weighted tsvector (English stemming; Chinese is already split
 * into bigrams by `searchable`), in the text form Postgres reads back cheaply: computed once per
 * catalog and dataset, then sent with every question.
 */
export async function documentVectors(db: Queryable, docs: SearchDocument[]): Promise<string[]> {
  const field = (key: keyof SearchDocument) => docs.map((d) => searchable(d[key]));
  const { rows } = await db.query<{ v: string }>(VECTORS_SQL, [field('name'), field('text'), field('details'), field('values')]);
  return rows.map((r) => r.v);
}

/**
 * BM25 over Postgres full-text search: a document's score sums, over the question's lexemes it
 * contains, the lexeme's inverse document frequency times its saturated, length-normalised,
 * field-weighted frequency. ts_rank alone has no document frequency, so words every table has
 * ("id", "date", "name") would drown the rare words that identify a table.
 */
const LEXICAL_SQL = `
WITH docs AS (SELECT d.v, d.i::int AS i FROM unnest($1::tsvector[]) WITH ORDINALITY AS d(v, i)),
question AS (SELECT DISTINCT lexeme FROM unnest(to_tsvector('english', $2))),
query AS (SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS q FROM question),
stats AS (SELECT count(*)::float8 AS n, greatest(avg(length(v)), 1)::float8 AS avglen FROM docs),
hits AS (
  SELECT docs.i, length(docs.v)::float8 AS len, t.lexeme,
         (SELECT sum(CASE w WHEN 'A' THEN 3.0 WHEN 'B' THEN 1.0 WHEN 'C' THEN 0.5 ELSE 2.0 END) FROM unnest(t.weights) AS w) AS tf
  FROM docs CROSS JOIN query CROSS JOIN LATERAL unnest(docs.v) AS t
  WHERE docs.v @@ query.q AND t.lexeme IN (SELECT lexeme FROM question)
),
df AS (SELECT lexeme, count(*)::float8 AS n FROM hits GROUP BY lexeme)
SELECT hits.i, sum(ln(1 + (stats.n - df.n + 0.5) / (df.n + 0.5)) * hits.tf * 2.2 / (hits.tf + 1.2 * (0.25 + 0.75 * hits.len / stats.avglen)))::float8 AS score
FROM hits JOIN df USING (lexeme) CROSS JOIN stats
GROUP BY hits.i`;

// Materialized so that each similarity is computed once, not again for the WHERE clause.
const trigramSql = (schema: string) => `
WITH s AS MATERIALIZED (SELECT t.doc, ${schema}.word_similarity(t.term, $3) AS similarity FROM unnest($1::text[], $2::int[]) AS t(term, doc))
SELECT doc AS i, max(similarity)::float8 AS score FROM s WHERE similarity >= 0.5 GROUP BY doc`;

const TRIGRAM_CHECK_MS = 5 * 60_000;
const trigramSchemas = new WeakMap<Queryable, { at: number; schema: Promise<string | null> }>();

/** The schema pg_trgm is installed in (quoted for SQL), or null: trigram similarity is used only where the extension exists. */
export function trigramSchema(db: Queryable): Promise<string | null> {
  const hit = trigramSchemas.get(db);
  if (hit && Date.now() - hit.at < TRIGRAM_CHECK_MS) return hit.schema;
  const schema = db
    .query<{ schema: string }>(`SELECT quote_ident(n.nspname) AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`)
    .then((r) => r.rows[0]?.schema ?? null);
  trigramSchemas.set(db, { at: Date.now(), schema });
  schema.catch(() => trigramSchemas.delete(db));
  return schema;
}

const TRIGRAM_WEIGHT = 8;

/** A relevance score per document (in the order of `vectors`), 0 for no match. */
export async function rankDocuments(db: Queryable, vectors: string[], trigramTerms: TrigramTerm[], question: string): Promise<number[]> {
  const text = question.slice(0, 2_000);
  const schema = await trigramSchema(db);
  const [lexical, trigram] = await Promise.all([
    db.query<{ i: number; score: number }>(LEXICAL_SQL, [vectors, searchable(text)]),
    schema && trigramTerms.length
      ? db.query<{ i: number; score: number }>(trigramSql(schema), [trigramTerms.map((t) => t.term.toLowerCase()), trigramTerms.map((t) => t.doc), text.toLowerCase()])
      : { rows: [] },
  ]);
  const scores = vectors.map(() => 0);
  for (const row of lexical.rows) scores[row.i - 1] = row.score;
  for (const row of trigram.rows) scores[row.i] = (scores[row.i] ?? 0) + TRIGRAM_WEIGHT * row.score;
  return scores;
}
