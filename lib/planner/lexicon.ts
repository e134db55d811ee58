import { chineseNumerals } from './time';

/** Chinese analytics words mapped to the English words the linker understands. */
const ZH_TERMS: [string, string][] = [
  ['销售额', ' revenue '], ['销售总额', ' revenue '], ['营业额', ' revenue '], ['营收', ' revenue '], ['收入', ' revenue '], ['销量', ' quantity '],
  ['订单数量', ' count orders '], ['订单数', ' count orders '], ['订单', ' orders '], ['客户数', ' count customers '], ['客户', ' customers '], ['顾客', ' customers '],
  ['产品数', ' count products '], ['产品', ' products '], ['商品', ' products '], ['退货数', ' count returns '], ['退货率', ' return rate '], ['退货', ' returns '], ['退款金额', ' refund amount '], ['退款', ' refund amount '],
  ['帖子数', ' count social posts '], ['帖子', ' social posts '], ['发帖', ' social posts '],
  ['地区', ' region '], ['区域', ' region '], ['国家', ' country '], ['城市', ' city '], ['品类', ' category '], ['类别', ' category '], ['类目', ' category '], ['子类', ' subcategory '],
  ['品牌', ' brand '], ['渠道', ' channel '], ['平台', ' platform '], ['状态', ' status '], ['细分市场', ' segment '], ['细分', ' segment '], ['原因', ' reason '], ['话题', ' topic '], ['主题', ' topic '],
  ['点赞数', ' likes '], ['点赞', ' likes '], ['分享数', ' shares '], ['分享', ' shares '], ['评论数', ' comments '], ['评论', ' comments '], ['单价', ' unit price '], ['价格', ' unit price '], ['折扣', ' discount '],
  ['销售件数', ' units sold '], ['购买件数', ' units bought '], ['消费金额', ' amount spent '], ['消费', ' spent '], ['花费', ' spent '], ['花钱', ' spent '], ['花', ' spent '], ['购买', ' bought '], ['买', ' bought '], ['买家', ' buyer '], ['件数', ' units '], ['金额', ' value '], ['活跃', ' active '], ['新增', ' new '], ['新客户', ' new customers '], ['新', ' new '], ['最畅销', ' best selling '], ['畅销', ' best selling '], ['最受欢迎', ' most popular '], ['受欢迎', ' popular '],
  ['平均', ' average '], ['中位数', ' median '], ['总计', ' total '], ['总共', ' total '], ['合计', ' total '], ['总', ' total '], ['最大', ' maximum '], ['最小', ' minimum '],
  ['占比', ' share of '], ['比例', ' share of '], ['份额', ' share of '], ['增长率', ' growth '], ['增长', ' growth '], ['环比', ' growth '], ['变化', ' change '],
  ['不同的', ' distinct '], ['不重复的', ' distinct '],
  ['最常见的', ' most common '], ['最常见', ' most common '], ['最少见的', ' least common '], ['最少见', ' least common '], ['最高的', ' most '], ['最多的', ' most '], ['最多', ' most '], ['最大的', ' most '], ['最好的', ' most '], ['排名前', ' top '], ['前', ' top '], ['最低的', ' least '], ['最少的', ' least '], ['最少', ' least '], ['最差的', ' least '], ['后', ' bottom '],
  ['多少', ' how many '], ['几个', ' how many '], ['有几', ' how many '], ['数目', ' count '], ['个数', ' count '], ['数', ' count '],
  ['哪个', ' which '], ['谁', ' who '], ['哪些', ' which '], ['以外', ' '], ['之外', ' '], ['和', ' and '], ['与', ' and '], ['及', ' and '], ['最高', ' highest '], ['最低', ' lowest '], ['除了', ' excluding '], ['不包括', ' excluding '], ['排除', ' excluding '], ['不是', ' not '], ['非', ' not '],
  ['超过', ' over '], ['大于', ' over '], ['高于', ' over '], ['多于', ' over '], ['至少', ' at least '], ['小于', ' under '], ['低于', ' under '], ['少于', ' under '],
  ['只看', ' only '], ['仅看', ' only '], ['只要', ' only '], ['仅', ' only '], ['只', ' only '], ['改为', ' instead '], ['改成', ' instead '], ['换成', ' instead '],
  ['分布', ' distribution '], ['按', ' by '], ['各个', ' by '], ['各', ' by '], ['每个', ' by '], ['分', ' by '],
];

const ZH_TERMS_LONGEST_FIRST = [...ZH_TERMS].sort((a, b) => b[0].length - a[0].length);

let zhByEnglish: Map<string, string> | undefined;
/** The first Chinese term the lexicon reads as these English words: `region` -> 地区, `units sold` -> 销售件数. */
export function chineseTerm(english: string): string | undefined {
  zhByEnglish ??= new Map([...ZH_TERMS].reverse().map(([zh, en]) => [words(en).join(' '), zh]));
  return zhByEnglish.get(words(english).join(' '));
}

