import type { Sighting } from '@bluezone/protocol';
import type { SqlDatabase } from './sql-database';

/** Sightings are kept 14 days: the time a published key is useful (Exposure Notification's retention). */
export const SIGHTING_RETENTION_SECONDS = 14 * 86_400;

interface SightingRow {
  rpi: Uint8Array;
  aem: Uint8Array;
  timestamp: number;
  rssi: number;
}

/** The other phones this phone has heard: RPI, AEM, time and signal strength. Nothing here ever leaves the phone. */
export class SightingStore {
  constructor(private readonly db: SqlDatabase) {}

  async add(sighting: Sighting): Promise<void> {
    await this.db.run('INSERT INTO sightings (rpi, aem, timestamp, rssi) VALUES (?, ?, ?, ?)', [
      sighting.rpi,
      sighting.aem,
      sighting.timestamp,
      Math.round(sighting.rssi),
    ]);
  }

  /** Sightings at or after `sinceSeconds`, oldest first. */
  async since(sinceSeconds: number): Promise<Sighting[]> {
    const rows = await this.db.all<SightingRow>('SELECT rpi, aem, timestamp, rssi FROM sightings WHERE timestamp >= ? ORDER BY timestamp', [sinceSeconds]);
    return rows.map((row) => ({ rpi: new Uint8Array(row.rpi), aem: new Uint8Array(row.aem), timestamp: row.timestamp, rssi: row.rssi }));
  }

  async count(): Promise<number> {
    const [row] = await this.db.all<{ n: number }>('SELECT count(*) AS n FROM sightings');
    return row?.n ?? 0;
  }

  /** Deletes sightings older than the retention; returns how many went. */
  async deleteOlderThan(cutoffSeconds: number): Promise<number> {
    return (await this.db.run('DELETE FROM sightings WHERE timestamp < ?', [cutoffSeconds])).changes;
  }
}
