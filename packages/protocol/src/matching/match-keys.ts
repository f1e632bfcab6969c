import { ProtocolError } from '../errors.js';
import {
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  pureCryptoBackend,
  type CryptoBackend,
} from '../identifiers/index.js';
import { assertDiagnosisKey, rollingPeriodOf, type DiagnosisKey } from './diagnosis-key.js';
import { matchDerivedRpis, matchesFromTriples, mayMatchKey, resolveDriftSeconds, type KeyMatch } from './rpi-lookup.js';
import type { SightingTable } from './sighting-table.js';

export interface MatchOptions {
  /** Allowed clock drift in seconds, default {@link DEFAULT_DRIFT_SECONDS}. */
  driftSeconds?: number;
  /** Crypto for derivation, default the pure one; `nodeCryptoBackend` on Node. */
  backend?: CryptoBackend;
}

/**
 * Finds which sightings were advertised by the owners of published keys (EN Cryptography Specification v1.2,
 * "Matching"): for each key derive RPIK = HKDF(TEK, "EN-RPIK") and the RPI of every interval of its rolling period,
 * look each up in the table, keep the sightings seen within ±drift of that interval. Keys from hours in which the
 * phone saw nothing are skipped without deriving anything.
 *
 * Example:
 * ```ts
 * const matches = matchDiagnosisKeys(keys, buildSightingTable(sightings), { backend: nodeCryptoBackend });
 * ```
 */
export function matchDiagnosisKeys(keys: readonly DiagnosisKey[], table: SightingTable, options: MatchOptions = {}): KeyMatch[] {
  if (!Array.isArray(keys)) throw new ProtocolError('invalid_argument', 'keys must be an array');
  const drift = resolveDriftSeconds(options.driftSeconds);
  const backend = options.backend ?? pureCryptoBackend;
  const triples: number[] = [];
  const scratch: number[] = [];
  keys.forEach((key, keyIndex) => {
    assertDiagnosisKey(key, `keys[${keyIndex}]`);
    const period = rollingPeriodOf(key);
    if (!mayMatchKey(table, key.rollingStartIntervalNumber, period, drift)) return;
    const rpik = deriveRollingProximityIdentifierKey(key.keyData, backend);
    const rpis = deriveRollingProximityIdentifiers(rpik, key.rollingStartIntervalNumber, period, backend);
    matchDerivedRpis(table, rpis, key.rollingStartIntervalNumber, period, drift, keyIndex, triples, scratch);
  });
  return matchesFromTriples(triples);
}
