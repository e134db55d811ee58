import { eq } from 'drizzle-orm';
import { countTokens } from 'gpt-tokenizer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '@/db/bootstrap';
import { db } from '@/db/client';
import { datasets, type Dataset } from '@/db/schema';
import { retrievalQuestion, systemPrompt } from '@/lib/ai/prompt';
import type { QuarryUIMessage } from '@/lib/ai/tools';
import { encryptSecret } from '@/lib/secrets';
import { datasetCatalog, introspect, type Catalog } from '@/lib/warehouse/catalog';
import { schemaContext } from '@/lib/warehouse/retrieval';
import { renderTable } from '@/lib/warehouse/retrieval/render';
import { trigramSchema } from '@/lib/warehouse/retrieval/search';
import { searchable } from '@/lib/warehouse/retrieval/text';
import { createTestEnvironment, server, type TestEnvironment } from './helpers/environment';
import { createLargeSchema, fixtureDataset, fixtureQuestions, fixtureTables, LARGE_SCHEMA_TABLES } from './fixtures/large-schema';

const BUDGET = 4_000;
const FIXTURE_SCHEMAS = [...new Set(fixtureTables.map((t) => t.schema))];

/** The tables a prompt shows, as `schema.name` without SQL quotes. */
const promptTables = (prompt: string) => [...prompt.matchAll(/^TABLE (\S+)/gm)].map((m) => m[1]!.replaceAll('"', ''));

describe('searchable text', () => {
  it('splits snake_case, camelCase and runs of Chinese characters into bigrams', () => {
    expect(searchable('sales.order_items').split(/\s+/)).toEqual(['sales', 'order', 'items']);
    expect(searchable('sessionStartedAt').split(/\s+/)).toEqual(['session', 'Started', 'At']);
    expect(searchable('各城市门店').trim().split(/\s+/)).toEqual(['各城', '城市', '市门', '门店']);
    expect(searchable('会员 vip').trim().split(/\s+/)).toEqual(['会员', 'vip']);
  });
});

describe('retrievalQuestion', () => {
  it('reads the last three user questions, newest first', () => {
    const message = (role: 'user' | 'assistant', text: string) => ({ id: text, role, parts: [{ type: 'text', text }] }) as QuarryUIMessage;
    const history = [message('user', 'one'), message('assistant', 'answer'), message('user', 'two'), message('user', 'three'), message('user', 'now by region')];
    expect(retrievalQuestion(history)).toBe('now by region\nthree\ntwo');
  });
});

