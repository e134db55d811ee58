import { MAX_IDENTIFIER_BYTES } from './plan';

const encoder = new TextEncoder();

function truncateBytes(name: string, max: number): string {
  let out = '';
  for (const char of name) {
    if (encoder.encode(out + char).length > max) break;
    out += char;
  }
  return out;
}

/**
 * A name Postgres accepts unquoted: lower case, letters (any script), digits and underscores,
 * not starting with a digit, at most 63 bytes, and not a reserved word. "Order Date" becomes
 * order_date, "Café" cafe, "2024 Sales" _2024_sales, "order" order_, "地区" stays 地区.
 */
export function toIdentifier(raw: string, fallback: string, reserved: ReadonlySet<string>): string {
  let name = raw
    .normalize('NFKD')
    // Accents come off Latin letters only: in other scripts (Japanese dakuten) they are part of the letter.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  if (!name) name = fallback;
  if (/^\p{N}/u.test(name)) name = `_${name}`;
  name = truncateBytes(name, MAX_IDENTIFIER_BYTES);
  if (reserved.has(name)) name = `${truncateBytes(name, MAX_IDENTIFIER_BYTES - 1)}_`;
  return name;
}

/** Whether a name typed by the admin can be used unquoted, exactly as typed. */
export function isIdentifier(name: string, reserved: ReadonlySet<string>): boolean {
  return (
    /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u.test(name) &&
    name === name.toLowerCase() &&
    encoder.encode(name).length <= MAX_IDENTIFIER_BYTES &&
    !reserved.has(name)
  );
}

/** Identifiers for every header, unique: a repeated or empty header gets a numbered name. */
export function headerNames(headers: string[], reserved: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  return headers.map((header, i) => {
    const base = toIdentifier(header, `column_${i + 1}`, reserved);
    let name = base;
    for (let n = 2; used.has(name); n++) {
      const suffix = `_${n}`;
      name = `${truncateBytes(base, MAX_IDENTIFIER_BYTES - suffix.length)}${suffix}`;
    }
    used.add(name);
    return name;
  });
}

/** A table name from an upload's file name: "Sales Q1 (final).csv" becomes sales_q1_final. */
export function tableNameFromFile(filename: string, reserved: ReadonlySet<string>): string {
  return toIdentifier(filename.replace(/\.[^.]*$/, ''), 'upload', reserved);
}
