import initSqlJs from 'sql.js';
import { SqlJsDatabase } from '../storage/sqljs-database';

/** A fresh in-memory SQLite database (sql.js), the engine of the web demo. */
export async function memoryDatabase(): Promise<SqlJsDatabase> {
  return SqlJsDatabase.open(await initSqlJs());
}
