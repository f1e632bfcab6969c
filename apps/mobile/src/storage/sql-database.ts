/**
 * The few SQL operations the app's stores need, in the shape of expo-sqlite's async API. The phone runs them on
 * expo-sqlite; the web demo and the tests on sql.js (SQLite compiled to WebAssembly), so the same SQL runs on
 * real SQLite everywhere.
 */
export type SqlValue = string | number | null | Uint8Array;

export interface SqlDatabase {
  /** Runs one or more statements without parameters. */
  exec(sql: string): Promise<void>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  all<Row>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Runs `work` in one transaction: all of its writes or none. */
  transaction(work: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}
