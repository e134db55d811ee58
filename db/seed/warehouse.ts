/**
 * Deterministic sample warehouse for Quarry: a fictional online retailer with
 * customers, products, orders, order lines, returns and social-media posts
 * covering 2023-01-01 .. 2025-12-31.
 *
 * Rows are produced lazily by generators and streamed with COPY, so memory
 * stays flat at any scale. Every random draw comes from seeded PRNG streams,
 * so the same (scale, seed) always yields byte-identical tables.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export const SAMPLE_SCALE_DEFAULT = 1;
const SEED_DEFAULT = 42;

export interface LoadSampleWarehouseOptions {
  /** 1 ≈ 20k orders / 60k order lines; fractional values are allowed. */
  scale?: number;
  seed?: number;
  onProgress?: (msg: string) => void;
}

export interface LoadSampleWarehouseResult {
  /** Rows loaded per table. */
  tables: Record<string, number>;
}

/**
 * (Re)creates the sample tables in schema `public` and loads them. Runs in its own
 * transaction (pass a client that is not inside one): on failure nothing is left behind.
 */
export async function loadSampleWarehouse(
  client: pg.ClientBase,
  options: LoadSampleWarehouseOptions = {},
): Promise<LoadSampleWarehouseResult> {
  const scale = options.scale ?? SAMPLE_SCALE_DEFAULT;
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new RangeError(`scale must be a positive number, got ${scale}`);
  }
  const progress = options.onProgress ?? (() => {});
  const plan = createPlan(scale, options.seed ?? SEED_DEFAULT);
  const tables: Record<string, number> = {};

  await client.query('BEGIN');
  try {
    // Index and foreign-key builds after the load are the slow part at large scales.
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    await client.query(createTablesSql());
    for (const table of TABLES) {
      const started = performance.now();
      tables[table.name] = await copyRows(client, table, table.rows(plan));
      progress(`${table.name}: ${tables[table.name]} rows (${Math.round(performance.now() - started)} ms)`);
    }
    progress('Adding keys, indexes and comments');
    await client.query(CONSTRAINTS_SQL);
    await client.query(commentsSql());
    progress('Analyzing');
    await client.query(`ANALYZE ${TABLES.map((t) => t.name).join(', ')}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  }
  return { tables };
}

/** True when all sample tables exist in `public` and `orders` has rows. */
export async function hasSampleWarehouse(client: pg.ClientBase): Promise<boolean> {
  const names = TABLES.map((t) => t.name);
  const found = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY($1)`,
    [names],
  );
  if (found.rows[0]?.n !== names.length) return false;
  const orders = await client.query<{ ok: boolean }>('SELECT EXISTS (SELECT 1 FROM public.orders) AS ok');
  return orders.rows[0]?.ok === true;
}

// ---------------------------------------------------------------------------
// Randomness

type Rng = () => number;

function mulberry32(state: number): Rng {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Independent stream per purpose, so one table's draws never shift another's and
 * the order generator can be replayed identically for orders, order_items and returns.
 */
function rngFor(seed: number, purpose: string): Rng {
  let hash = (2166136261 ^ seed) >>> 0; // FNV-1a
  for (let i = 0; i < purpose.length; i++) {
    hash = Math.imul(hash ^ purpose.charCodeAt(i), 16777619) >>> 0;
  }
  return mulberry32(hash);
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

/** Weighted choice for short lists of [value, weight] pairs. */
function choose<T>(rng: Rng, options: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, weight] of options) total += weight;
  let target = rng() * total;
  for (const [value, weight] of options) {
    target -= weight;
    if (target < 0) return value;
  }
  return options[options.length - 1]![0];
}

function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Pareto(alpha) with minimum 1. */
function pareto(rng: Rng, alpha: number): number {
  return (1 - rng()) ** (-1 / alpha);
}

/** Noisy count around `expected`, rounded stochastically so totals stay unbiased. */
function noisyCount(rng: Rng, expected: number, relativeNoise: number): number {
  const x = Math.max(0, expected * (1 + relativeNoise * gaussian(rng)));
  const whole = Math.floor(x);
  return whole + (rng() < x - whole ? 1 : 0);
}

/** Weighted index sampling in O(log n) over large weight arrays. */
class Sampler {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cumulative[i] = sum += weights[i]!;
  }

  /** Index in [0, limit) drawn proportionally to its weight. */
  index(rng: Rng, limit = this.cumulative.length): number {
    const target = rng() * this.cumulative[limit - 1]!;
    let lo = 0;
    let hi = limit - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------------------
// Calendar: day 0 = 2023-01-01, last day = 2025-12-31.

const DAY_MS = 86_400_000;
const FIRST_DAY_MS = Date.UTC(2023, 0, 1);
const HISTORY_DAYS = (Date.UTC(2026, 0, 1) - FIRST_DAY_MS) / DAY_MS;
const LAST_DAY = HISTORY_DAYS - 1;
const DAYS_PER_YEAR = 365.25;

//                    Jan   Feb   Mar   Apr   May   Jun   Jul   Aug   Sep   Oct   Nov   Dec
const ORDER_MONTH = [0.9, 0.86, 0.96, 0.97, 0.98, 0.84, 0.78, 0.8, 0.97, 1.04, 1.36, 1.55];
const POST_MONTH = [0.92, 0.9, 0.95, 0.97, 1.0, 0.96, 0.94, 0.95, 0.98, 1.02, 1.3, 1.35];
//                    Sun   Mon   Tue   Wed   Thu   Fri   Sat
const ORDER_WEEKDAY = [1.12, 0.98, 0.93, 0.94, 0.97, 1.0, 1.1];
const POST_WEEKDAY = [0.9, 1.05, 1.05, 1.05, 1.02, 1.0, 0.93];
const ORDER_GROWTH_PER_YEAR = 1.4;
const POST_GROWTH_PER_YEAR = 1.55;
const PRICE_INFLATION_PER_YEAR = 1.035;

interface Day {
  index: number;
  iso: string;
  month: number;
  /** Years since 2023-01-01. */
  years: number;
  orderDemand: number;
  postDemand: number;
  /** Sale period: more and deeper discounts. */
  promo: boolean;
  /** Price charged relative to today's list price. */
  priceFactor: number;
}

const isoCache = new Map<number, string>();

function isoDate(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(FIRST_DAY_MS + day * DAY_MS).toISOString().slice(0, 10);
    isoCache.set(day, iso);
  }
  return iso;
}

