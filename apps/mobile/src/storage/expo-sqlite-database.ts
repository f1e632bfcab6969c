import type { SQLiteDatabase } from 'expo-sqlite';
import type { SqlDatabase, SqlValue } from './sql-database';

/** SqlDatabase over expo-sqlite, the phone's SQLite (in the app's private storage). */
export class ExpoSqliteDatabase implements SqlDatabase {
  constructor(private readonly db: SQLiteDatabase) {}

  static async open(name = 'bluezone.db'): Promise<ExpoSqliteDatabase> {
    const { openDatabaseAsync } = await import('expo-sqlite');
    return new ExpoSqliteDatabase(await openDatabaseAsync(name));
  }

  exec(sql: string): Promise<void> {
    return this.db.execAsync(sql);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number }> {
    const result = await this.db.runAsync(sql, params as SqlValue[]);
    return { changes: result.changes };
  }

  all<Row>(sql: string, params: readonly SqlValue[] = []): Promise<Row[]> {
    return this.db.getAllAsync<Row>(sql, params as SqlValue[]);
  }

  transaction(work: () => Promise<void>): Promise<void> {
    return this.db.withTransactionAsync(work);
  }

  close(): Promise<void> {
    return this.db.closeAsync();
  }
}
