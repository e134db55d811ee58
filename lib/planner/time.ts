/**
 * A half-open date range [from, to) as ISO dates, and how to say it in English and in Chinese;
 * `unit`: the calendar unit of the periods a span runs between ("from Q1 to Q3 2025").
 */
export type DateRange = { from: string; to: string; label: string; zh: string; unit?: Grain };
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.slice(0, 3)));
const monthName = (month: number) => `${MONTHS[month]![0]!.toUpperCase()}${MONTHS[month]!.slice(1)}`;
const ZH_UNITS: Record<string, string> = { day: '天', week: '周', month: '个月', year: '年' };
const ZH_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d = 1) => new Date(Date.UTC(y, m, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Chinese numerals up to 99 as digits ("十二" -> 12), so one grammar reads both. */
export function chineseNumerals(text: string): string {
  return text.replace(/[一二两三四五六七八九十]+/g, (s) => {
    if (s.length === 1) return String(ZH_DIGITS[s]);
    const ten = s.indexOf('十');
    if (ten < 0) return s;
    const tens = ten === 0 ? 1 : ZH_DIGITS[s[ten - 1]!] ?? 1;
    const ones = ten === s.length - 1 ? 0 : ZH_DIGITS[s[ten + 1]!] ?? 0;
    return String(tens * 10 + ones);
  });
}

/** `at`: where `text`, the part of the question naming the range, starts. */
type Match = { range: DateRange; text: string; at: number };

/**
 * The time range a question names, relative to `today` (UTC): years, quarters, months, "last
 * month", "past 7 days", "since March", "year to date", and their Chinese forms. `text` is the
 * part of the question it consumed.
 */
export function parseTimeRange(question: string, today: Date): Match | undefined {
  const q = chineseNumerals(question.toLowerCase());
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const start = utc(y, m, today.getUTCDate());
  const quarterStart = (year: number, quarter: number) => utc(year, (quarter - 1) * 3);
  const rules: [RegExp, (r: RegExpExecArray) => DateRange | undefined][] = [
    [/\bq([1-4])\s*(?:of\s+)?((?:19|20)\d{2})\b|\b((?:19|20)\d{2})\s*q([1-4])\b/, (r) => {
      const [quarter, year] = r[1] ? [Number(r[1]), Number(r[2])] : [Number(r[4]), Number(r[3])];
      return { from: iso(quarterStart(year, quarter)), to: iso(quarterStart(year, quarter + 1)), label: `Q${quarter} ${year}`, zh: `${year}年第${quarter}季度` };
    }],
    [/((?:19|20)\d{2})\s*年\s*(?:第\s*)?([1-4])\s*季度/, (r) => ({ from: iso(quarterStart(+r[1]!, +r[2]!)), to: iso(quarterStart(+r[1]!, +r[2]! + 1)), label: `Q${r[2]} ${r[1]}`, zh: `${r[1]}年第${r[2]}季度` })],
    [new RegExp(`\\bsince\\s+${MONTH_RE}(?:\\s+((?:19|20)\\d{2}))?\\b`), (r) => {
      const month = monthIndex(r[1]!);
      const year = r[2] ? Number(r[2]) : month <= m ? y : y - 1;
      return { from: iso(utc(year, month)), to: iso(addDays(start, 1)), label: `since ${monthName(month)} ${year}`, zh: `${year}年${month + 1}月以来` };
    }],
    [/\bsince\s+((?:19|20)\d{2})\b/, (r) => ({ from: `${r[1]}-01-01`, to: iso(addDays(start, 1)), label: `since ${r[1]}`, zh: `${r[1]}年以来` })],
    [/(?:自|从)\s*(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月(?:份)?\s*(?:以来|至今|起)/, (r) => {
      const month = Number(r[2]) - 1;
      const year = r[1] ? Number(r[1]) : month <= m ? y : y - 1;
      return { from: iso(utc(year, month)), to: iso(addDays(start, 1)), label: `since ${monthName(month)} ${year}`, zh: `${year}年${month + 1}月以来` };
    }],
    [new RegExp(`\\b${MONTH_RE}\\s+((?:19|20)\\d{2})\\b`), (r) => {
      const month = monthIndex(r[1]!);
      return { from: iso(utc(+r[2]!, month)), to: iso(utc(+r[2]!, month + 1)), label: `${monthName(month)} ${r[2]}`, zh: `${r[2]}年${month + 1}月` };
    }],
    [/((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/, (r) => ({ from: iso(utc(+r[1]!, +r[2]! - 1)), to: iso(utc(+r[1]!, +r[2]!)), label: `${monthName(+r[2]! - 1)} ${r[1]}`, zh: `${r[1]}年${+r[2]!}月` })],
    [/\b(?:year to date|ytd|this year so far)\b|今年以来|今年至今/, () => ({ from: iso(utc(y, 0)), to: iso(addDays(start, 1)), label: 'year to date', zh: '今年以来' })],
    [/\b(?:in the )?(?:past|last|previous|recent)\s+(\d+)\s+(day|week|month|year)s?\b|(?:过去|最近|近)\s*(\d+)\s*(天|日|周|个?星期|个?月|年)/, (r) => {
      const n = Number(r[1] ?? r[3]);
      const unit = r[2] ?? ({ 天: 'day', 日: 'day', 周: 'week', 星期: 'week', 个星期: 'week', 月: 'month', 个月: 'month', 年: 'year' } as Record<string, string>)[r[4]!];
      const end = addDays(start, 1);
      const from = unit === 'day' ? addDays(end, -n) : unit === 'week' ? addDays(end, -7 * n) : unit === 'month' ? utc(y, m - n, today.getUTCDate() + 1) : utc(y - n, m, today.getUTCDate() + 1);
      return { from: iso(from), to: iso(end), label: `the past ${n} ${unit}${n === 1 ? '' : 's'}`, zh: `过去${n}${ZH_UNITS[unit]}` };
    }],
    [/\blast month\b|\bprevious month\b|上个?月/, () => ({ from: iso(utc(y, m - 1)), to: iso(utc(y, m)), label: 'last month', zh: '上个月' })],
    [/\bthis month\b|本月|这个月/, () => ({ from: iso(utc(y, m)), to: iso(utc(y, m + 1)), label: 'this month', zh: '本月' })],
    [/\blast quarter\b|\bprevious quarter\b|上个?季度/, () => {
      const q0 = Math.floor(m / 3);
      return { from: iso(utc(y, (q0 - 1) * 3)), to: iso(utc(y, q0 * 3)), label: 'last quarter', zh: '上季度' };
    }],
    [/\bthis quarter\b|本季度|这个季度/, () => {
      const q0 = Math.floor(m / 3);
      return { from: iso(utc(y, q0 * 3)), to: iso(utc(y, q0 * 3 + 3)), label: 'this quarter', zh: '本季度' };
    }],
    [/\blast year\b|\bprevious year\b|去年/, () => ({ from: `${y - 1}-01-01`, to: `${y}-01-01`, label: String(y - 1), zh: `${y - 1}年` })],
    [/\bthis year\b|今年/, () => ({ from: `${y}-01-01`, to: `${y + 1}-01-01`, label: String(y), zh: `${y}年` })],
    [/\blast week\b|上周|上个?星期/, () => {
      const monday = addDays(start, -((start.getUTCDay() + 6) % 7));
      return { from: iso(addDays(monday, -7)), to: iso(monday), label: 'last week', zh: '上周' };
    }],
    [/\bthis week\b|本周|这周/, () => {
      const monday = addDays(start, -((start.getUTCDay() + 6) % 7));
      return { from: iso(monday), to: iso(addDays(monday, 7)), label: 'this week', zh: '本周' };
    }],
    [/\byesterday\b|昨天/, () => ({ from: iso(addDays(start, -1)), to: iso(start), label: 'yesterday', zh: '昨天' })],
    [/\btoday\b|今天/, () => ({ from: iso(start), to: iso(addDays(start, 1)), label: 'today', zh: '今天' })],
    [/((?:19|20)\d{2})\s*年(?:度)?|\b(?:in|during|for|of)?\s*((?:19|20)\d{2})\b/, (r) => {
      const year = r[1] ?? r[2]!;
      return { from: `${year}-01-01`, to: `${Number(year) + 1}-01-01`, label: year, zh: `${year}年` };
    }],
  ];
  for (const [re, make] of rules) {
    const r = re.exec(q);
    if (!r) continue;
    const range = make(r);
    if (range) return { range, text: r[0], at: r.index };
  }
  return undefined;
}

/**
 * Every period a question names, each consumed in turn: "2024 vs 2025", "2024年和2025年". A bare
 * quarter beside a dated one takes its year: "Q1 vs Q2 2025", "2025年第一季度到第二季度". Two periods a question runs from
 * one to the other are one range: "from Q1 to Q3 2025".
 */
export function parseTimeRanges(question: string, today: Date): Match[] {
  const found: Match[] = [];
  const q = chineseNumerals(question.toLowerCase());
  // Each period is blanked out, not removed, so that every match keeps its place in the question.
  let rest = q;
  for (let match = parseTimeRange(rest, today); match; match = parseTimeRange(rest, today)) {
    found.push(match);
    rest = `${rest.slice(0, match.at)}${' '.repeat(match.text.length)}${rest.slice(match.at + match.text.length)}`;
  }
  const dated = found.find((f) => calendarGrain(f.range) === 'quarter');
  for (const bare of dated ? rest.matchAll(/\bq([1-4])\b|第\s*([1-4])\s*季度/g) : []) {
    const year = dated!.range.from.slice(0, 4);
    const match = parseTimeRange(`q${bare[1] ?? bare[2]} ${year}`, today);
    if (match) found.push({ range: match.range, text: bare[0], at: bare.index });
  }
  const span = found.length === 2 ? spanOf(q, found) : undefined;
  return span ? [span] : found;
}

/** "From 2024 to 2025", "between Q1 and Q3 2025", "从2024年到2025年": the range from the first period to the end of the last, of one calendar unit. */
function spanOf(q: string, matches: Match[]): Match | undefined {
  const [first, last] = [...matches].sort((a, b) => a.at - b.at) as [Match, Match];
  const unit = calendarGrain(first.range);
  const end = first.at + first.text.length;
  if (!unit || calendarGrain(last.range) !== unit || first.range.to > last.range.from) return undefined;
  if (!/(?:\bfrom|\bbetween|从)\s*$/.test(q.slice(0, first.at)) || !/^\s*(?:to|and|until|through|到|至)\s*$/.test(q.slice(end, last.at))) return undefined;
  const { from, label, zh } = first.range;
  const range = { from, to: last.range.to, label: `${label}–${last.range.label}`, zh: `${zh}至${last.range.zh}`, unit };
  return { range, text: q.slice(first.at, last.at + last.text.length), at: first.at };
}

const GRAINS: Grain[] = ['day', 'week', 'month', 'quarter', 'year'];
const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

/** A whole calendar month, quarter or year, else undefined. */
function calendarGrain({ from, to }: DateRange): Grain | undefined {
  if (!from.endsWith('-01') || !to.endsWith('-01')) return undefined;
  const months = monthsBetween(from, to);
  const month = Number(from.slice(5, 7)) - 1;
  if (months === 1) return 'month';
  if (months === 3 && month % 3 === 0) return 'quarter';
  return months === 12 && month === 0 ? 'year' : undefined;
}

/**
 * Periods compared side by side ("2024 vs 2025"): the range spanning them, bucketed by their
 * calendar unit. Only whole months, quarters or years of one unit, next to each other; anything
 * else would show periods nobody asked about.
 */
export function combineRanges(ranges: DateRange[]): { range: DateRange; grain: Grain } | undefined {
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  const grain = calendarGrain(sorted[0]!);
  if (!grain || sorted.some((r, i) => calendarGrain(r) !== grain || (i > 0 && sorted[i - 1]!.to !== r.from))) return undefined;
  const range = { from: sorted[0]!.from, to: sorted.at(-1)!.to, label: sorted.map((r) => r.label).join(' and '), zh: sorted.map((r) => r.zh).join('和') };
  return { range, grain };
}

/**
 * The bucket a change over `range` is shown in: the unit of the periods a span runs between ("how
 * did revenue change from Q1 to Q2 2025"), each month over a calendar year or month ("growth in
 * 2024"), else each year.
 */
export function changeGrain(range: DateRange | undefined): Grain {
  if (range?.unit) return range.unit;
  const grain = range && calendarGrain(range);
  return grain === 'year' || grain === 'month' ? 'month' : 'year';
}

/** The finer of two buckets. */
export const finerGrain = (a: Grain, b: Grain): Grain => (GRAINS.indexOf(a) <= GRAINS.indexOf(b) ? a : b);

/** The range as an answer or a question says it: "in 2024", "last month", "since March 2025"; "2024年", "上个月". */
export function rangePhrase(range: DateRange, lang: 'en' | 'zh'): string {
  if (lang === 'zh') return range.zh;
  return /^(last|this|since|year to date|yesterday|today)\b/.test(range.label) ? range.label : `in ${range.label}`;
}

/** The bucket a question asks for: "monthly", "per week", "by quarter", "每月", "按天". */
export function parseGrain(question: string): { grain: Grain; text: string; ranked?: true } | undefined {
  const q = question.toLowerCase();
  const which = rankedGrain(q);
  if (which) return which;
  const rules: [RegExp, Grain][] = [
    [/\b(?:daily|per day|by day|each day|every day|day by day)\b|每天|每日|按天|按日|逐日/, 'day'],
    [/\b(?:weekly|per week|by week|each week|every week)\b|每周|按周|每个?星期/, 'week'],
    [/\b(?:monthly|per month|by month|each month|every month|month by month|month over month)\b|(?:每个?|各个?|按)月份?|月度|逐月/, 'month'],
    [/\b(?:quarterly|per quarter|by quarter|each quarter|every quarter)\b|每个?季度|按季度|季度/, 'quarter'],
    [/\b(?:yearly|annual|annually|per year|by year|each year|every year|year over year|year by year)\b|(?:每|各|按)年份?|年度|逐年|同比/, 'year'],
    [/\b(?:trend|over time)\b|趋势|走势/, 'month'],
  ];
  for (const [re, grain] of rules) {
    const r = re.exec(q);
    if (r) return { grain, text: r[0] };
  }
  return undefined;
}

const GRAIN_WORDS: Record<string, Grain> = { day: 'day', 天: 'day', week: 'week', 周: 'week', 星期: 'week', month: 'month', 月: 'month', 月份: 'month', quarter: 'quarter', 季度: 'quarter', year: 'year', 年: 'year', 年份: 'year' };

/** "Which year had the highest revenue", "哪个月的订单最多": the periods are what is ranked. `text` is the period word alone. */
function rankedGrain(q: string): { grain: Grain; text: string; ranked: true } | undefined {
  const r = /(?<=^\s*(?:which|what)\s+)(day|week|month|quarter|year)\b|(?<=哪(?:一|1|个)?)(天|周|星期|月份?|季度|年份?)/.exec(q);
  return r ? { grain: GRAIN_WORDS[r[0]]!, text: r[0], ranked: true } : undefined;
}