const CALENDAR: Day[] = buildCalendar();

function buildCalendar(): Day[] {
  const days: Day[] = [];
  for (let index = 0; index < HISTORY_DAYS; index++) {
    const date = new Date(FIRST_DAY_MS + index * DAY_MS);
    const month = date.getUTCMonth();
    const weekday = date.getUTCDay();
    const years = index / DAYS_PER_YEAR;
    const event = salesEvent(date);
    days.push({
      index,
      iso: isoDate(index),
      month,
      years,
      orderDemand: ORDER_GROWTH_PER_YEAR ** years * ORDER_MONTH[month]! * ORDER_WEEKDAY[weekday]! * event.demand,
      postDemand: POST_GROWTH_PER_YEAR ** years * POST_MONTH[month]! * POST_WEEKDAY[weekday]! * Math.sqrt(event.demand),
      promo: event.promo,
      priceFactor: PRICE_INFLATION_PER_YEAR ** (-(LAST_DAY - index) / DAYS_PER_YEAR),
    });
  }
  return days;
}

/** Black Friday to Cyber Monday, the December gift season, a July summer sale and holiday lulls. */
function salesEvent(date: Date): { demand: number; promo: boolean } {
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  const sinceBlackFriday = (date.getTime() - blackFriday(date.getUTCFullYear())) / DAY_MS;
  const thanksgivingToCyberMonday = [0.85, 2.6, 1.7, 1.5, 2.2][sinceBlackFriday + 1];
  if (thanksgivingToCyberMonday !== undefined) return { demand: thanksgivingToCyberMonday, promo: sinceBlackFriday >= 0 };
  if (month === 11) {
    const lull = { 24: 0.75, 25: 0.5, 26: 1.2, 31: 0.8 }[dayOfMonth] ?? 1;
    return { demand: lull, promo: dayOfMonth <= 20 };
  }
  if (month === 0 && dayOfMonth === 1) return { demand: 0.6, promo: false };
  if (month === 6 && dayOfMonth >= 10 && dayOfMonth <= 16) return { demand: 1.25, promo: true };
  return { demand: 1, promo: false };
}

/** The day after the fourth Thursday of November (US Thanksgiving), in epoch ms. */
function blackFriday(year: number): number {
  const novemberFirstWeekday = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const firstThursday = 1 + ((4 - novemberFirstWeekday + 7) % 7);
  return Date.UTC(year, 10, firstThursday + 22);
}

// ---------------------------------------------------------------------------
// Reference data

interface Region {
  name: string;
  share: number;
  countries: readonly (readonly [string, number])[];
  firstNames: readonly string[];
  lastNames: readonly string[];
}

const REGIONS: Region[] = [
  {
    name: 'North America',
    share: 36,
    countries: [['United States', 84], ['Canada', 16]],
    firstNames: words('James Mary Michael Jennifer David Linda Robert Emily Daniel Jessica Tyler Ashley Ethan Olivia'),
    lastNames: words('Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Clark'),
  },
  {
    name: 'Europe',
    share: 30,
    countries: [
      ['United Kingdom', 24], ['Germany', 22], ['France', 17], ['Spain', 10], ['Italy', 10],
      ['Netherlands', 7], ['Sweden', 5], ['Poland', 5],
    ],
    firstNames: words('Lukas Emma Luca Sofia Hugo Chloé Jan Anna Oliver Amelia Mateo Elena Noah Léa'),
    lastNames: words("Müller Schmidt Rossi Dubois Martin García Novak Jansen Kowalski Andersson O'Brien Fischer Moreau Bianchi"),
  },
  {
    name: 'Asia Pacific',
    share: 20,
    countries: [
      ['Australia', 26], ['Japan', 22], ['India', 18], ['South Korea', 12], ['Singapore', 9],
      ['New Zealand', 6], ['Malaysia', 7],
    ],
    firstNames: words('Wei Yuki Aarav Priya Min-jun Ji-woo Haruto Mei Arjun Ananya Jack Charlotte Hiroshi Siti'),
    lastNames: words('Wang Li Chen Tanaka Sato Kim Park Sharma Patel Singh Nguyen Tan Wilson Ito'),
  },
  {
    name: 'Latin America',
    share: 9,
    countries: [['Brazil', 38], ['Mexico', 30], ['Argentina', 12], ['Colombia', 11], ['Chile', 9]],
    firstNames: words('Santiago Valentina Mateo Camila Sebastián Isabella Gabriel Mariana Lucas Fernanda Diego Luciana'),
    lastNames: words('Silva Santos González Rodríguez Hernández López Pérez Oliveira Gómez Fernández Ramírez Torres'),
  },
  {
    name: 'Middle East & Africa',
    share: 5,
    countries: [
      ['United Arab Emirates', 24], ['Saudi Arabia', 20], ['South Africa', 20], ['Israel', 14],
      ['Egypt', 12], ['Nigeria', 10],
    ],
    firstNames: words('Mohammed Fatima Omar Aisha Yusuf Layla Ahmed Noura Thabo Amara Daniel Zanele Tamar Chidi'),
    lastNames: words('Al-Sayed Haddad Khan Rahman Mansour Okafor Nkosi Mensah Cohen Levi Abdullah Farouk Adeyemi Naidoo'),
  },
];

const SEGMENTS = ['Consumer', 'Corporate', 'Small Business'] as const;
const SEGMENT_SHARE = [0.62, 0.2, 0.18];
/** Relative order frequency and extra-unit propensity per segment. */
const SEGMENT_ORDER_RATE = [1, 1.9, 1.4];
const SEGMENT_EXTRA_UNITS = [0, 0.2, 0.12];

type PriceBand = readonly [noun: string, minUsd: number, maxUsd: number];

interface Category {
  name: string;
  /** Relative share of the catalogue. */
  share: number;
  brands: readonly string[];
  adjectives: readonly string[];
  subcategories: Record<string, readonly PriceBand[]>;
  /** Probability that a delivered line of this category gets returned. */
  returnRate: number;
  returnReasons: readonly (readonly [string, number])[];
  /** Demand multiplier by month (Jan..Dec). */
  season: readonly number[];
}

