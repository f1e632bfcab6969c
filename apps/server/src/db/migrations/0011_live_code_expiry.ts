import { sql, type Kysely } from 'kysely';

/**
 * The expiry of live codes only. Issuing a code first erases the hashes of codes past their expiry
 * (`VerificationStore.eraseDeadHashes`), a statement that had no index of its own: the planner could use the unique
 * hash indexes for "is not null" when it had statistics, and scanned the whole table when it had none, as after a
 * restore or a bulk import (`bench/codes.bench.mjs`: about 300 ms an issue with 1,000,000 past codes on PostgreSQL).
 * These indexes hold the few hundred codes whose hash is still set, so the erase reads only those, whatever the
 * statistics say, and a claim or an erase updates them at no cost beyond that.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index verification_codes_live_expiry on verification_codes (expires_at) where code_hash is not null`.execute(db);
  await sql`create index verification_codes_live_long_expiry on verification_codes (long_expires_at) where long_code_hash is not null`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('verification_codes_live_long_expiry').execute();
  await db.schema.dropIndex('verification_codes_live_expiry').execute();
}
