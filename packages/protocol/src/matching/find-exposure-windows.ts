import type { DiagnosisKey } from './diagnosis-key.js';
import { buildExposureWindows, type ExposureWindowOptions, type MatchedExposureWindow } from './exposure-windows.js';
import { matchDiagnosisKeys } from './match-keys.js';
import type { KeyMatch } from './rpi-lookup.js';
import type { Sighting } from './sighting.js';
import { buildSightingTable } from './sighting-table.js';

/**
 * The whole matching step in one call, in this thread: table, matches, windows. On Node with many keys, use
 * `matchDiagnosisKeysInParallel` from `@bluezone/protocol/node` for the matches and `buildExposureWindows` after.
 *
 * Example:
 * ```ts
 * const { windows } = findExposureWindows(keys, sightings, { nowSeconds: Date.now() / 1000 });
 * const risk = aggregateRisk(windows, bluezoneRiskConfiguration);
 * ```
 */
export function findExposureWindows(
  keys: readonly DiagnosisKey[],
  sightings: readonly Sighting[],
  options: ExposureWindowOptions & { driftSeconds?: number },
): { matches: KeyMatch[]; windows: MatchedExposureWindow[] } {
  const table = buildSightingTable(sightings);
  const matches = matchDiagnosisKeys(keys, table, { driftSeconds: options.driftSeconds, backend: options.backend });
  return { matches, windows: buildExposureWindows(keys, sightings, matches, options) };
}
