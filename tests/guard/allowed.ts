/**
 * Legitimate analytics SQL that the SQL guard MUST accept: each case is one read-only SELECT
 * over the six sample-warehouse tables (customers, products, orders, order_items, returns,
 * social_posts) using only side-effect-free built-in functions, with `$n` placeholders matching
 * `params` exactly. Several are deliberately tricky for naive guards: keywords inside string
 * literals, comments and dollar quotes, quoted identifiers named like keywords, aliases and CTE
 * names that look like forbidden objects, a trailing line comment with no newline, a trailing
 * semicolon, and a placeholder used twice.
 *
 * Every case runs on Postgres 15 and 18 against the sample warehouse (any scale) and is cheap
 * at scale 1 (~60k order lines).
 */
export type AllowedCase = { name: string; sql: string; params?: (string | number | boolean | null)[] };

const REVENUE = 'oi.quantity * oi.unit_price * (1 - oi.discount)';

export const allowed: AllowedCase[] = [
  // ---------------------------------------------------------------------------------------
  // Window functions
  {
    name: 'rank customers by revenue within region',
    sql: `SELECT region, customer_id, round(total, 2) AS total,
       rank() OVER (PARTITION BY region ORDER BY total DESC) AS rnk
  FROM (SELECT c.region, c.customer_id, sum(${REVENUE}) AS total
          FROM customers c
          JOIN orders o USING (customer_id)
          JOIN order_items oi USING (order_id)
         WHERE o.status <> 'cancelled'
         GROUP BY 1, 2) t
 ORDER BY region, rnk
 LIMIT 50`,
  },
  {
    name: 'month over month growth with lag',
    sql: `WITH monthly AS (
  SELECT date_trunc('month', o.order_date)::date AS month, sum(${REVENUE}) AS revenue
    FROM orders o
    JOIN order_items oi ON oi.order_id = o.order_id
   WHERE o.status <> 'cancelled'
   GROUP BY 1
)
SELECT month, round(revenue, 2) AS revenue,
       round(100 * (revenue / NULLIF(lag(revenue) OVER (ORDER BY month), 0) - 1), 1) AS mom_pct
  FROM monthly
 ORDER BY month`,
  },
  {
    name: 'seven day moving average with rows frame',
    sql: `SELECT order_date, daily_orders,
       round(avg(daily_orders) OVER (ORDER BY order_date ROWS BETWEEN 6 PRECEDING AND CURRENT ROW), 2) AS ma7
  FROM (SELECT order_date, count(*) AS daily_orders FROM orders GROUP BY order_date) d
 ORDER BY order_date DESC
 LIMIT 30`,
  },
  {
    name: 'rolling four weeks with range frame over dates',
    sql: `SELECT order_date, n,
       sum(n) OVER (ORDER BY order_date RANGE BETWEEN INTERVAL '27 days' PRECEDING AND CURRENT ROW) AS trailing_28d
  FROM (SELECT order_date, count(*) AS n FROM orders WHERE order_date >= DATE '2025-06-01' GROUP BY order_date) d
 ORDER BY order_date`,
  },
  {
    name: 'named window with ntile first_value lead',
    sql: `SELECT product_id, name, category, unit_price,
       ntile(4) OVER w AS price_quartile,
       first_value(name) OVER w AS cheapest_in_category,
       lead(unit_price) OVER w AS next_price,
       row_number() OVER w AS rn
  FROM products
WINDOW w AS (PARTITION BY category ORDER BY unit_price, product_id)
 ORDER BY category, unit_price, product_id
 LIMIT 100`,
  },
  {
    name: 'percent_rank cume_dist dense_rank',
    sql: `SELECT platform, post_id, likes,
       dense_rank() OVER (PARTITION BY platform ORDER BY likes DESC) AS dr,
       round(percent_rank() OVER (PARTITION BY platform ORDER BY likes)::numeric, 4) AS pr,
       round(cume_dist() OVER (PARTITION BY platform ORDER BY likes)::numeric, 4) AS cd
  FROM social_posts
 ORDER BY likes DESC
 LIMIT 25`,
  },
  {
    name: 'running total per customer',
    sql: `SELECT o.customer_id, o.order_id, o.order_date,
       count(*) OVER (PARTITION BY o.customer_id ORDER BY o.order_date, o.order_id) AS nth_order,
       min(o.order_date) OVER (PARTITION BY o.customer_id) AS first_order
  FROM orders o
 WHERE o.customer_id <= 10
 ORDER BY o.customer_id, o.order_date, o.order_id`,
  },

  // ---------------------------------------------------------------------------------------
  // LATERAL joins
  {
    name: 'three most recent orders per customer via lateral',
    sql: `SELECT c.customer_id, c.name, recent.order_id, recent.order_date
  FROM customers c
 CROSS JOIN LATERAL (
   SELECT o.order_id, o.order_date
     FROM orders o
    WHERE o.customer_id = c.customer_id
    ORDER BY o.order_date DESC, o.order_id DESC
    LIMIT 3
 ) AS recent
 WHERE c.region = 'Europe'
 ORDER BY c.customer_id, recent.order_date DESC
 LIMIT 60`,
  },
  {
    name: 'left join lateral aggregate on true',
    sql: `SELECT p.category, p.name, s.units
  FROM products p
  LEFT JOIN LATERAL (SELECT sum(oi.quantity) AS units FROM order_items oi WHERE oi.product_id = p.product_id) s ON true
 ORDER BY s.units DESC NULLS LAST, p.product_id
 LIMIT 20`,
  },
  {
    name: 'lateral unnest of an array',
    sql: `SELECT c.customer_id, part
  FROM customers c
 CROSS JOIN LATERAL unnest(string_to_array(c.name, ' ')) AS part
 WHERE c.customer_id <= 5
 ORDER BY c.customer_id, part`,
  },

  // ---------------------------------------------------------------------------------------
  // CTEs, recursion and calendars
  {
    name: 'recursive calendar of twelve months',
    sql: `WITH RECURSIVE months(month_start, n) AS (
  SELECT DATE '2025-01-01', 1
  UNION ALL
  SELECT (month_start + INTERVAL '1 month')::date, n + 1 FROM months WHERE n < 12
)
SELECT m.month_start, to_char(m.month_start, 'Mon YYYY') AS label, count(o.order_id) AS orders
  FROM months m
  LEFT JOIN orders o ON o.order_date >= m.month_start AND o.order_date < (m.month_start + INTERVAL '1 month')::date
 GROUP BY m.month_start
 ORDER BY m.month_start`,
  },
  {
    name: 'generate_series calendar with gaps filled',
    sql: `SELECT d::date AS day, count(o.order_id) AS orders
  FROM generate_series(DATE '2025-12-01', DATE '2025-12-31', INTERVAL '1 day') AS d
  LEFT JOIN orders o ON o.order_date = d::date
 GROUP BY 1
 ORDER BY 1`,
  },
  {
    name: 'chained ctes with materialization hints',
    sql: `WITH delivered AS MATERIALIZED (
  SELECT order_id, customer_id FROM orders WHERE status IN ('delivered', 'returned')
), per_customer AS NOT MATERIALIZED (
  SELECT d.customer_id, count(*) AS orders, sum(${REVENUE}) AS revenue
    FROM delivered d JOIN order_items oi ON oi.order_id = d.order_id
   GROUP BY d.customer_id
)
SELECT c.segment, count(*) AS customers, round(avg(pc.orders), 2) AS avg_orders, round(avg(pc.revenue), 2) AS avg_revenue
  FROM per_customer pc JOIN customers c ON c.customer_id = pc.customer_id
 GROUP BY c.segment
 ORDER BY c.segment`,
  },
  {
    name: 'cte named like a forbidden table',
    sql: `WITH internal_notes AS (
  SELECT status, count(*) AS n FROM orders GROUP BY status
)
SELECT status, n FROM internal_notes ORDER BY n DESC`,
  },

  // ---------------------------------------------------------------------------------------
  // Subqueries, EXISTS, set operations
  {
    name: 'three levels of nested subqueries',
    sql: `SELECT name
  FROM products
 WHERE product_id IN (
   SELECT product_id FROM order_items WHERE order_id IN (
     SELECT order_id FROM orders WHERE customer_id = (
       SELECT min(customer_id) FROM customers WHERE region = 'Asia Pacific')))
 ORDER BY name`,
  },
  {
    name: 'not exists customers without orders',
    sql: `SELECT count(*) AS never_ordered
  FROM customers c
 WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id)`,
  },
  {
    name: 'exists returned products per category',
    sql: `SELECT p.category, count(*) AS returned_products
  FROM products p
 WHERE EXISTS (SELECT 1 FROM returns r WHERE r.product_id = p.product_id)
 GROUP BY p.category
 ORDER BY 2 DESC, 1`,
  },
  {
    name: 'correlated scalar subquery in select list',
    sql: `SELECT c.customer_id, c.name,
       (SELECT max(o.order_date) FROM orders o WHERE o.customer_id = c.customer_id) AS last_order
  FROM customers c
 ORDER BY c.customer_id
 LIMIT 20`,
  },
  {
    name: 'union all across tables with order by',
    sql: `SELECT 'order' AS kind, order_id::bigint AS id, order_date AS day FROM orders WHERE order_id <= 5
UNION ALL
SELECT 'post', post_id, created_at::date FROM social_posts WHERE post_id <= 5
ORDER BY kind, id`,
  },
  {
    name: 'intersect web and mobile customers',
    sql: `SELECT count(*) FROM (
  SELECT customer_id FROM orders WHERE channel = 'Web'
  INTERSECT
  SELECT customer_id FROM orders WHERE channel = 'Mobile App'
) both_channels`,
  },
  {
    name: 'except churned customers',
    sql: `SELECT customer_id FROM orders WHERE order_date < DATE '2025-01-01'
EXCEPT
SELECT customer_id FROM orders WHERE order_date >= DATE '2025-01-01'
ORDER BY 1
LIMIT 20`,
  },
  {
    name: 'having with subquery on average',
    sql: `SELECT p.category, round(sum(${REVENUE}), 2) AS revenue
  FROM order_items oi JOIN products p ON p.product_id = oi.product_id
 GROUP BY p.category
HAVING sum(${REVENUE}) > (
  SELECT avg(cat_rev) FROM (
    SELECT sum(oi2.quantity * oi2.unit_price * (1 - oi2.discount)) AS cat_rev
      FROM order_items oi2 JOIN products p2 ON p2.product_id = oi2.product_id
     GROUP BY p2.category) x)
 ORDER BY revenue DESC`,
  },
  {
    name: 'distinct on latest order per customer',
    sql: `SELECT DISTINCT ON (customer_id) customer_id, order_id, order_date, channel
  FROM orders
 ORDER BY customer_id, order_date DESC, order_id DESC
 LIMIT 25`,
  },
  {
    name: 'values list joined to orders',
    sql: `SELECT v.kind, count(o.order_id) AS orders
  FROM (VALUES ('Web', 'online'), ('Mobile App', 'online'), ('Marketplace', 'online'), ('Retail Store', 'offline')) AS v(channel, kind)
  LEFT JOIN orders o ON o.channel = v.channel
 GROUP BY v.kind
 ORDER BY v.kind`,
  },

  // ---------------------------------------------------------------------------------------
  // Grouping
  {
    name: 'grouping sets with grouping()',
    sql: `SELECT region, segment, count(*) AS customers, GROUPING(region, segment) AS level
  FROM customers
 GROUP BY GROUPING SETS ((region, segment), (region), ())
 ORDER BY level, region NULLS LAST, segment NULLS LAST`,
  },
  {
    name: 'rollup category subcategory revenue',
    sql: `SELECT p.category, p.subcategory, round(sum(${REVENUE}), 2) AS revenue
  FROM order_items oi JOIN products p ON p.product_id = oi.product_id
 GROUP BY ROLLUP (p.category, p.subcategory)
 ORDER BY p.category NULLS LAST, p.subcategory NULLS LAST`,
  },
  {
    name: 'cube channel by status',
    sql: `SELECT channel, status, count(*) AS n
  FROM orders
 GROUP BY CUBE (channel, status)
 ORDER BY channel NULLS FIRST, status NULLS FIRST`,
  },
  {
    name: 'filter clauses and bool aggregates',
    sql: `SELECT channel,
       count(*) AS orders,
       count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE status = 'returned') AS returned,
       round(100.0 * count(*) FILTER (WHERE status = 'cancelled') / count(*), 2) AS cancel_pct,
       bool_or(status = 'processing') AS any_processing,
       count(DISTINCT customer_id) AS customers
  FROM orders
 GROUP BY channel
 ORDER BY channel`,
  },

  // ---------------------------------------------------------------------------------------
  // CASE, COALESCE, NULLIF, numeric
  {
    name: 'case price bands',
    sql: `SELECT CASE WHEN unit_price < 25 THEN 'budget'
            WHEN unit_price < 100 THEN 'mid'
            WHEN unit_price < 500 THEN 'premium'
            ELSE 'luxury' END AS band,
       count(*) AS products, min(unit_price) AS min_price, max(unit_price) AS max_price
  FROM products
 GROUP BY 1
 ORDER BY min(unit_price)`,
  },
  {
    name: 'return rate with coalesce and nullif',
    sql: `SELECT p.category,
       coalesce(r.returned, 0) AS returned_lines,
       s.sold_lines,
       round(100.0 * coalesce(r.returned, 0) / NULLIF(s.sold_lines, 0), 2) AS return_pct
  FROM (SELECT DISTINCT category FROM products) p
  LEFT JOIN (SELECT pr.category, count(*) AS returned FROM returns rt JOIN products pr ON pr.product_id = rt.product_id GROUP BY pr.category) r
    ON r.category = p.category
  LEFT JOIN (SELECT pr.category, count(*) AS sold_lines FROM order_items oi JOIN products pr ON pr.product_id = oi.product_id GROUP BY pr.category) s
    ON s.category = p.category
 ORDER BY return_pct DESC NULLS LAST`,
  },
  {
    name: 'percentiles stddev and mode',
    sql: `SELECT category,
       round(avg(unit_price), 2) AS mean,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY unit_price) AS median,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY unit_price) AS p90,
       mode() WITHIN GROUP (ORDER BY brand) AS top_brand,
       round(stddev(unit_price), 2) AS sd,
       round(variance(unit_price), 2) AS var,
       ceil(max(unit_price)) AS ceil_max,
       floor(min(unit_price)) AS floor_min
  FROM products
 GROUP BY category
 ORDER BY category`,
  },
  {
    name: 'correlation and regression per platform',
    sql: `SELECT platform,
       round(corr(likes, shares)::numeric, 3) AS corr_likes_shares,
       round(regr_slope(comments, likes)::numeric, 4) AS comments_per_like,
       greatest(max(likes), 0) AS max_likes,
       least(min(likes), 1000000) AS min_likes
  FROM social_posts
 GROUP BY platform
 ORDER BY platform`,
  },
  {
    name: 'casts cast as int numeric text date',
    sql: `SELECT CAST(avg(quantity) AS int) AS avg_qty,
       sum(unit_price)::numeric(14, 2) AS total_list,
       min(order_id::text || '-' || line_number::text) AS first_key,
       '2024-02-28'::date + 1 AS leap_day,
       CAST('42' AS integer) + 1 AS answer,
       max(discount)::float8 AS max_discount
  FROM order_items`,
  },

  // ---------------------------------------------------------------------------------------
  // Dates and times
  {
    name: 'date arithmetic age to_char',
    sql: `SELECT customer_id, signup_date,
       age(DATE '2025-12-31', signup_date) AS tenure,
       DATE '2025-12-31' - signup_date AS days_since_signup,
       to_char(signup_date, 'Mon YYYY') AS signup_month,
       signup_date + INTERVAL '90 days' AS trial_end,
       justify_interval(INTERVAL '40 days 30 hours') AS normalized
  FROM customers
 ORDER BY signup_date, customer_id
 LIMIT 10`,
  },
  {
    name: 'extract weekday and year',
    sql: `SELECT extract(year FROM order_date) AS yr,
       extract(isodow FROM order_date) AS dow,
       to_char(order_date, 'Dy') AS dow_name,
       count(*) AS orders
  FROM orders
 GROUP BY 1, 2, 3
 ORDER BY 1, 2`,
  },
  {
    name: 'posts by utc hour and epoch',
    sql: `SELECT extract(hour FROM created_at AT TIME ZONE 'UTC') AS hour_utc,
       count(*) AS posts,
       min(extract(epoch FROM created_at))::bigint AS first_epoch,
       date_part('year', max(created_at AT TIME ZONE 'UTC')) AS last_year
  FROM social_posts
 GROUP BY 1
 ORDER BY 1`,
  },
  {
    name: 'days from order to return',
    sql: `SELECT r.reason,
       count(*) AS returns,
       round(avg(r.returned_on - o.order_date), 1) AS avg_days,
       max(r.returned_on - o.order_date) AS max_days,
       make_date(2025, 12, 31) - max(r.returned_on) AS days_since_last
  FROM returns r JOIN orders o ON o.order_id = r.order_id
 GROUP BY r.reason
 ORDER BY returns DESC`,
  },

  // ---------------------------------------------------------------------------------------
  // Strings
  {
    name: 'email domains with string functions',
    sql: `SELECT lower(split_part(email, '@', 2)) AS domain,
       count(*) AS customers,
       max(length(name)) AS longest_name,
       string_agg(DISTINCT upper(left(name, 1)), '' ORDER BY upper(left(name, 1))) AS initials
  FROM customers
 GROUP BY 1
 ORDER BY 2 DESC`,
  },
  {
    name: 'regexp_replace concat initcap',
    sql: String.raw`SELECT product_id,
       concat(brand, ' / ', regexp_replace(name, '\s+\d+$', '')) AS label,
       initcap(lower(category)) AS category_title,
       replace(subcategory, ' ', '_') AS slug,
       position('Pro' IN name) > 0 AS is_pro,
       format('%s (%s)', name, to_char(unit_price, 'FM999990.00')) AS display,
       lpad(product_id::text, 6, '0') AS sku
  FROM products
 WHERE name ~* '^[a-z]'
 ORDER BY product_id
 LIMIT 20`,
  },
  {
    name: 'string_agg ordered top products per category',
    sql: `SELECT category, string_agg(name, ', ' ORDER BY unit_price DESC) AS names
  FROM (SELECT category, name, unit_price,
               row_number() OVER (PARTITION BY category ORDER BY unit_price DESC, product_id) AS rn
          FROM products) p
 WHERE rn <= 3
 GROUP BY category
 ORDER BY category`,
  },
  {
    name: 'arrays array_agg cardinality any',
    sql: `SELECT o.order_id,
       array_agg(oi.product_id ORDER BY oi.line_number) AS products,
       cardinality(array_agg(oi.product_id)) AS lines
  FROM orders o JOIN order_items oi ON oi.order_id = o.order_id
 WHERE o.status = ANY (ARRAY['returned', 'cancelled'])
 GROUP BY o.order_id
 ORDER BY o.order_id
 LIMIT 15`,
  },

  // ---------------------------------------------------------------------------------------
  // JSON
  {
    name: 'json_build_object per region',
    sql: `SELECT json_build_object('region', region, 'customers', count(*), 'segments', count(DISTINCT segment)) AS doc
  FROM customers
 GROUP BY region
 ORDER BY region`,
  },
  {
    name: 'jsonb_agg of orders per customer',
    sql: `SELECT c.customer_id,
       jsonb_agg(jsonb_build_object('order_id', o.order_id, 'date', o.order_date, 'status', o.status) ORDER BY o.order_date, o.order_id) AS orders
  FROM customers c JOIN orders o USING (customer_id)
 WHERE c.customer_id <= 5
 GROUP BY c.customer_id
 ORDER BY c.customer_id`,
  },
  {
    name: 'row_to_json and json operators',
    sql: `SELECT row_to_json(p) AS product,
       to_jsonb(p) ->> 'name' AS name,
       (to_jsonb(p) ->> 'unit_price')::numeric AS price
  FROM (SELECT product_id, name, unit_price FROM products ORDER BY product_id LIMIT 5) p`,
  },

  // ---------------------------------------------------------------------------------------
  // Literals, comments and identifiers that look dangerous but are not
  {
    name: 'string literals containing attack text',
    sql: `SELECT 'DROP TABLE orders; --' AS note,
       'DELETE FROM orders /* x */' AS another,
       'a;b' AS semi,
       'it''s; TRUNCATE orders' AS quoted_quote,
       count(*) AS n
  FROM orders
 WHERE status <> 'DELETE; DROP TABLE orders'`,
  },
  {
    name: 'line comment containing drop table',
    sql: `SELECT count(*) -- DROP TABLE orders;
  FROM orders`,
  },
  {
    name: 'block comment containing statements',
    sql: 'SELECT /* DROP TABLE orders; DELETE FROM orders; */ count(*) FROM customers',
  },
  {
    name: 'nested block comment',
    sql: 'SELECT /* outer /* DROP TABLE orders; */ still a comment; */ count(*) FROM products',
  },
  {
    name: 'trailing line comment without newline',
    sql: 'SELECT count(*) FROM orders -- ; DROP TABLE orders',
  },
  {
    name: 'dollar quoted string with semicolons',
    sql: 'SELECT $$; DELETE FROM orders; $$ AS txt, count(*) AS n FROM orders',
  },
  {
    name: 'tagged dollar quote containing $$',
    sql: `SELECT $q$It's $$ ; DROP TABLE orders $q$ AS txt, count(*) AS n FROM returns`,
  },
  {
    name: 'escape and unicode string literals',
    sql: String.raw`SELECT E'line one\nline two; DROP TABLE orders' AS e_string, U&'d\0061ta' AS u_string, count(*) AS n FROM social_posts`,
  },
  {
    name: 'quoted identifiers named like keywords',
    sql: 'SELECT count(*) AS "delete", region AS "select" FROM customers GROUP BY 2 ORDER BY 2',
  },
  {
    name: 'aliases named like forbidden objects',
    sql: `SELECT api_keys.order_id AS "pg_sleep", api_keys.status AS "DROP TABLE orders", api_keys.order_date AS "secrets.api_keys"
  FROM public.orders AS api_keys
 ORDER BY 1
 LIMIT 5`,
  },
  {
    name: 'schema qualified and quoted table names',
    sql: `SELECT c.region, count(DISTINCT o.order_id) AS orders
  FROM public.orders o
  JOIN "public"."customers" c ON c.customer_id = o.customer_id
  JOIN "order_items" oi ON oi.order_id = o.order_id
 GROUP BY c.region
 ORDER BY c.region`,
  },
  {
    name: 'mixed case keywords tabs and newlines',
    sql: 'sElEcT\tcount(*) AS n,\n\tMAX(Order_Date) AS latest\nFrOm\tOrders\r\nWhErE\tStatus = \'delivered\'',
  },
  {
    name: 'fetch first with ties',
    sql: `SELECT product_id, sum(quantity) AS units
  FROM order_items
 GROUP BY product_id
 ORDER BY units DESC
 FETCH FIRST 5 ROWS WITH TIES`,
  },
  {
    name: 'trailing semicolon',
    sql: 'SELECT count(*) AS returns FROM returns;',
  },

  // ---------------------------------------------------------------------------------------
  // Parameters
  {
    name: 'text param',
    sql: 'SELECT count(*) AS orders FROM orders WHERE channel = $1',
    params: ['Web'],
  },
  {
    name: 'number param',
    sql: 'SELECT order_id, order_date, status FROM orders WHERE customer_id = $1 ORDER BY order_date, order_id',
    params: [7],
  },
  {
    name: 'date param used twice',
    sql: `SELECT count(*) AS orders, min(order_date) AS first_day, max(order_date) AS last_day
  FROM orders
 WHERE order_date >= $1::date AND order_date < $1::date + 30`,
    params: ['2024-03-01'],
  },
  {
    name: 'limit and offset params',
    sql: 'SELECT product_id, name FROM products ORDER BY product_id LIMIT $1 OFFSET $2',
    params: [10, 20],
  },
  {
    name: 'boolean and null params',
    sql: `SELECT count(*) AS n
  FROM orders
 WHERE ($1::boolean OR status <> 'cancelled')
   AND channel = coalesce($2::text, channel)`,
    params: [false, null],
  },
  {
    name: 'ilike pattern param',
    sql: `SELECT product_id, name FROM products WHERE name ILIKE '%' || $1 || '%' ORDER BY product_id LIMIT 20`,
    params: ['pro'],
  },
  {
    name: 'array literal param',
    sql: 'SELECT customer_id, name, region FROM customers WHERE customer_id = ANY ($1::int[]) ORDER BY customer_id',
    params: ['{1,2,3}'],
  },
  {
    name: 'three params of mixed types',
    sql: `SELECT c.region, count(*) AS orders
  FROM orders o JOIN customers c ON c.customer_id = o.customer_id
 WHERE o.order_date BETWEEN $1::date AND $2::date
   AND c.segment = $3
 GROUP BY c.region
 ORDER BY orders DESC`,
    params: ['2025-01-01', '2025-06-30', 'Corporate'],
  },
];
