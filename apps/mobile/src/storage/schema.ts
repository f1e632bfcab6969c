import type { SqlDatabase } from './sql-database';

/**
 * The phone's database, versioned with SQLite's user_version. Only this phone ever reads it: sightings never leave
 * it, and exposure windows keep the UTC day of a contact, not its time.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sightings (
     id INTEGER PRIMARY KEY,
     rpi BLOB NOT NULL,
     aem BLOB NOT NULL,
     timestamp REAL NOT NULL,
     rssi INTEGER NOT NULL
   );
   CREATE INDEX sightings_timestamp ON sightings (timestamp);
   CREATE TABLE exposure_windows (
     id INTEGER PRIMARY KEY,
     key_hash TEXT NOT NULL,
     day INTEGER NOT NULL,
     report_type INTEGER NOT NULL,
     infectiousness INTEGER NOT NULL,
     calibration_confidence INTEGER NOT NULL,
     scan_instances TEXT NOT NULL
   );
   CREATE INDEX exposure_windows_key ON exposure_windows (key_hash);
   CREATE TABLE export_files (name TEXT PRIMARY KEY, checked_at REAL NOT NULL);
   CREATE TABLE app_state (name TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE read_notices (id TEXT PRIMARY KEY);`,
  // Receipts of the health declarations made on this phone, kept until the user deletes them: the server's answer
  // as JSON (the code, what screening found, the health station) and the name it was made for, to tell a family's
  // receipts apart. The rest of what was declared is not kept here.
  `CREATE TABLE declaration_receipts (
     receipt TEXT PRIMARY KEY,
     declared_at REAL NOT NULL,
     data TEXT NOT NULL
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database to the current schema, one migration per transaction. */
export async function migrate(db: SqlDatabase): Promise<void> {
  const [row] = await db.all<{ user_version: number }>('PRAGMA user_version');
  const current = row?.user_version ?? 0;
  if (current > MIGRATIONS.length) throw new Error(`database schema ${current} is newer than this app (${MIGRATIONS.length})`);
  for (let version = current; version < MIGRATIONS.length; version++) {
    await db.transaction(async () => {
      await db.exec(MIGRATIONS[version] as string);
      await db.exec(`PRAGMA user_version = ${version + 1}`);
    });
  }
}

/** Every table's rows, for "delete all my data"; the schema stays. */
export async function deleteEverything(db: SqlDatabase): Promise<void> {
  await db.transaction(async () => {
    for (const table of ['sightings', 'exposure_windows', 'export_files', 'app_state', 'read_notices', 'declaration_receipts']) {
      await db.run(`DELETE FROM ${table}`);
    }
  });
}