const COMMON_REASONS = [
  ['Defective or damaged', 30], ['Not as described', 20], ['Changed mind', 22],
  ['Wrong item shipped', 10], ['Arrived too late', 6],
] as const;

const CATEGORIES: Category[] = [
  {
    name: 'Electronics',
    share: 20,
    brands: words('Voltra Nexon Auralis Kinetiq Lumetra Orbitek'),
    adjectives: words('Pro Ultra Compact Smart Portable Max Lite Elite'),
    subcategories: {
      Audio: [['Headphones', 59, 349], ['Earbuds', 29, 249], ['Bluetooth Speaker', 25, 299], ['Soundbar', 129, 799]],
      Computers: [['Laptop', 499, 2199], ['Monitor', 149, 899], ['Mechanical Keyboard', 49, 199], ['Wireless Mouse', 19, 99]],
      'Mobile Accessories': [['Phone Case', 12, 49], ['Fast Charger', 15, 59], ['Power Bank', 25, 89], ['Smartwatch', 99, 449]],
      'Smart Home': [['Smart Plug', 15, 39], ['Security Camera', 39, 199], ['Video Doorbell', 79, 249], ['Thermostat', 99, 279]],
    },
    returnRate: 0.021,
    returnReasons: [...COMMON_REASONS, ['Compatibility issue', 14]],
    season: [0.9, 0.85, 0.9, 0.9, 0.9, 0.9, 0.95, 1.0, 1.0, 1.0, 1.5, 1.4],
  },
  {
    name: 'Home & Kitchen',
    share: 18,
    brands: ['Hearthwell', 'Casa Verde', 'Kitchly', 'Oakmere', 'Copperleaf'],
    adjectives: words('Classic Modern Deluxe Essential Nordic Premium'),
    subcategories: {
      Cookware: [['Nonstick Skillet', 25, 89], ['Dutch Oven', 49, 299], ['Knife Set', 39, 249], ['Cutting Board', 15, 59]],
      'Small Appliances': [['Blender', 39, 299], ['Coffee Maker', 29, 349], ['Air Fryer', 59, 199], ['Electric Kettle', 25, 99]],
      'Home Decor': [['Table Lamp', 29, 149], ['Throw Pillow', 15, 49], ['Wall Clock', 19, 89], ['Scented Candle', 9, 39]],
      'Bed & Bath': [['Duvet Cover', 39, 149], ['Bath Towel Set', 25, 89], ['Memory Foam Pillow', 29, 99]],
    },
    returnRate: 0.016,
    returnReasons: COMMON_REASONS,
    season: [1.05, 1, 1, 1, 1.05, 1, 0.95, 0.95, 1, 1, 1.3, 1.3],
  },
  {
    name: 'Clothing',
    share: 18,
    brands: ['Northbound', 'Urban Thread', 'Linea', 'Solstice', 'Maple & Moss'],
    adjectives: words('Classic Slim-Fit Relaxed Organic Essential Heritage'),
    subcategories: {
      "Men's": [['T-Shirt', 12, 39], ['Chino Pants', 35, 89], ['Denim Jacket', 59, 149], ['Hoodie', 35, 89]],
      "Women's": [['Blouse', 25, 79], ['Midi Dress', 39, 129], ['Leggings', 25, 79], ['Cardigan', 39, 119]],
      Shoes: [['Running Shoes', 59, 179], ['Sneakers', 49, 139], ['Ankle Boots', 79, 219]],
      Accessories: [['Leather Belt', 19, 69], ['Beanie', 12, 35], ['Sunglasses', 19, 159]],
    },
    returnRate: 0.036,
    returnReasons: [...COMMON_REASONS, ['Wrong size or fit', 60]],
    season: [0.9, 0.85, 1.0, 1.05, 1.05, 1.0, 0.95, 1.05, 1.1, 1.05, 1.15, 1.2],
  },
  {
    name: 'Sports & Outdoors',
    share: 12,
    brands: ['Trailpeak', 'Stridex', 'Summit & Co', 'AquaFlow', 'Ridgeline'],
    adjectives: words('Trail Pro Ultralight All-Weather Performance Adventure'),
    subcategories: {
      Camping: [['Tent', 89, 499], ['Sleeping Bag', 49, 249], ['Camping Stove', 39, 149], ['Headlamp', 15, 59]],
      Fitness: [['Yoga Mat', 19, 89], ['Adjustable Dumbbells', 79, 399], ['Resistance Bands', 12, 39], ['Foam Roller', 15, 45]],
      Cycling: [['Bike Helmet', 39, 199], ['Bike Light Set', 19, 79], ['Water Bottle', 9, 35]],
    },
    returnRate: 0.016,
    returnReasons: [...COMMON_REASONS, ['Wrong size or fit', 12]],
    season: [0.85, 0.8, 1.0, 1.2, 1.35, 1.45, 1.4, 1.2, 1.0, 0.85, 0.85, 0.95],
  },
  {
    name: 'Books',
    share: 12,
    brands: ['Pinecrest Press', 'Halcyon Books', 'Blue Ember', 'Lantern House'],
    adjectives: words("Illustrated Complete Essential Bestselling Pocket Collector's"),
    subcategories: {
      Fiction: [['Mystery Novel', 9, 28], ['Fantasy Novel', 10, 32], ['Science Fiction Novel', 10, 30], ['Romance Novel', 8, 22]],
      'Non-Fiction': [['Cookbook', 18, 45], ['Biography', 15, 35], ['Travel Guide', 14, 32], ['Business Handbook', 18, 40]],
      "Children's": [['Picture Book', 7, 19], ['Activity Book', 6, 15], ['Bedtime Stories', 9, 24]],
    },
    returnRate: 0.006,
    returnReasons: COMMON_REASONS,
    season: [1.1, 1, 1, 1, 1, 1.05, 1.1, 1.05, 1, 1, 1, 1.3],
  },
  {
    name: 'Beauty',
    share: 10,
    brands: ['Lumière', 'Glowry', 'Pure Petal', 'Verdane', 'Solenne'],
    adjectives: words('Hydrating Radiance Gentle Overnight Botanical Daily'),
    subcategories: {
      Skincare: [['Face Serum', 18, 89], ['Moisturizer', 15, 69], ['Sunscreen', 12, 39], ['Cleanser', 9, 35]],
      Makeup: [['Lipstick', 9, 39], ['Mascara', 9, 32], ['Foundation', 15, 55]],
      'Hair Care': [['Shampoo', 8, 32], ['Conditioner', 8, 32], ['Hair Oil', 12, 45]],
      Fragrance: [['Eau de Parfum', 39, 159], ['Body Mist', 12, 35]],
    },
    returnRate: 0.01,
    returnReasons: [...COMMON_REASONS, ['Allergic reaction', 8]],
    season: [1, 1.15, 1, 1, 1.1, 1, 1, 1, 1, 1, 1.2, 1.4],
  },
  {
    name: 'Toys',
    share: 10,
    brands: ['Tinker Town', 'BrightBlocks', 'Wonderloop', 'Puzzleworks'],
    adjectives: words('Deluxe Junior Classic Mega Creative Magnetic'),
    subcategories: {
      'Building Sets': [['Building Set', 19, 149], ['Marble Run', 29, 89]],
      'Games & Puzzles': [['Board Game', 19, 59], ['Jigsaw Puzzle', 12, 35], ['Card Game', 9, 25]],
      'Dolls & Plush': [['Plush Bear', 12, 39], ['Doll House', 49, 199]],
      'Outdoor Play': [['Kite', 12, 39], ['Kick Scooter', 39, 129]],
    },
    returnRate: 0.012,
    returnReasons: COMMON_REASONS,
    season: [0.7, 0.6, 0.7, 0.8, 0.8, 0.85, 0.85, 0.8, 0.9, 1.1, 1.8, 2.6],
  },
];