/** Common values in Chinese, as their English form in the data. */
export const ZH_VALUES: [string, string][] = [
  ['欧洲', 'europe'], ['北美洲', 'north america'], ['北美', 'north america'], ['亚太地区', 'asia pacific'], ['亚太', 'asia pacific'], ['拉丁美洲', 'latin america'], ['拉美', 'latin america'],
  ['中东和非洲', 'middle east & africa'], ['中东', 'middle east & africa'], ['非洲', 'middle east & africa'],
  ['美国', 'united states'], ['加拿大', 'canada'], ['巴西', 'brazil'], ['德国', 'germany'], ['法国', 'france'], ['英国', 'united kingdom'], ['日本', 'japan'], ['印度', 'india'], ['澳大利亚', 'australia'],
  ['意大利', 'italy'], ['西班牙', 'spain'], ['墨西哥', 'mexico'], ['中国', 'china'], ['韩国', 'south korea'], ['新加坡', 'singapore'], ['荷兰', 'netherlands'], ['瑞典', 'sweden'], ['波兰', 'poland'],
  ['电子产品', 'electronics'], ['电子', 'electronics'], ['图书', 'books'], ['书籍', 'books'], ['服装', 'clothing'], ['美妆', 'beauty'], ['美容', 'beauty'], ['玩具', 'toys'],
  ['家居厨房', 'home & kitchen'], ['家居', 'home & kitchen'], ['运动户外', 'sports & outdoors'], ['运动', 'sports & outdoors'],
  ['已取消', 'cancelled'], ['取消', 'cancelled'], ['已送达', 'delivered'], ['已交付', 'delivered'], ['已发货', 'shipped'], ['处理中', 'processing'], ['已退货', 'returned'],
  ['网站', 'web'], ['移动应用', 'mobile app'], ['手机应用', 'mobile app'], ['门店', 'retail store'], ['实体店', 'retail store'], ['电商平台', 'marketplace'],
  ['企业', 'corporate'], ['个人消费者', 'consumer'], ['消费者', 'consumer'], ['小企业', 'small business'],
];

/** Words that carry no meaning of their own in a question. */
const FILLER = new Set(
  `a an the of for in on at to from with and or is are was were be been what which who whose how show me list give tell find get display
   please can could would you i we our my do does did there their its it this that these those each every all per as vs versus than
   value values number amount data report see look break down broken split across over time into overall whole entire so far up
   have has had much many by total count`.split(/\s+/),
);

export const hasChinese = (text: string) => /[\u3400-\u9fff]/.test(text);

const NOT_PLURAL = new Set(['does', 'has', 'was', 'is', 'this', 'its', 'us', 'yes', 'plus', 'less', 'across', 'status', 'news']);
const IRREGULAR_PLURALS: Record<string, string> = { person: 'people', child: 'children', staff: 'staff' };
const IRREGULAR_SINGULARS = new Map(Object.entries(IRREGULAR_PLURALS).map(([one, many]) => [many, one]));

export function singular(word: string): string {
  if (NOT_PLURAL.has(word)) return word;
  const irregular = IRREGULAR_SINGULARS.get(word);
  if (irregular) return irregular;
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(sses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** A name as a plural noun, its last word made plural unless it already is: `film` -> films, `address` -> addresses, `order_items` -> order items. */
export function plural(name: string): string {
  const words = name.replaceAll('_', ' ');
  const last = words.split(' ').at(-1)!;
  const stem = words.slice(0, words.length - last.length);
  if (IRREGULAR_PLURALS[last]) return `${stem}${IRREGULAR_PLURALS[last]}`;
  if (singular(last) !== last) return words;
  if (/[^aeiou]y$/.test(last)) return `${stem}${last.slice(0, -1)}ies`;
  return /(s|x|z|ch|sh)$/.test(last) ? `${words}es` : `${words}s`;
}

/** Particles (的, and 得 as in 买得最多 "bought the most"), and 那 ("then", "that") opening a follow-up such as 那2025年呢 ("and 2025?"). */
const ZH_PARTICLES = /[的得是了个有吗呢在中里哪那些什么请显示列出给我统计查询一下看看分别情况为把被所从到以将对共计都每]/g;

/** A question as lower-case English text: Chinese terms and values translated, particles dropped. */
export function englishText(question: string): string {
  // 数量 and 数 both mean "number of" after a noun: 产品数量 reads as 产品数.
  let text = chineseNumerals(question.toLowerCase()).replaceAll('数量', '数');
  for (const [zh, en] of ZH_VALUES) text = text.replaceAll(zh, ` ${en} `);
  for (const [zh, en] of ZH_TERMS_LONGEST_FIRST) text = text.replaceAll(zh, en);
  return text.replace(ZH_PARTICLES, ' ');
}

/** Words of a text: singular, lower case, digits split from letters. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/(\d+(?:\.\d+)?)/g, ' $1 ')
    .split(/[^a-z0-9.\u3400-\u9fff]+/)
    .map((w) => w.replace(/^\.+|\.+$/g, ''))
    .filter(Boolean)
    .map(singular);
}

export const isFiller = (word: string) => FILLER.has(word);

/** Words of an identifier: `unit_price` -> [unit, price], `orderDate` -> [order, date]. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular);
}

/**
 * An identifier or label in Chinese: the name the dataset's descriptions give (`aliases`, Chinese
 * first), else the lexicon's term for its words (word by word if need be), else the identifier itself.
 */
export function chineseIdentifier(identifier: string, aliases: [string, string][] = []): string {
  const words = identifierWords(identifier);
  const described = aliases.find(([, en]) => en.trim() === words.join(' '))?.[0];
  const parts = words.map(chineseTerm);
  return described ?? chineseTerm(words.join(' ')) ?? (parts.length > 0 && parts.every((p) => p !== undefined) ? parts.join('') : identifier);
}

/** A term inside Chinese text: English words keep a space either side. */
export const inZh = (term: string) => (hasChinese(term) ? term : ` ${term} `);

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20 };
export const numberWord = (w: string): number | undefined => (/^\d+$/.test(w) ? Number(w) : NUMBER_WORDS[w]);
