import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * The first schema: units, users, sessions, agencies, audit log. Written once for both dialects; the only difference
 * is how an auto-incrementing id is declared.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = (name: string) => (postgres ? sql.raw(`${name} serial primary key`) : sql.raw(`${name} integer primary key autoincrement`));

  await db.schema
    .createTable('units')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('parent_code', 'text', (c) => c.references('units.code'))
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('full_name_en', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('units_parent_code').on('units').column('parent_code').execute();

  await sql`create table users (
    ${id('id')},
    username text not null unique,
    display_name text not null,
    password_hash text not null,
    role text not null,
    unit_code text not null references units(code),
    locale text not null default 'vi',
    disabled integer not null default 0,
    failed_logins integer not null default 0,
    locked_until text,
    created_at text not null,
    updated_at text not null
  )`.execute(db);
  await db.schema.createIndex('users_unit_code').on('users').column('unit_code').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

  await sql`create table agencies (
    ${id('id')},
    code text not null unique,
    name text not null,
    unit_code text not null references units(code),
    group_name text,
    created_at text not null,
    updated_at text not null
  )`.execute(db);
  await db.schema.createIndex('agencies_unit_code').on('agencies').column('unit_code').execute();

  await sql`create table audit_log (
    ${id('id')},
    at text not null,
    actor_id integer,
    actor_username text,
    action text not null,
    target_type text,
    target_id text,
    detail text
  )`.execute(db);
  await db.schema.createIndex('audit_log_action').on('audit_log').column('action').execute();
  await db.schema.createIndex('audit_log_actor_username').on('audit_log').column('actor_username').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'agencies', 'sessions', 'users', 'units']) {
    await db.schema.dropTable(table).execute();
  }
}