const CATEGORY_MAX_SEASON = Array.from({ length: 12 }, (_, m) => Math.max(...CATEGORIES.map((c) => c.season[m]!)));

const CHANNELS = ['Web', 'Mobile App', 'Marketplace', 'Retail Store'] as const;
type Channel = (typeof CHANNELS)[number];
/** Channel mix at the start and end of the history; the app gains share over time. */
const CHANNEL_MIX_2023 = [0.46, 0.2, 0.2, 0.14];
const CHANNEL_MIX_2025 = [0.36, 0.34, 0.19, 0.11];

const LINE_COUNTS = [[1, 22], [2, 18], [3, 20], [4, 20], [5, 20]] as const;
const DISCOUNTS_PER_MIL = [[50, 30], [100, 26], [150, 16], [200, 11], [250, 7], [300, 5], [400, 3], [500, 2]] as const;

interface Platform {
  name: string;
  mix2023: number;
  mix2025: number;
  medianLikes: number;
  shareRate: number;
  commentRate: number;
}

const PLATFORMS: Platform[] = [
  { name: 'Twitter/X', mix2023: 24, mix2025: 15, medianLikes: 14, shareRate: 0.2, commentRate: 0.1 },
  { name: 'Instagram', mix2023: 25, mix2025: 25, medianLikes: 85, shareRate: 0.04, commentRate: 0.05 },
  { name: 'TikTok', mix2023: 12, mix2025: 27, medianLikes: 150, shareRate: 0.07, commentRate: 0.04 },
  { name: 'LinkedIn', mix2023: 7, mix2025: 7, medianLikes: 30, shareRate: 0.06, commentRate: 0.05 },
  { name: 'Facebook', mix2023: 20, mix2025: 13, medianLikes: 25, shareRate: 0.1, commentRate: 0.09 },
  { name: 'Reddit', mix2023: 12, mix2025: 13, medianLikes: 40, shareRate: 0.02, commentRate: 0.35 },
];

const THEMES: readonly (readonly [topic: string, weight: number, season?: Partial<Record<number, number>>])[] = [
  ['customer service', 1.2, { 11: 1.5, 0: 1.4 }],
  ['shipping', 0.9, { 10: 1.6, 11: 2.3 }],
  ['promotions', 1.0, { 6: 1.6, 9: 1.2, 10: 3.2, 11: 1.8 }],
  ['sustainability', 0.5],
  ['product launch', 0.6, { 2: 1.3, 8: 1.5 }],
  ['pricing', 0.6],
];

/** Topic mix per month: themes plus categories following their sales seasonality. */
const TOPICS_BY_MONTH: { topics: string[]; sampler: Sampler }[] = Array.from({ length: 12 }, (_, month) => {
  const entries: [string, number][] = [
    ...CATEGORIES.map((c): [string, number] => [c.name, (c.share / 15) * c.season[month]!]),
    ...THEMES.map(([topic, weight, season]): [string, number] => [topic, weight * (season?.[month] ?? 1)]),
  ];
  return { topics: entries.map(([t]) => t), sampler: new Sampler(entries.map(([, w]) => w)) };
});

//                   00  01  02  03  04  05  06  07  08  09  10  11  12  13  14  15  16  17  18  19  20  21  22  23
const POST_HOURS = new Sampler([3, 2, 1.5, 1, 1, 1.2, 2, 3.5, 4.5, 5, 5, 5.5, 6.5, 6.5, 6, 5.5, 5.5, 6, 7, 8, 8.5, 8, 6.5, 4.5]);

function words(list: string): string[] {
  return list.split(' ');
}

// ---------------------------------------------------------------------------
// Schema: one source of truth for DDL, COPY column lists and comments.

interface Column {
  name: string;
  type: string;
  comment: string;
}

interface Table {
  name: string;
  comment: string;
  columns: Column[];
  rows: (plan: Plan) => Iterable<string>;
}

const REVENUE = 'quantity * unit_price * (1 - discount)';

