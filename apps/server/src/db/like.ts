import { sql, type RawBuilder } from 'kysely';

/**
 * `column like '%word%'` with the word's own `%`, `_` and `\` escaped, so what a user types matches itself. ESCAPE is
 * spelled out: SQLite has no default escape character, PostgreSQL's is the same backslash.
 */
export function columnContains(column: string, word: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`%${escapeLike(word)}%`} escape '\\'`;
}

/** `column like 'prefix%'`, the prefix's own wildcards escaped. */
export function columnStartsWith(column: string, prefix: string): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} like ${`${escapeLike(prefix)}%`} escape '\\'`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
