/** Chinese analytics words mapped to the English words the linker understands. Longest first. */
const ZH_TERMS: [string, string][] = [
  ['销售额', ' revenue '], ['营业额', ' revenue '], ['营收', ' revenue '], ['收入', ' revenue '],
  ['订单数', ' count orders '], ['订单', ' orders '], ['客户', ' customers '], ['顾客', ' customers '],
  ['产品', ' products '], ['商品', ' products '], ['退货', ' returns '], ['帖子', ' posts '],
  ['地区', ' region '], ['区域', ' region '], ['国家', ' country '], ['品类', ' category '], ['类别', ' category '],
  ['品牌', ' brand '], ['渠道', ' channel '], ['平台', ' platform '], ['状态', ' status '], ['细分', ' segment '],
  ['点赞', ' likes '], ['分享', ' shares '], ['评论', ' comments '], ['数量', ' quantity '],
  ['每天', ' daily '], ['每日', ' daily '], ['按天', ' daily '], ['每周', ' weekly '], ['按周', ' weekly '],
  ['每月', ' monthly '], ['按月', ' monthly '], ['月度', ' monthly '], ['每季度', ' quarterly '], ['按季度', ' quarterly '],
  ['每年', ' yearly '], ['按年', ' yearly '], ['年度', ' yearly '],
  ['平均', ' average '], ['总', ' total '], ['最高的', ' top '], ['最多的', ' top '], ['前', ' top '],
  ['多少', ' how many '], ['几个', ' how many '], ['按', ' by '], ['各', ' by '], ['每个', ' by '],
];

export const hasChinese = (text: string) => /[\u3400-\u9fff]/.test(text);

export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ses|xes|ches|shes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Lower-case English words (singular) of a question; Chinese terms are translated first. */
export function words(question: string): string[] {
  let text = question.toLowerCase();
  for (const [zh, en] of ZH_TERMS) text = text.replaceAll(zh, en);
  // Chinese numerals after 前 ("前5") survive as digits; split digits from letters.
  return text
    .replace(/(\d+)/g, ' $1 ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular);
}

/** Words of an identifier: `unit_price` -> [unit, price], `orderDate` -> [order, date]. */
export function identifierWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(singular);
}