const TABLES: Table[] = [
  {
    name: 'customers',
    comment:
      'Registered customers of the online retailer, one row per customer account. Some customers never placed an order. ' +
      'Order history starts 2023-01-01, but about 30% of customers signed up earlier (2021-2022).',
    rows: customerRows,
    columns: [
      { name: 'customer_id', type: 'integer', comment: 'Unique customer identifier (primary key); referenced by orders.customer_id.' },
      { name: 'name', type: 'text', comment: 'Customer full name (first and last name).' },
      { name: 'email', type: 'text', comment: 'Customer email address; unique, fictitious (example.com/.net/.org domains).' },
      {
        name: 'region',
        type: 'text',
        comment:
          "Sales region of the customer's billing address: 'North America', 'Europe', 'Asia Pacific', 'Latin America' or 'Middle East & Africa'.",
      },
      {
        name: 'country',
        type: 'text',
        comment: "Country of the customer's billing address, English name (e.g. 'United States', 'Germany'); each country belongs to exactly one region.",
      },
      {
        name: 'segment',
        type: 'text',
        comment: "Customer segment: 'Consumer' (individuals), 'Corporate' (large companies, larger and more frequent orders) or 'Small Business'.",
      },
      { name: 'signup_date', type: 'date', comment: 'Date the customer created their account; customers only order on or after this date.' },
    ],
  },
  {
    name: 'products',
    comment:
      'Product catalogue, one row per sellable product. Sales are long-tailed: a small share of products accounts for most units sold.',
    rows: productRows,
    columns: [
      { name: 'product_id', type: 'integer', comment: 'Unique product identifier (primary key); referenced by order_items and returns.' },
      { name: 'name', type: 'text', comment: "Product display name, formatted 'Brand Adjective Noun' (e.g. 'Voltra Pro Headphones')." },
      { name: 'category', type: 'text', comment: `Top-level product category: ${quotedList(CATEGORIES.map((c) => c.name))}.` },
      { name: 'subcategory', type: 'text', comment: "Subcategory within the category (e.g. 'Audio' within 'Electronics', 'Fiction' within 'Books')." },
      { name: 'brand', type: 'text', comment: 'Brand (manufacturer or publisher) of the product; each brand sells in a single category.' },
      {
        name: 'unit_price',
        type: 'numeric(10,2)',
        comment:
          'Current list price per unit in USD (as of 2025-12-31). Prices actually charged are in order_items.unit_price and are a few percent lower for older orders.',
      },
      { name: 'launched_on', type: 'date', comment: 'Date the product was first offered for sale; it has no sales before this date.' },
    ],
  },
  {
    name: 'orders',
    comment:
      'Order headers, one row per customer order placed 2023-01-01 .. 2025-12-31. Amounts live in order_items: ' +
      `order revenue in USD = SUM(order_items.${REVENUE}). Cancelled orders were never fulfilled; exclude status = 'cancelled' when measuring sales.`,
    rows: (plan) => mapRows(generateOrders(plan), orderRow),
    columns: [
      { name: 'order_id', type: 'integer', comment: 'Unique order identifier (primary key); increases with order_date.' },
      { name: 'customer_id', type: 'integer', comment: 'Customer who placed the order (references customers.customer_id).' },
      { name: 'order_date', type: 'date', comment: 'Calendar date the order was placed (no time of day).' },
      {
        name: 'channel',
        type: 'text',
        comment: "Sales channel: 'Web' (website), 'Mobile App', 'Marketplace' (third-party marketplaces) or 'Retail Store' (in-person purchase).",
      },
      {
        name: 'status',
        type: 'text',
        comment:
          "Fulfilment status as of 2025-12-31: 'processing' (not yet shipped), 'shipped' (in transit), 'delivered', " +
          "'cancelled' (cancelled before shipping, not charged) or 'returned' (delivered, then one or more lines were returned; see returns).",
      },
    ],
  },
  {
    name: 'order_items',
    comment:
      'Order lines, one row per product within an order (1-5 lines per order, each product at most once per order). ' +
      `Line revenue in USD = ${REVENUE}; order revenue is the sum over its lines.`,
    rows: (plan) => flatMapRows(generateOrders(plan), orderItemRows),
    columns: [
      { name: 'order_id', type: 'integer', comment: 'Order this line belongs to (references orders.order_id).' },
      { name: 'line_number', type: 'integer', comment: 'Position of the line within its order, starting at 1; (order_id, line_number) is the primary key.' },
      { name: 'product_id', type: 'integer', comment: 'Product sold on this line (references products.product_id).' },
      { name: 'quantity', type: 'integer', comment: 'Number of units sold on this line (1 or more).' },
      { name: 'unit_price', type: 'numeric(10,2)', comment: 'Price per unit in USD at the time of sale, before discount.' },
      {
        name: 'discount',
        type: 'numeric(4,3)',
        comment: `Discount as a fraction of the line amount, 0 to 0.5 (0.150 = 15% off). Line revenue in USD = ${REVENUE}.`,
      },
    ],
  },
  {
    name: 'returns',
    comment:
      "Product returns, one row per returned order line. About 5% of delivered orders have a return; those orders have status 'returned'. " +
      'The returned quantity is the full quantity of the order line.',
    rows: (plan) => flatMapRows(generateOrders(plan), returnRows),
    columns: [
      { name: 'return_id', type: 'integer', comment: 'Unique return identifier (primary key).' },
      { name: 'order_id', type: 'integer', comment: 'Order the returned line belongs to (references orders.order_id).' },
      {
        name: 'product_id',
        type: 'integer',
        comment: 'Returned product (references products.product_id); matches the order_items line of the same order with this product_id.',
      },
      { name: 'returned_on', type: 'date', comment: 'Date the return was received, after the order was delivered.' },
      {
        name: 'reason',
        type: 'text',
        comment: `Customer-stated return reason, one of: ${quotedList(CATEGORIES.flatMap((c) => c.returnReasons.map(([reason]) => reason)))}.`,
      },
      {
        name: 'refund_amount',
        type: 'numeric(12,2)',
        comment: `Amount refunded in USD: the line revenue (${REVENUE}), minus a 10% restocking fee when the reason is 'Changed mind'.`,
      },
    ],
  },
  {
    name: 'social_posts',
    comment:
      'Public social-media posts mentioning the retailer or its products, with engagement counts at collection time (end of 2025). ' +
      'Not linked to customers or orders. Engagement is heavy-tailed: most posts get little, a few go viral.',
    rows: socialPostRows,
    columns: [
      { name: 'post_id', type: 'bigint', comment: 'Unique post identifier (primary key); increases with created_at.' },
      {
        name: 'platform',
        type: 'text',
        comment: "Social network: 'Twitter/X', 'Instagram', 'TikTok', 'LinkedIn', 'Facebook' or 'Reddit'.",
      },
      {
        name: 'topic',
        type: 'text',
        comment: `Main topic of the post: a product category (same values as products.category) or one of the themes ${quotedList(THEMES.map(([topic]) => topic))}.`,
      },
      { name: 'created_at', type: 'timestamptz', comment: 'When the post was published (timestamp with time zone, generated in UTC).' },
      { name: 'likes', type: 'integer', comment: 'Number of likes/reactions (upvotes on Reddit).' },
      { name: 'shares', type: 'integer', comment: 'Number of shares, reposts or retweets.' },
      { name: 'comments', type: 'integer', comment: 'Number of comments or replies.' },
    ],
  },
];

