import type { SqlDatabase } from './sql-database';

/** The export files this phone has already checked, so each check downloads only the new ones. */
export class ExportFileStore {
  constructor(private readonly db: SqlDatabase) {}

  async checkedNames(): Promise<Set<string>> {
    const rows = await this.db.all<{ name: string }>('SELECT name FROM export_files');
    return new Set(rows.map((r) => r.name));
  }

  async markChecked(name: string, atSeconds: number): Promise<void> {
    await this.db.run('INSERT INTO export_files (name, checked_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, atSeconds]);
  }

  /** Forgets files the index no longer lists (the server deleted them after 14 days). */
  async keepOnly(names: readonly string[]): Promise<void> {
    const live = new Set(names);
    for (const name of await this.checkedNames()) {
      if (!live.has(name)) await this.db.run('DELETE FROM export_files WHERE name = ?', [name]);
    }
  }
}
