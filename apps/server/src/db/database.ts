import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type CompiledQuery, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { DatabaseConfig } from '../config.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Dialect = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  db: Db;
  dialect: Dialect;
}

/** Opens PostgreSQL when a URL is configured, otherwise SQLite in the data directory (created if missing). */
export function openDatabase(config: DatabaseConfig): OpenedDatabase {
  if (config.url) return { db: openPostgres({ connectionString: config.url }), dialect: 'postgres' };
  mkdirSync(path.dirname(config.sqlitePath), { recursive: true });
  return { db: openSqlite(config.sqlitePath), dialect: 'sqlite' };
}

const sqliteHandles = new WeakMap<Db, SQLite.Database>();

/**
 * kysely prepares every query anew; better-sqlite3 statements can be reused, and preparing cost a sixth of a
 * publish's time on SQLite (measured with --cpu-prof on the publish benchmark). Statements are kept by SQL text,
 * the most recent 500 (queries with `in (…)` lists differ by their length, so the set is small but not fixed).
 * kysely never streams a statement here, so a cached one is never busy when it is used again.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (statement) {
        statements.delete(text);
      } else {
        statement = database.prepare(text);
        if (statements.size >= 500) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

export function openSqlite(file: string): Db {
  const database = new SQLite(file);
  // WAL lets readers run beside the one writer; busy_timeout waits out a CLI command writing at the same time.
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  sqliteHandles.set(db, database);
  return db;
}

/**
 * Runs a compiled query on the better-sqlite3 handle under a SQLite database and answers its rows as arrays, holding
 * kysely's one connection meanwhile, so no kysely transaction is open on it and nothing uncommitted can be read;
 * undefined on PostgreSQL or inside a transaction. For the one query where kysely's row objects cost more than the
 * query itself (the export reads a million rows: 7.4 s as objects, 2.7 s as arrays, measured with better-sqlite3 12
 * on the project's machine).
 */
export async function rawSqliteRows(db: Db, query: CompiledQuery): Promise<unknown[][] | undefined> {
  const database = sqliteHandles.get(db);
  if (!database) return undefined;
  return db.connection().execute(async () => database.prepare(query.sql).raw().all(...query.parameters) as unknown[][]);
}

const postgresPools = new WeakMap<Db, pg.Pool>();

export function openPostgres(options: pg.PoolConfig): Db {
  const pool = new pg.Pool({ max: 10, ...options });
  // An idle client that loses its connection emits 'error'; without a listener that would crash the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  postgresPools.set(db, pool);
  return db;
}

/**
 * Streams a compiled query's rows from PostgreSQL as arrays, `pageSize` at a time, through a cursor on a connection
 * of its own; undefined on SQLite or inside a transaction. The PostgreSQL twin of rawSqliteRows, for the export's
 * million rows: kysely's stream makes an object of every row (measured on the export benchmark: 6.3 s of CPU for a million rows as objects, 3.8 s as arrays).
 */
export function rawPostgresPages(db: Db, query: CompiledQuery, pageSize: number): AsyncGenerator<unknown[][]> | undefined {
  const pool = postgresPools.get(db);
  if (!pool) return undefined;
  return (async function* () {
    const client = await pool.connect();
    const cursor = client.query(new Cursor(query.sql, [...query.parameters], { rowMode: 'array' }));
    try {
      for (;;) {
        const rows = (await cursor.read(pageSize)) as unknown[][];
        if (rows.length > 0) yield rows;
        if (rows.length < pageSize) return;
      }
    } finally {
      await cursor.close().catch(() => undefined);
      client.release();
    }
  })();
}

/** True when the database answers a trivial query (used by /readyz). */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** SQLite and PostgreSQL report a unique-key violation differently; stores turn both into `conflict`. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** Whether a database (or a migration's untyped handle) is PostgreSQL; the few dialect differences branch on it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