const CONSTRAINTS_SQL = `
  ALTER TABLE customers ADD PRIMARY KEY (customer_id);
  ALTER TABLE products ADD PRIMARY KEY (product_id);
  ALTER TABLE orders ADD PRIMARY KEY (order_id),
    ADD FOREIGN KEY (customer_id) REFERENCES customers;
  ALTER TABLE order_items ADD PRIMARY KEY (order_id, line_number),
    ADD FOREIGN KEY (order_id) REFERENCES orders,
    ADD FOREIGN KEY (product_id) REFERENCES products;
  ALTER TABLE returns ADD PRIMARY KEY (return_id),
    ADD FOREIGN KEY (order_id) REFERENCES orders,
    ADD FOREIGN KEY (product_id) REFERENCES products;
  ALTER TABLE social_posts ADD PRIMARY KEY (post_id);
  CREATE INDEX ON orders (customer_id);
  CREATE INDEX ON orders (order_date);
  CREATE INDEX ON order_items (product_id);
  CREATE INDEX ON returns (order_id);
  CREATE INDEX ON returns (product_id);
  CREATE INDEX ON social_posts (created_at);
`;

function quotedList(values: readonly string[]): string {
  return [...new Set(values)].map((v) => `'${v}'`).join(', ');
}

function createTablesSql(): string {
  const drop = `DROP TABLE IF EXISTS ${TABLES.map((t) => `public.${t.name}`).join(', ')} CASCADE;`;
  const creates = TABLES.map(
    (t) => `CREATE TABLE public.${t.name} (${t.columns.map((c) => `${c.name} ${c.type} NOT NULL`).join(', ')});`,
  );
  return [drop, ...creates].join('\n');
}

function commentsSql(): string {
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  return TABLES.flatMap((t) => [
    `COMMENT ON TABLE public.${t.name} IS ${quote(t.comment)};`,
    ...t.columns.map((c) => `COMMENT ON COLUMN public.${t.name}.${c.name} IS ${quote(c.comment)};`),
  ]).join('\n');
}

async function copyRows(client: pg.ClientBase, table: Table, lines: Iterable<string>): Promise<number> {
  const columns = table.columns.map((c) => c.name).join(', ');
  // FREEZE is allowed because the table was created in this transaction; rows are
  // written already frozen/all-visible, so the first queries don't rewrite pages.
  const sink = client.query(copyFrom(`COPY public.${table.name} (${columns}) FROM STDIN WITH (FORMAT text, FREEZE)`));
  await pipeline(Readable.from(chunked(lines)), sink);
  return sink.rowCount;
}

