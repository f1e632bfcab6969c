import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql, type CompiledQuery, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { DatabaseConfig } from '../config.js';
import { preparingPool } from './prepared-statements.js';
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
    close: () => {
      checkpointers.get(database)?.();
      database.close();
    },
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

/** How often the checkpointer copies the WAL into the database file. */
const CHECKPOINT_EVERY_MS = 100;

/**
 * The checkpointer's code, in a worker thread with its own connection: a passive checkpoint copies committed pages
 * from the WAL into the database file (and fsyncs both) without blocking the writer, so the WAL does not grow.
 */
const CHECKPOINTER = `
const { workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = FULL');
setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or closing: the next round, or the writer's own checkpoint, does it.
  }
}, workerData.everyMs);
`;

/** The stop of each SQLite connection's checkpointer, called when the connection closes. */
const checkpointers = new WeakMap<SQLite.Database, () => void>();

/**
 * Moves SQLite's checkpoints off the server's thread, for a server (startServer) rather than a one-shot command,
 * which would only pay for a thread it never uses. By default the connection that commits checkpoints itself,
 * every 1,000 pages of WAL, inside a commit: copying the pages and two fsyncs, on the one thread that answers every
 * request (half the wall time of commits in the publish benchmark's profile). A worker thread checkpoints instead;
 * the writer's own automatic checkpoint stays as a safety net, at 10,000 pages (40 MB of WAL), should the worker
 * ever stop. Durability is unchanged: a commit is durable once in the WAL, and a checkpoint is crash-safe. Nothing
 * happens on PostgreSQL or on an in-memory database, or when the checkpointer runs already; it stops when the
 * database closes.
 */
export function checkpointInBackground(db: Db): void {
  const database = sqliteHandles.get(db);
  if (!database || database.memory || checkpointers.has(database)) return;
  database.pragma('wal_autocheckpoint = 10000');
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), file: database.name, everyMs: CHECKPOINT_EVERY_MS },
  });
  worker.unref();
  // A worker that fails leaves the writer's own checkpoints to do the work.
  worker.on('error', () => undefined);
  checkpointers.set(database, () => void worker.terminate());
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
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
