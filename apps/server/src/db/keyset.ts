import type { FieldError } from '@bluezone/contract';
import { AppError } from '../errors.js';

/**
 * Keyset pages (the contract's `limit`, `cursor`, `nextCursor`). A store orders by a unique key (a name and the id,
 * say), reads `limit + 1` rows after the cursor's key, and `pageOf` cuts the extra row off to know whether another
 * page follows. The cursor is the last row's key as base64url JSON: opaque to clients, checked when it comes back.
 */
export type KeyValue = string | number;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

const badCursor: FieldError = { field: 'cursor', problem: 'invalid_value' };

/** The key a cursor carries, checked against the kinds of the list's sort key; a forged cursor is a 400. */
export function decodeCursor<K extends readonly ('string' | 'number')[]>(cursor: string, kinds: K): { [I in keyof K]: K[I] extends 'string' ? string : number } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('validation_failed', 'query.cursor: not a cursor of this list', [badCursor]);
  }
  const ok = Array.isArray(key) && key.length === kinds.length && kinds.every((kind, i) => typeof key[i] === kind && (kind === 'string' ? (key[i] as string).length <= 300 : Number.isSafeInteger(key[i])));
  if (!ok) throw new AppError('validation_failed', 'query.cursor: not a cursor of this list', [badCursor]);
  return key as { [I in keyof K]: K[I] extends 'string' ? string : number };
}

/** Cuts a store's `limit + 1` rows to a page and the cursor of its last row (null when nothing follows). */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => readonly KeyValue[]): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(keyOf(items[items.length - 1]!)) };
}
