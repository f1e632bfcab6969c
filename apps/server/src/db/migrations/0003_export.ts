import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * Export batches, the files they wrote, and the export signing keys' public halves (the private keys stay in files
 * in the data directory). Unix-second columns are bigint on PostgreSQL (past 2038) and integer on SQLite (64-bit).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = (name: string) => (postgres ? sql.raw(`${name} serial primary key`) : sql.raw(`${name} integer primary key autoincrement`));
  const seconds = sql.raw(postgres ? 'bigint' : 'integer');

  await sql`create table signing_keys (
    ${id('id')},
    key_id text not null,
    version text not null,
    algorithm text not null,
    public_key_pem text not null,
    created_at text not null,
    activated_at text not null,
    retired_at text,
    unique (key_id, version)
  )`.execute(db);

  // unique (region, start_timestamp): every batch starts where the previous one ended, so two processes (the worker
  // and 'bluezone export run', or several servers on one PostgreSQL) that try to cut the next window collide here
  // and only one cuts it.
  await sql`create table export_batches (
    ${id('id')},
    region text not null,
    start_timestamp ${seconds} not null,
    end_timestamp ${seconds} not null,
    status text not null,
    lease_expires_at text not null,
    file_count integer not null default 0,
    key_count integer not null default 0,
    real_key_count integer not null default 0,
    revised_key_count integer not null default 0,
    bytes ${seconds} not null default 0,
    created_at text not null,
    completed_at text,
    unique (region, start_timestamp)
  )`.execute(db);
  await db.schema.createIndex('export_batches_region_end').on('export_batches').columns(['region', 'end_timestamp']).execute();

  await sql`create table export_files (
    ${id('id')},
    batch_id integer not null references export_batches(id) on delete cascade,
    region text not null,
    name text not null unique,
    start_timestamp ${seconds} not null,
    end_timestamp ${seconds} not null,
    batch_num integer not null,
    batch_size integer not null,
    key_count integer not null,
    bytes integer not null,
    created_at text not null
  )`.execute(db);
  await db.schema.createIndex('export_files_region_end').on('export_files').columns(['region', 'end_timestamp']).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['export_files', 'export_batches', 'signing_keys']) await db.schema.dropTable(table).execute();
}
