import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openPostgres, openSqlite, type Db, type Dialect } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * The databases every store test runs on: SQLite always; PostgreSQL when TEST_DATABASE_URL is set. Each test file
 * gets its own fresh schema, so parallel files and repeated runs never see each other's rows.
 */
export interface TestDatabase {
  db: Db;
  dialect: Dialect;
  close(): Promise<void>;
}

const postgresUrl = process.env.TEST_DATABASE_URL?.trim() || undefined;

async function postgresReachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const unreachable = postgresUrl ? await postgresReachable(postgresUrl) : undefined;
if (postgresUrl && unreachable && process.env.CI === 'true') {
  // In CI a configured but dead database is a broken pipeline, not a reason to skip half the suite.
  throw new Error(`TEST_DATABASE_URL is set but PostgreSQL is unreachable: ${unreachable}`);
}
const postgresSkipReason = !postgresUrl
  ? 'TEST_DATABASE_URL is not set'
  : unreachable
    ? `PostgreSQL at TEST_DATABASE_URL is unreachable (${unreachable})`
    : undefined;

export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const db = openSqlite(':memory:');
    await migrateToLatest(db);
    return { db, dialect, close: () => db.destroy() };
  }
  const schema = `bz_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const db = openPostgres({ connectionString: postgresUrl, options: `-c search_path=${schema}`, max: 4 });
  await migrateToLatest(db);
  return {
    db,
    dialect,
    close: async () => {
      await db.destroy();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** Runs `suite` once per dialect; PostgreSQL is skipped, with the reason printed, when it is not configured. */
export function describeEachDialect(title: string, suite: (dialect: Dialect) => void): void {
  describe(`${title} [sqlite]`, () => suite('sqlite'));
  if (postgresSkipReason) {
    console.info(`skipping "${title} [postgres]": ${postgresSkipReason}`);
    describe.skip(`${title} [postgres] (skipped: ${postgresSkipReason})`, () => suite('postgres'));
  } else {
    describe(`${title} [postgres]`, () => suite('postgres'));
  }
}