describe.skipIf(!server)(`schema retrieval on ${server?.name}`, () => {
  let env: TestEnvironment;
  let admin: pg.Client;
  let largeDb: string;
  let large: Catalog;
  let sample: Dataset;
  let sampleCatalog: Catalog;
  const largeDataset = { name: 'Group warehouse', description: 'Every subsidiary', tables: null, shareRowsWithModel: true, ...fixtureDataset };

  beforeAll(async () => {
    env = await createTestEnvironment(server!.url);
    admin = new pg.Client({ connectionString: server!.url });
    await admin.connect();
    largeDb = `quarry_test_large_${Math.random().toString(36).slice(2, 10)}`;
    await admin.query(`CREATE DATABASE ${largeDb}`);
    const pool = new pg.Pool({ connectionString: withDatabase(server!.url, largeDb), max: 2 });
    try {
      const client = await pool.connect();
      await createLargeSchema(client);
      client.release();
      large = await introspect(pool, FIXTURE_SCHEMAS);
    } finally {
      await pool.end();
    }
    [sample] = await db().select().from(datasets).where(eq(datasets.id, env.datasetId));
    sampleCatalog = await datasetCatalog(sample!);
  });
  afterAll(async () => {
    await admin?.query(`DROP DATABASE IF EXISTS ${largeDb} WITH (FORCE)`);
    await admin?.end();
    await env?.cleanup();
  });

  async function measure(options: { db?: pg.Pool } = {}) {
    let needed = 0;
    let found = 0;
    const missed: string[] = [];
    const tokens: number[] = [];
    for (const { question, tables } of fixtureQuestions) {
      const prompt = await systemPrompt(largeDataset, large, question, options);
      tokens.push(countTokens(prompt));
      const shown = new Set(promptTables(prompt));
      for (const table of tables) {
        needed++;
        if (shown.has(table)) found++;
        else missed.push(`${table} for "${question}"`);
      }
    }
    return { recall: found / needed, missed, maxTokens: Math.max(...tokens) };
  }

  it('builds the 1,000-table warehouse', () => {
    expect(large.tables).toHaveLength(LARGE_SCHEMA_TABLES);
    expect(large.tables.filter((t) => t.foreignKeys.length > 0).length).toBeGreaterThan(900);
    expect(fixtureQuestions.length).toBeGreaterThanOrEqual(100);
    expect(fixtureQuestions.filter((q) => /[\u4e00-\u9fff]/.test(q.question)).length).toBeGreaterThanOrEqual(15);
  });

  it('finds >= 95% of the tables each question needs, every prompt within 4,000 tokens, without pg_trgm', { timeout: 180_000 }, async () => {
    expect(await trigramSchema(db().$client)).toBeNull();
    const { recall, missed, maxTokens } = await measure();
    expect(maxTokens).toBeLessThanOrEqual(BUDGET);
    expect(recall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
    const whole = systemPrompt(largeDataset, large);
    expect(countTokens(whole)).toBeGreaterThan(20 * BUDGET);
  });

  it('uses pg_trgm similarity where the extension is installed: still >= 95%, and a misspelt table is found', { timeout: 180_000 }, async () => {
    const available = await admin.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`);
    if (!available.rowCount) return;
    const withTrigram = new pg.Pool({ connectionString: env.appUrl, max: 2 });
    try {
      await withTrigram.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      expect(await trigramSchema(withTrigram)).not.toBeNull();
      const question = 'Count the shipmnets per carier';
      const typo = await schemaContext({ dataset: largeDataset, catalog: large, question, budget: 400, db: withTrigram });
      expect(typo.tables).toContain('logistics.shipments');
      const { recall, missed, maxTokens } = await measure({ db: withTrigram });
      expect(maxTokens).toBeLessThanOrEqual(BUDGET);
      expect(recall, missed.join('\n')).toBeGreaterThanOrEqual(0.95);
    } finally {
      await withTrigram.query('DROP EXTENSION IF EXISTS pg_trgm');
      await withTrigram.end();
    }
  });

  it('answers a Chinese question from Chinese column comments and admin descriptions', async () => {
    const context = await schemaContext({ dataset: largeDataset, catalog: large, question: '每个骑手平均配送时长是多少分钟？', budget: 1_000 });
    expect(context.whole).toBe(false);
    expect(context.tables.slice(0, 3)).toEqual(expect.arrayContaining(['cn_retail.instant_deliveries', 'cn_retail.delivery_riders']));
    expect(context.tokens).toBeLessThanOrEqual(1_000);
  });

  it('adds the glossary terms and examples that match the question, and the tables their SQL uses', async () => {
    const prompt = await systemPrompt(largeDataset, large, 'What is our DSO by customer segment?');
    expect(prompt).toContain('- DSO: Days sales outstanding');
    expect(prompt).not.toContain('- MQL:');
    expect(promptTables(prompt)).toEqual(expect.arrayContaining(['finance.invoices', 'finance.payments', 'core.customers']));
    const example = await systemPrompt(largeDataset, large, 'top customers by their order total');
    expect(example).toContain('Q: Top 10 customers by order total');
  });

  it('links a value to its column through sampled values, and shows values only when rows may reach the model', async () => {
    const question = 'How many orders came from Lombardy?';
    const shared = await schemaContext({ dataset: largeDataset, catalog: large, question, budget: 1_500 });
    expect(shared.tables).toContain('core.regions');
    expect(shared.text).toContain("'Lombardy'");
    const withheld = await schemaContext({ dataset: { ...largeDataset, shareRowsWithModel: false }, catalog: large, question, budget: 1_500 });
    expect(withheld.tables).toContain('core.regions');
    expect(withheld.text).not.toContain('Lombardy');
  });

  it('renders a table that does not fit in full with its keys and the columns the question names', async () => {
    const customers = large.tables.find((t) => t.id === 'core.customers')!;
    const full = renderTable(customers, largeDataset);
    const context = await schemaContext({ dataset: largeDataset, catalog: large, question: 'lifetime value of customers', budget: countTokens(full) + 40 });
    expect(context.tables[0]).toBe('core.customers');
    expect(context.text).toContain('  lifetime_value numeric(14,2)');
    expect(context.text).toContain('  region_id bigint -> core.regions.id');
    expect(context.text).not.toContain('  email text');
    expect(context.text).toMatch(/\.\.\. \d+ more columns/);
  });

  it('shows only the tables the dataset exposes', async () => {
    const chosen = ['sales.orders', 'core.customers', 'core.regions'];
    const context = await schemaContext({ dataset: { ...largeDataset, tables: chosen, glossary: [], examples: [] }, catalog: large, question: 'orders per carrier and shipment' });
    expect(context.whole).toBe(true);
    expect(new Set(promptTables(context.text))).toEqual(new Set(chosen));
  });

  it('sends a small schema whole, with its glossary and examples', async () => {
    const dataset = { ...sample, glossary: [{ term: 'big basket', meaning: 'an order over 500', sql: 'orders.total > 500' }], examples: [{ question: 'How many returns?', sql: 'SELECT count(*) FROM returns' }] };
    const prompt = await systemPrompt(dataset, sampleCatalog, 'How many big baskets last month?');
    expect(prompt).toBe(systemPrompt(dataset, sampleCatalog));
    expect(new Set(promptTables(prompt))).toEqual(new Set(sampleCatalog.tables.map((t) => t.id)));
    expect(prompt).toContain('- big basket: an order over 500');
    expect(prompt).toContain('Q: How many returns?');
    expect(countTokens(prompt)).toBeLessThanOrEqual(BUDGET);
  });

  it('never puts another dataset or a credential into the prompt', async () => {
    const otherUrl = 'postgres://other_reader:Sup3rSecretPw@warehouse.internal:5432/finance';
    const [other] = await db()
      .insert(datasets)
      .values({
        slug: 'other-secret',
        name: 'Other',
        connectionEncrypted: encryptSecret(otherUrl),
        glossary: [{ term: 'zebra margin', meaning: 'confidential margin formula' }],
        descriptions: { 'finance.invoices': 'other dataset description' },
      })
      .returning();
    const secrets = [env.readerUrl, new URL(env.readerUrl).password, sample.connectionEncrypted, other!.connectionEncrypted, otherUrl, 'Sup3rSecretPw', process.env.QUARRY_SECRET!, env.appUrl];
    const prompts = [
      await systemPrompt(sample, sampleCatalog, 'zebra margin of invoices'),
      await systemPrompt(largeDataset, large, 'zebra margin of invoices'),
    ];
    for (const prompt of prompts) {
      for (const secret of secrets) expect(prompt).not.toContain(secret);
      expect(prompt).not.toContain('zebra');
      expect(prompt).not.toContain('other dataset description');
    }
    const largeIds = new Set(large.tables.map((t) => t.id));
    expect(promptTables(prompts[0]!).some((t) => largeIds.has(t))).toBe(false);
    expect(promptTables(prompts[1]!).some((t) => sampleCatalog.tables.some((s) => s.id === t))).toBe(false);
  });
});
