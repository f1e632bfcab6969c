import type { ExposureWindow, ScanInstance } from '@bluezone/protocol';
import type { SqlDatabase } from './sql-database';

const DAY_SECONDS = 86_400;

/**
 * An exposure window as the phone keeps it between checks: the UTC day (days since 1970) instead of an age, so
 * the age can be recomputed on any later day, and a hash of the key it matched, so a key revoked later (a negative
 * test) can take its windows back. The time of day is not kept: the warning tells the day only.
 */
export interface StoredExposureWindow {
  keyHash: string;
  day: number;
  reportType: number;
  infectiousness: number;
  calibrationConfidence: number;
  scanInstances: ScanInstance[];
}

interface WindowRow {
  key_hash: string;
  day: number;
  report_type: number;
  infectiousness: number;
  calibration_confidence: number;
  scan_instances: string;
}

export class ExposureWindowStore {
  constructor(private readonly db: SqlDatabase) {}

  async add(windows: readonly StoredExposureWindow[]): Promise<void> {
    if (windows.length === 0) return;
    await this.db.transaction(async () => {
      for (const w of windows) {
        await this.db.run(
          'INSERT INTO exposure_windows (key_hash, day, report_type, infectiousness, calibration_confidence, scan_instances) VALUES (?, ?, ?, ?, ?, ?)',
          [w.keyHash, w.day, w.reportType, w.infectiousness, w.calibrationConfidence, JSON.stringify(w.scanInstances)],
        );
      }
    });
  }

  async all(): Promise<StoredExposureWindow[]> {
    const rows = await this.db.all<WindowRow>('SELECT * FROM exposure_windows ORDER BY day, id');
    return rows.map((r) => ({
      keyHash: r.key_hash,
      day: r.day,
      reportType: r.report_type,
      infectiousness: r.infectiousness,
      calibrationConfidence: r.calibration_confidence,
      scanInstances: JSON.parse(r.scan_instances) as ScanInstance[],
    }));
  }

  /** A revised key: revoked keys lose their windows, others take the new report type. */
  async revise(keyHash: string, reportType: number | 'revoked'): Promise<void> {
    if (reportType === 'revoked') await this.db.run('DELETE FROM exposure_windows WHERE key_hash = ?', [keyHash]);
    else await this.db.run('UPDATE exposure_windows SET report_type = ? WHERE key_hash = ?', [reportType, keyHash]);
  }

  async deleteBeforeDay(day: number): Promise<number> {
    return (await this.db.run('DELETE FROM exposure_windows WHERE day < ?', [day])).changes;
  }
}

/** The windows in the protocol's shape, aged as of `nowSeconds`. */
export function toExposureWindows(stored: readonly StoredExposureWindow[], nowSeconds: number): ExposureWindow[] {
  const today = Math.floor(nowSeconds / DAY_SECONDS);
  return stored.map((w) => ({
    ageInDays: Math.max(0, today - w.day),
    reportType: w.reportType,
    infectiousness: w.infectiousness,
    calibrationConfidence: w.calibrationConfidence,
    scanInstances: w.scanInstances,
  }));
}