/** Groups lines into ~64 KB strings: one COPY message per chunk instead of per row. */
function* chunked(lines: Iterable<string>, maxChars = 1 << 16): Generator<string> {
  let buffer = '';
  for (const line of lines) {
    buffer += line;
    if (buffer.length >= maxChars) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

function* mapRows<T>(items: Iterable<T>, toLine: (item: T) => string): Generator<string> {
  for (const item of items) yield toLine(item);
}

function* flatMapRows<T>(items: Iterable<T>, toLines: (item: T) => Iterable<string>): Generator<string> {
  for (const item of items) yield* toLines(item);
}

// ---------------------------------------------------------------------------
// Plan: sizes plus the small lookup tables shared by the row generators.

interface Product {
  id: number;
  name: string;
  category: Category;
  subcategory: string;
  brand: string;
  listCents: number;
  launchDay: number;
}

interface Plan {
  seed: number;
  customerCount: number;
  /** Sorted ascending, so customer ids increase with signup date. */
  signupDay: Int32Array;
  segment: Uint8Array;
  customerSampler: Sampler;
  products: Product[];
  productSampler: Sampler;
  ordersPerDemand: number;
  postsPerDemand: number;
}

function createPlan(scale: number, seed: number): Plan {
  const normalizedSeed = seed >>> 0;
  const customerCount = Math.max(20, Math.round(2000 * scale));
  const productCount = Math.max(20, Math.round(500 * Math.sqrt(scale)));
  const customers = planCustomers(rngFor(normalizedSeed, 'customer-plan'), customerCount);
  const products = planProducts(rngFor(normalizedSeed, 'products'), productCount);
  const sum = (f: (d: Day) => number) => CALENDAR.reduce((acc, d) => acc + f(d), 0);
  return {
    seed: normalizedSeed,
    customerCount,
    ...customers,
    products,
    productSampler: zipfSampler(rngFor(normalizedSeed, 'popularity'), productCount),
    ordersPerDemand: (20_000 * scale) / sum((d) => d.orderDemand),
    postsPerDemand: (5_000 * scale) / sum((d) => d.postDemand),
  };
}

function planCustomers(rng: Rng, count: number) {
  const signupDay = new Int32Array(count);
  // At least one customer predates the history so the first day's orders have someone to come from.
  for (let i = 0; i < count; i++) {
    signupDay[i] = i === 0 || rng() < 0.3 ? -1 - Math.floor(rng() * 730) : growingDay(rng, ORDER_GROWTH_PER_YEAR);
  }
  signupDay.sort();
  const segment = new Uint8Array(count);
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    segment[i] = choose(rng, SEGMENT_SHARE.map((share, s) => [s, share] as const));
    // Pareto order propensity, capped so a single account cannot dominate small scales.
    weights[i] = Math.min(pareto(rng, 1.3), 30) * SEGMENT_ORDER_RATE[segment[i]!]!;
  }
  return { signupDay, segment, customerSampler: new Sampler(weights) };
}

/** A day in the history with density growing by `growthPerYear`. */
function growingDay(rng: Rng, growthPerYear: number): number {
  const rate = Math.log(growthPerYear) / DAYS_PER_YEAR;
  return Math.min(LAST_DAY, Math.floor(Math.log1p(rng() * Math.expm1(rate * HISTORY_DAYS)) / rate));
}

function planProducts(rng: Rng, count: number): Product[] {
  const names = new Set<string>();
  const products: Product[] = [];
  for (let id = 1; id <= count; id++) {
    const category = choose(rng, CATEGORIES.map((c) => [c, c.share] as const));
    const subcategory = pick(rng, Object.keys(category.subcategories));
    const [noun, minUsd, maxUsd] = pick(rng, category.subcategories[subcategory]!);
    const brand = pick(rng, category.brands);
    const name = uniqueName(names, `${brand} ${pickAdjective(rng, category, noun)} ${noun}`);
    const listCents = priceCents(rng, minUsd, maxUsd);
    // Product 1 always predates the history so every order can find a product.
    const launchDay = id === 1 || rng() < 0.7 ? -1 - Math.floor(rng() * 1826) : Math.floor(rng() * (LAST_DAY - 60));
    products.push({ id, name, category, subcategory, brand, listCents, launchDay });
  }
  return products;
}

/** Avoids names like "Smart Smart Plug". */
function pickAdjective(rng: Rng, category: Category, noun: string): string {
  const fitting = category.adjectives.filter((a) => !noun.includes(a));
  return pick(rng, fitting.length > 0 ? fitting : category.adjectives);
}

function uniqueName(taken: Set<string>, name: string): string {
  let candidate = name;
  for (let generation = 2; taken.has(candidate); generation++) candidate = `${name} ${generation}`;
  taken.add(candidate);
  return candidate;
}

/** Log-scale price within the band, skewed cheap. */
function priceCents(rng: Rng, minUsd: number, maxUsd: number): number {
  return retailCents(Math.exp(Math.log(minUsd) + rng() ** 1.4 * Math.log(maxUsd / minUsd)));
}

/** Retail price ending: x.99 below $100, xx9.99 above. Idempotent on its own output. */
function retailCents(usd: number): number {
  return usd < 100 ? Math.floor(usd) * 100 + 99 : Math.round(usd / 10) * 1000 - 1;
}

/** Zipf-Mandelbrot popularity over a random ranking of the products. */
function zipfSampler(rng: Rng, count: number): Sampler {
  const rank = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  return new Sampler(rank.map((r) => 1 / (r + 3) ** 1.05));
}

// ---------------------------------------------------------------------------
// Customers and products rows

function* customerRows(plan: Plan): Generator<string> {
  const rng = rngFor(plan.seed, 'customers');
  for (let i = 0; i < plan.customerCount; i++) {
    const id = i + 1;
    const region = choose(rng, REGIONS.map((r) => [r, r.share] as const));
    const country = choose(rng, region.countries);
    const first = pick(rng, region.firstNames);
    const last = pick(rng, region.lastNames);
    const email = `${emailLocalPart(rng, first, last)}${id}@${pick(rng, ['example.com', 'example.net', 'example.org'])}`;
    const segment = SEGMENTS[plan.segment[i]!]!;
    yield `${id}\t${copyText(`${first} ${last}`)}\t${email}\t${region.name}\t${country}\t${segment}\t${isoDate(plan.signupDay[i]!)}\n`;
  }
}

function emailLocalPart(rng: Rng, first: string, last: string): string {
  const f = asciiSlug(first);
  const l = asciiSlug(last);
  return choose(rng, [[`${f}.${l}`, 5], [`${f[0]}${l}`, 3], [`${f}_${l}`, 2]]);
}

function asciiSlug(s: string): string {
  return s.normalize('NFD').replace(/[^A-Za-z0-9]/g, '').toLowerCase();
}

function* productRows(plan: Plan): Generator<string> {
  for (const p of plan.products) {
    yield `${p.id}\t${copyText(p.name)}\t${p.category.name}\t${p.subcategory}\t${p.brand}\t${money(p.listCents)}\t${isoDate(p.launchDay)}\n`;
  }
}

// ---------------------------------------------------------------------------
// Orders, order lines and returns: one generator replayed for each of the three tables.

type Status = 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

interface OrderLine {
  product: Product;
  quantity: number;
  unitCents: number;
  discountPerMil: number;
}

interface ReturnLine {
  returnId: number;
  productId: number;
  day: number;
  reason: string;
  refundCents: number;
}

interface Order {
  id: number;
  customerId: number;
  day: Day;
  channel: Channel;
  status: Status;
  lines: OrderLine[];
  returns: ReturnLine[];
}

function* generateOrders(plan: Plan): Generator<Order> {
  const rng = rngFor(plan.seed, 'orders');
  const counter = { orderId: 0, returnId: 0 };
  let eligibleCustomers = 0;
  for (const day of CALENDAR) {
    while (eligibleCustomers < plan.customerCount && plan.signupDay[eligibleCustomers]! <= day.index) {
      eligibleCustomers++;
    }
    const count = noisyCount(rng, plan.ordersPerDemand * day.orderDemand, 0.08);
    for (let k = 0; k < count; k++) {
      const customer = plan.customerSampler.index(rng, eligibleCustomers);
      yield buildOrder(rng, plan, day, customer, counter);
    }
  }
}

function buildOrder(rng: Rng, plan: Plan, day: Day, customer: number, counter: { orderId: number; returnId: number }): Order {
  const channel = pickChannel(rng, day);
  const extraUnits = SEGMENT_EXTRA_UNITS[plan.segment[customer]!]!;
  const lines: OrderLine[] = [];
  const lineCount = choose(rng, LINE_COUNTS);
  for (let n = 0; n < lineCount; n++) {
    const product = pickProduct(rng, plan, day, lines);
    if (product) lines.push(buildLine(rng, product, day, extraUnits));
  }
  const { status, deliveredDay } = fulfilment(rng, day, channel);
  const returns = status === 'delivered' ? buildReturns(rng, lines, deliveredDay, counter) : [];
  return {
    id: ++counter.orderId,
    customerId: customer + 1,
    day,
    channel,
    status: returns.length > 0 ? 'returned' : status,
    lines,
    returns,
  };
}

function pickChannel(rng: Rng, day: Day): Channel {
  const progress = day.years / 3;
  return choose(
    rng,
    CHANNELS.map((c, i) => [c, CHANNEL_MIX_2023[i]! + (CHANNEL_MIX_2025[i]! - CHANNEL_MIX_2023[i]!) * progress] as const),
  );
}

/**
 * Zipf popularity, thinned by rejection: not yet launched, out of season, or
 * already in the order. Undefined after too many misses (the line is dropped).
 */
function pickProduct(rng: Rng, plan: Plan, day: Day, lines: readonly OrderLine[]): Product | undefined {
  for (let attempt = 0; attempt < 30; attempt++) {
    const product = plan.products[plan.productSampler.index(rng)]!;
    if (product.launchDay > day.index) continue;
    if (rng() * CATEGORY_MAX_SEASON[day.month]! > product.category.season[day.month]!) continue;
    if (lines.some((line) => line.product === product)) continue;
    return product;
  }
  const fallback = plan.products[0]!;
  return lines.some((line) => line.product === fallback) ? undefined : fallback;
}

function buildLine(rng: Rng, product: Product, day: Day, extraUnits: number): OrderLine {
  const unitCents = retailCents((product.listCents / 100) * day.priceFactor);
  const moreUnits = (unitCents < 2000 ? 0.35 : unitCents < 10000 ? 0.18 : 0.05) + extraUnits;
  let quantity = 1;
  while (quantity < 10 && rng() < moreUnits) quantity++;
  const discounted = rng() < (day.promo ? 0.65 : 0.28);
  const discountPerMil = discounted ? choose(rng, DISCOUNTS_PER_MIL) : 0;
  return { product, quantity, unitCents, discountPerMil };
}

/** Status as of the last day, from cancellation, handling and transit times. */
function fulfilment(rng: Rng, day: Day, channel: Channel): { status: Status; deliveredDay: number } {
  const cancelRate = channel === 'Marketplace' ? 0.05 : channel === 'Retail Store' ? 0.01 : 0.03;
  if (rng() < cancelRate) return { status: 'cancelled', deliveredDay: -1 };
  if (channel === 'Retail Store') return { status: 'delivered', deliveredDay: day.index };
  const shippedDay = day.index + (rng() < 0.6 ? 0 : 1);
  const deliveredDay = shippedDay + 2 + Math.floor(rng() * 5);
  if (shippedDay > LAST_DAY) return { status: 'processing', deliveredDay: -1 };
  if (deliveredDay > LAST_DAY) return { status: 'shipped', deliveredDay: -1 };
  return { status: 'delivered', deliveredDay };
}

function buildReturns(
  rng: Rng,
  lines: readonly OrderLine[],
  deliveredDay: number,
  counter: { returnId: number },
): ReturnLine[] {
  const returned = lines.filter((line) => rng() < line.product.category.returnRate);
  if (returned.length === 0) return [];
  // Most returns arrive within the first two weeks; none after the history ends.
  const day = deliveredDay + 1 + Math.min(29, Math.floor(-Math.log(1 - rng()) * 7));
  if (day > LAST_DAY) return [];
  return returned.map((line) => {
    const reason = choose(rng, line.product.category.returnReasons);
    const lineCents = (line.quantity * line.unitCents * (1000 - line.discountPerMil)) / 1000;
    const refundCents = Math.round(reason === 'Changed mind' ? lineCents * 0.9 : lineCents);
    return { returnId: ++counter.returnId, productId: line.product.id, day, reason, refundCents };
  });
}

function orderRow(o: Order): string {
  return `${o.id}\t${o.customerId}\t${o.day.iso}\t${o.channel}\t${o.status}\n`;
}

function* orderItemRows(o: Order): Generator<string> {
  let lineNumber = 0;
  for (const l of o.lines) {
    yield `${o.id}\t${++lineNumber}\t${l.product.id}\t${l.quantity}\t${money(l.unitCents)}\t${perMil(l.discountPerMil)}\n`;
  }
}

function* returnRows(o: Order): Generator<string> {
  for (const r of o.returns) {
    yield `${r.returnId}\t${o.id}\t${r.productId}\t${isoDate(r.day)}\t${r.reason}\t${money(r.refundCents)}\n`;
  }
}

// ---------------------------------------------------------------------------
// Social posts

function* socialPostRows(plan: Plan): Generator<string> {
  const rng = rngFor(plan.seed, 'social');
  let postId = 0;
  for (const day of CALENDAR) {
    const count = noisyCount(rng, plan.postsPerDemand * day.postDemand, 0.15);
    const seconds = Array.from({ length: count }, () => POST_HOURS.index(rng) * 3600 + Math.floor(rng() * 3600));
    seconds.sort((a, b) => a - b);
    for (const second of seconds) yield socialPostRow(rng, ++postId, day, second);
  }
}

function socialPostRow(rng: Rng, postId: number, day: Day, second: number): string {
  const progress = day.years / 3;
  const platform = choose(rng, PLATFORMS.map((p) => [p, p.mix2023 + (p.mix2025 - p.mix2023) * progress] as const));
  const { topics, sampler } = TOPICS_BY_MONTH[day.month]!;
  const topic = topics[sampler.index(rng)]!;
  // Log-normal engagement plus rare viral posts; audiences grow over time.
  let likes = platform.medianLikes * 1.3 ** day.years * Math.exp(1.25 * gaussian(rng));
  if (rng() < 0.004) likes *= 20 + rng() * 180;
  const complaintFactor = topic === 'customer service' || topic === 'shipping' ? 2 : 1;
  const shares = likes * platform.shareRate * Math.exp(0.7 * gaussian(rng));
  const comments = likes * platform.commentRate * complaintFactor * Math.exp(0.7 * gaussian(rng));
  const time = `${pad2(Math.floor(second / 3600))}:${pad2(Math.floor(second / 60) % 60)}:${pad2(second % 60)}`;
  return `${postId}\t${platform.name}\t${topic}\t${day.iso} ${time}+00\t${Math.floor(likes)}\t${Math.floor(shares)}\t${Math.floor(comments)}\n`;
}

// ---------------------------------------------------------------------------
// COPY text-format encoding

function money(cents: number): string {
  return `${Math.floor(cents / 100)}.${pad2(cents % 100)}`;
}

function perMil(value: number): string {
  return `0.${String(value).padStart(3, '0')}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Escapes the characters that are special in COPY text format. */
function copyText(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}
