import type { SqlDatabase } from './sql-database';

/**
 * Small named values of the app (settings, exposure status, last check), as JSON in one table. Each name has one
 * type, declared in AppStateValues, so a reader cannot mistake one value for another.
 */
export interface AppStateValues {
  'settings.language': 'vi' | 'en';
  'settings.onboarded': boolean;
  'settings.tracingPaused': boolean;
  'exposure.status': import('../exposure/exposure-status').ExposureStatus;
  'exposure.lastCheck': import('../exposure/exposure-status').ExposureCheckRecord;
  'exposure.pinnedExportKeys': import('../exposure/export-key-pin').PinnedExportKey[];
  'config.cached': unknown;
  'maintenance.lastCleanup': number;
  /** When the next decoy upload is due, unix ms (upload/cover-traffic.ts). */
  'upload.nextDecoyAt': number;
  /** A health declaration typed but not sent yet (the network failed, or the user left the form). */
  'declaration.draft': unknown;
}

export type AppStateName = keyof AppStateValues;

export class AppStateStore {
  constructor(private readonly db: SqlDatabase) {}

  async get<Name extends AppStateName>(name: Name): Promise<AppStateValues[Name] | undefined> {
    const [row] = await this.db.all<{ value: string }>('SELECT value FROM app_state WHERE name = ?', [name]);
    return row ? (JSON.parse(row.value) as AppStateValues[Name]) : undefined;
  }

  async set<Name extends AppStateName>(name: Name, value: AppStateValues[Name]): Promise<void> {
    await this.db.run('INSERT INTO app_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value', [
      name,
      JSON.stringify(value),
    ]);
  }

  async remove(name: AppStateName): Promise<void> {
    await this.db.run('DELETE FROM app_state WHERE name = ?', [name]);
  }
}
