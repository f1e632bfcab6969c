import { sql } from 'kysely';
import { isPostgres, type Db } from '../db/database.js';

/**
 * Every row of every table (but kysely's bookkeeping), as text: two snapshots are equal when nothing was written in
 * between. Tables are found by asking the database, so a new domain's tables are covered without listing them.
 */
export async function databaseSnapshot(db: Db): Promise<string> {
  const tables = isPostgres(db)
    ? (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows
    : (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows;
  const parts: string[] = [];
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.startsWith('kysely_')) continue;
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
    const text = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).sort();
    parts.push(`${name}:${text.length}:${text.join('\n')}`);
  }
  return parts.join('\n---\n');
}
