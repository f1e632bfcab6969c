import { sql, type RawBuilder } from 'kysely';

/**
 * `column like '%word%'` with the word's own `%`, `_` and `\` escaped, so what a user types matches itself. ESCAPE is
 * spelled out: SQLite has no default escape character, PostgreSQL's is the same backslash.
 */
export function columnContains(column: string, word: string): RawBuilder<boolean> {
  const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
