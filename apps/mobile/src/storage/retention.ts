import type { Clock } from '../platform/clock';
import type { DailyKeyStore } from '../tracing/daily-keys';
import type { AppStateStore } from './app-state-store';
import type { ExposureWindowStore } from './exposure-window-store';
import { SIGHTING_RETENTION_SECONDS, type SightingStore } from './sighting-store';

const DAY_MS = 86_400_000;

export interface RetentionDependencies {
  sightings: SightingStore;
  windows: ExposureWindowStore;
  keys: DailyKeyStore;
  state: AppStateStore;
  clock: Clock;
  /** Health declaration receipts, deleted once expired (their own expiry, given by the server). */
  receipts: { deleteExpiredReceipts(): Promise<number> };
}

/**
 * Deletes what is older than 14 days: sightings, this phone's own keys, exposure windows; and the declaration
 * receipts past their expiry. The 2020 app never deleted anything; this runs at most once a day, at start and with
 * every exposure check.
 */
export async function deleteExpiredData(deps: RetentionDependencies, force = false): Promise<{ sightings: number; keys: number; windows: number; receipts: number } | undefined> {
  const now = deps.clock.now();
  const last = await deps.state.get('maintenance.lastCleanup');
  if (!force && last !== undefined && now - last < DAY_MS && now >= last) return undefined;
  const cutoff = now / 1000 - SIGHTING_RETENTION_SECONDS;
  const result = {
    sightings: await deps.sightings.deleteOlderThan(cutoff),
    keys: await deps.keys.deleteExpired(now / 1000),
    windows: await deps.windows.deleteBeforeDay(Math.floor(cutoff / 86_400)),
    receipts: await deps.receipts.deleteExpiredReceipts(),
  };
  await deps.state.set('maintenance.lastCleanup', now);
  return result;
}
