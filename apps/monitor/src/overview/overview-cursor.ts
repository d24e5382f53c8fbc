import { OVERVIEW_GROUPS, type OverviewGroup } from '@ihm/contracts';

/** The sort key of the last integration of a page: the next page starts after it. */
export interface OverviewPosition {
  group: OverviewGroup;
  /** lower(name) as the database sorts it. */
  sortName: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const isGroup = (value: string): value is OverviewGroup =>
  (OVERVIEW_GROUPS as readonly string[]).includes(value);

// Lines rather than JSON, with the name last and unescaped: a 100-character name (up to 300 bytes of UTF-8)
// always fits the query's 500-character cursor, which JSON's \u escapes would not guarantee.
export function encodeCursor({ group, sortName, id }: OverviewPosition): string {
  return Buffer.from(`${group}\n${id}\n${sortName}`, 'utf8').toString('base64url');
}

/** The position `encodeCursor` wrote, or null for anything it could not have written. */
export function decodeCursor(cursor: string): OverviewPosition | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  // Node skips characters outside the alphabet and replaces invalid UTF-8: only a faithful round trip counts.
  if (Buffer.from(text, 'utf8').toString('base64url') !== cursor) return null;
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  if (first === -1 || second === -1) return null;
  const group = text.slice(0, first);
  const id = text.slice(first + 1, second);
  if (!isGroup(group) || !UUID.test(id)) return null;
  return { group, id, sortName: text.slice(second + 1) };
}
