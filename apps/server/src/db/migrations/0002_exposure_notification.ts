import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../database.js';

/**
 * Upload codes, used verification tokens and published keys (`exposures`, which the export reads). Nothing here
 * holds an IP address, a device identifier or a patient: codes keep only their HMAC and who issued them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = (name: string) => (postgres ? sql.raw(`${name} serial primary key`) : sql.raw(`${name} integer primary key autoincrement`));
  const blob = sql.raw(postgres ? 'bytea' : 'blob');

  // The hashes are nullable: they are erased once a code can no longer be used, which frees the 8-digit space for
  // new codes and leaves nothing to guess against; the row stays for the officer's list and the statistics.
  await sql`create table verification_codes (
    ${id('id')},
    uuid text not null unique,
    code_hash text unique,
    long_code_hash text unique,
    test_type text not null,
    symptom_date text,
    test_date text,
    issued_by integer references users(id),
    issued_at text not null,
    expires_at text not null,
    long_expires_at text not null,
    claimed_at text
  )`.execute(db);
  await db.schema.createIndex('verification_codes_issued_at').on('verification_codes').column('issued_at').execute();
  await db.schema.createIndex('verification_codes_claimed_at').on('verification_codes').column('claimed_at').execute();

  // A verification token is exchanged once: its id is kept until the token would have expired anyway.
  await sql`create table verification_tokens_used (
    jti text primary key,
    used_at text not null,
    expires_at text not null
  )`.execute(db);

  await sql`create table exposures (
    ${id('id')},
    key_data ${blob} not null unique,
    transmission_risk integer not null,
    rolling_start_interval integer not null,
    rolling_period integer not null,
    report_type text not null,
    days_since_onset integer,
    traveler integer not null default 0,
    health_authority text not null,
    created_at text not null,
    available_at text not null,
    revised_at text,
    revised_report_type text,
    revised_transmission_risk integer,
    revised_days_since_onset integer
  )`.execute(db);
  await db.schema.createIndex('exposures_available_at').on('exposures').column('available_at').execute();
  await db.schema.createIndex('exposures_revised_at').on('exposures').column('revised_at').execute();
  await db.schema.createIndex('exposures_created_at').on('exposures').column('created_at').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['exposures', 'verification_tokens_used', 'verification_codes']) await db.schema.dropTable(table).execute();
}
