import type { Database, SqlJsStatic } from 'sql.js';
import type { SqlDatabase, SqlValue } from './sql-database';

/**
 * SqlDatabase over sql.js. Statements run synchronously inside; the async shape matches expo-sqlite. `onChange`
 * is called after each write so the web demo can keep a copy of the database.
 */
export class SqlJsDatabase implements SqlDatabase {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly onChange: (db: Database) => void = () => {},
  ) {}

  static open(sqlJs: SqlJsStatic, bytes?: Uint8Array, onChange?: (db: Database) => void): SqlJsDatabase {
    return new SqlJsDatabase(new sqlJs.Database(bytes), onChange);
  }

  async exec(sql: string): Promise<void> {
    this.db.exec(sql);
    this.onChange(this.db);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    this.db.run(sql, params as SqlValue[]);
    const changes = this.db.getRowsModified();
    this.onChange(this.db);
    return { changes };
  }

  async all<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    const statement = this.db.prepare(sql);
    try {
      statement.bind(params as SqlValue[]);
      const rows: Row[] = [];
      while (statement.step()) rows.push(statement.getAsObject() as Row);
      return rows;
    } finally {
      statement.free();
    }
  }

  /** Transactions are serialised: sql.js has one connection, so two interleaved ones would nest. */
  transaction(work: () => Promise<void>): Promise<void> {
    const run = async () => {
      this.db.exec('BEGIN');
      try {
        await work();
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
      this.onChange(this.db);
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
