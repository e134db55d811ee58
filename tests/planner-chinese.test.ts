import { describe, expect, it } from 'vitest';
import { noKnowledge } from '@/lib/planner/knowledge';
import { planConversation } from '@/lib/planner/model';
import { planQuestion } from '@/lib/planner/plan';
import type { Catalog } from '@/lib/warehouse/catalog';
import { col, table } from './helpers/catalog';

/** The sample store: customers place orders of products, one line per product, and return some. */
const catalog: Catalog = {
  types: [],
  tables: [
    table('customers', [col('customer_id', 'integer'), col('name'), col('region'), col('country'), col('segment'), col('signup_date', 'date')]),
    table('products', [col('product_id', 'integer'), col('name'), col('category'), col('unit_price', 'numeric')]),
    table('orders', [col('order_id', 'integer'), col('customer_id', 'integer'), col('order_date', 'date'), col('channel'), col('status')], [
      { columns: ['customer_id'], table: 'public.customers', refColumns: ['customer_id'] },
    ]),
    table('order_items', [col('order_item_id', 'integer'), col('order_id', 'integer'), col('product_id', 'integer'), col('quantity', 'integer'), col('unit_price', 'numeric'), col('discount', 'numeric')], [
      { columns: ['order_id'], table: 'public.orders', refColumns: ['order_id'] },
      { columns: ['product_id'], table: 'public.products', refColumns: ['product_id'] },
    ]),
    table('returns', [col('return_id', 'integer'), col('order_id', 'integer'), col('product_id', 'integer'), col('return_date', 'date'), col('reason'), col('refund_amount', 'numeric')], [
      { columns: ['order_id'], table: 'public.orders', refColumns: ['order_id'] },
      { columns: ['product_id'], table: 'public.products', refColumns: ['product_id'] },
    ]),
  ],
};
const knowledge = noKnowledge();
/** Sunday 15 March 2026. */
const today = new Date(Date.UTC(2026, 2, 15));
/** The plan of a question, or of the last question of a conversation. */
const asked = (...questions: string[]) => {
  const planned = planConversation(questions, catalog, knowledge, today);
  if (!planned.ok) throw new Error(`${questions.at(-1)}: ${planned.missing.map((m) => m.en).join('; ')}`);
  return planned.plan;
};

describe('Chinese question forms', () => {
  it('reads a superlative after what it counts: 订单最多 is "the most orders"', () => {
    const most = asked('Which channel has the most orders?');
    expect(asked('哪个渠道的订单最多？')).toEqual(most);
    expect(asked('哪个渠道订单最多')).toEqual(most);
    expect(asked('订单最多的渠道')).toEqual(most);
    expect(asked('订单最少的渠道')).toEqual(asked('Which channel has the fewest orders?'));
    expect(asked('哪个地区的客户最多？')).toEqual(asked('Which region has the most customers?'));
    expect(asked('退货最多的产品类别')).toEqual(asked('Which product category has the most returns?'));
    expect(asked('哪个品类的退货最多？')).toEqual(asked('Which product category has the most returns?'));
  });

  it('ranks what follows the superlative, not counts it: 订单最多的客户 is the customer with the most orders', () => {
    expect(asked('订单最多的客户')).toMatchObject({ measure: { fn: 'count', table: { name: 'orders' } }, groupBy: [{ kind: 'entity', table: { name: 'customers' } }], limit: 1 });
    // 订单金额最高的客户 ranks customers by an order value it cannot total per customer: no guess.
    expect(planQuestion('订单金额最高的客户', catalog, { knowledge, today }).ok).toBe(false);
  });

  it('declines a superlative with nothing to rank rather than ignoring it', () => {
    // Not the sum of every product's unit price.
    const planned = planQuestion('单价最高的产品', catalog, { knowledge, today });
    expect(planned.ok ? 'planned' : planned.missing.map((m) => m.en).join('; ')).toContain('what to rank');
  });

  it('counts a table named twice: once grouped by its column, once counted', () => {
    expect(asked('每个退货原因的退货数')).toEqual(asked('Number of returns by reason'));
    expect(asked('按退货原因统计退货数')).toEqual(asked('Number of returns by reason'));
  });

  it('reads 得 as a particle and 花 as spending: 哪个客户买得最多, 花得最多', () => {
    expect(asked('哪个客户买得最多')).toEqual(asked('Which customer spent the most?'));
    expect(asked('哪个客户花得最多')).toEqual(asked('Which customer spent the most?'));
  });

  it('reads 分布 as a distribution, not 分 ("by")', () => {
    expect(asked('各渠道订单分布')).toEqual(asked('Orders by channel'));
  });

  it('lists as many rows as a which-question names: 哪5个产品, "which 5 products"', () => {
    expect(asked('哪5个产品的退货最多')).toMatchObject({ measure: { fn: 'count', table: { name: 'returns' } }, groupBy: [{ kind: 'entity', table: { name: 'products' } }], limit: 5 });
    expect(asked('Which 5 products have the most returns?')).toEqual(asked('哪五个产品的退货最多'));
  });

  it('reads 各月, 按月份 and 各年 as time buckets', () => {
    expect(asked('2025年各月的销售额')).toEqual(asked('Monthly revenue in 2025'));
    expect(asked('按月份统计销售额')).toEqual(asked('Monthly revenue'));
    expect(asked('各年的销售额')).toEqual(asked('Yearly revenue'));
  });

  it('reads 新 as "new" before a count: 每个月的新客户数', () => {
    expect(asked('每个月的新客户数')).toEqual(asked('New customers per month'));
  });

  it('reads a question ending in 呢 as a follow-up: 销售额呢？ is "what about revenue?"', () => {
    expect(asked('各地区的订单数', '销售额呢？')).toEqual(asked('Orders by region', 'what about revenue?'));
  });
});
