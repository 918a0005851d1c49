// Keyset paging: the cursor names the last row seen, so page 10,000 costs what page 1 does.
import type { Kysely, QueryCreator, SelectQueryBuilder } from 'kysely';
import type { DB } from '../db/schema.ts';
import { AppError } from './errors.ts';

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): (string | number)[] | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length > 0 && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key;
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
}

/** Takes one row more than the page to know whether a next page exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * A query creator in which `table` stands for one page of its rows (a CTE named like the
 * table), so the names a list shows are joined to that page only. Planning a join over the
 * whole table cost more than reading the page: the page is cut first, then named.
 */
export function overPage(db: Kysely<DB>, table: keyof DB & string, page: SelectQueryBuilder<DB, keyof DB, object>): QueryCreator<DB> {
  // The page has the table's columns, read back: its types differ only by Generated<>.
  return db.with(table, () => page) as unknown as QueryCreator<DB>;
}
