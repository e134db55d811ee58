import { isIdentifier } from '@/lib/warehouse/csv/identifiers';
import { MAX_IDENTIFIER_BYTES } from '@/lib/warehouse/csv/plan';

export type NameIssue = 'name' | 'reserved' | 'tooLong' | 'duplicate' | 'exists';

/** Why a name the admin typed cannot be used as it is, checked as the server will check it. */
export function nameIssue(name: string, reserved: ReadonlySet<string>): NameIssue | null {
  if (isIdentifier(name, reserved)) return null;
  if (new TextEncoder().encode(name).length > MAX_IDENTIFIER_BYTES) return 'tooLong';
  if (reserved.has(name)) return 'reserved';
  return 'name';
}

/** Each column's issue, counting a name used twice. */
export function columnIssues(names: string[], reserved: ReadonlySet<string>): (NameIssue | null)[] {
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return names.map((n) => nameIssue(n, reserved) ?? (counts.get(n)! > 1 ? 'duplicate' : null));
}
