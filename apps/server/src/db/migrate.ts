import { Migrator, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';
import * as m0001 from './migrations/0001_initial.js';
import * as m0002 from './migrations/0002_exposure_notification.js';
import * as m0003 from './migrations/0003_export.js';
import * as m0004 from './migrations/0004_user_search.js';
import * as m0005 from './migrations/0005_platform.js';
import * as m0006 from './migrations/0006_campaigns.js';
import * as m0007 from './migrations/0007_declarations.js';
import * as m0008 from './migrations/0008_scale.js';
import * as m0009 from './migrations/0009_notices.js';
import * as m0010 from './migrations/0010_exposures_revised_partial.js';
import * as m0011 from './migrations/0011_live_code_expiry.js';
import * as m0012 from './migrations/0012_declaration_self_report.js';
import { isPostgres } from './database.js';

/**
 * Migrations are listed here rather than read from a folder, so they work from src/ (tests) and dist/ (built) alike
 * and a bundler cannot lose one. Names sort in the order they apply; never edit one that has shipped.
 */
const migrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_exposure_notification': m0002,
  '0003_export': m0003,
  '0004_user_search': m0004,
  '0005_platform': m0005,
  '0006_campaigns': m0006,
  // Health declarations and epidemic areas.
  '0007_declarations': m0007,
  // Signing keys and verification secrets in the database, for several server processes.
  '0008_scale': m0008,
  '0009_notices': m0009,
  // The index of revised keys holds only those: publishes no longer write into it.
  '0010_exposures_revised_partial': m0010,
  // Issuing a code erases the hashes of dead codes through an index of the live ones, not a scan of every code.
  '0011_live_code_expiry': m0011,
  // The declarant's key for the daily self-report of a monitored arrival.
  '0012_declaration_self_report': m0012,
};

/**
 * Applies every pending migration; throws (after reporting which failed) if one does. Returns the names applied.
 * Numbers are reserved ahead for work that lands in any order (0006 to 0008 may arrive after 0009 has run), so a
 * pending migration numbered below one already applied still runs, in name order, rather than stopping the server.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, list: Record<string, Migration> = migrations): Promise<string[]> {
  // On PostgreSQL, name the schema of kysely's bookkeeping tables: without it kysely looks for them in every schema,
  // finds another schema's (a second installation, or a parallel test run) and then fails on its own missing lock table.
  const migrationTableSchema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => list },
    allowUnorderedMigrations: true,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
