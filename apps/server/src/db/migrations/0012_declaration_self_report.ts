import { sql, type Kysely } from 'kysely';

/**
 * The hash of each declaration's self-report key: with it and the receipt the declarant reports a day of their
 * monitoring from the app or the web page. Declarations made before have none, so only officials record their checks.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table declarations add column self_report_key_hash text`.execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table declarations drop column self_report_key_hash`.execute(db);
}
