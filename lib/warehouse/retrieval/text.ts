const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;

/**
 * Text as words Postgres full-text search can match: identifiers split at `_`, `.` and
 * camelCase humps, and every run of Chinese characters as its overlapping character bigrams
 * (the text search parser keeps a Chinese run as one token, so "各城市门店" would never meet
 * "门店名称" otherwise).
 */
export function searchable(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .replace(CJK, (run) => {
      if (run.length === 1) return ` ${run} `;
      const bigrams: string[] = [];
      for (let i = 0; i < run.length - 1; i++) bigrams.push(run.slice(i, i + 2));
      return ` ${bigrams.join(' ')} `;
    });
}

/** An identifier as SQL must write it: quoted unless it is plain lower case. */
export function sqlName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}
