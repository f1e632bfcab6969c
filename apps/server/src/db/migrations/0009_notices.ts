import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * Notices that health officers and campaign issuers publish to every citizen's app (an inbox). The author and unit
 * are kept for the console, the unit scope and the audit; the app is told only the unit's name. The app reads the
 * live ones newest first; the console pages every notice of a unit subtree newest first.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const id = isPostgres(db) ? sql.raw('id serial primary key') : sql.raw('id integer primary key autoincrement');
  await sql`create table notices (
    ${id},
    title text not null,
    body text not null,
    title_en text,
    body_en text,
    unit_code text not null references units (code),
    created_by integer not null references users (id),
    created_at text not null,
    retired_at text,
    retired_by integer references users (id)
  )`.execute(db);
  await sql`create index notices_live on notices (retired_at, created_at)`.execute(db);
  await sql`create index notices_unit on notices (unit_code, created_at)`.execute(db);
}
