import { assertFiniteNumber, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import {
  decodeMetadata,
  decryptAssociatedMetadata,
  deriveAssociatedEncryptedMetadataKey,
  pureCryptoBackend,
  type CryptoBackend,
} from '../identifiers/index.js';
import { Infectiousness, ReportType, type ExposureWindow, type ScanInstance } from '../risk/exposure-window.js';
import type { DiagnosisKey } from './diagnosis-key.js';
import type { KeyMatch } from './rpi-lookup.js';
import type { Sighting } from './sighting.js';
import { proximityWindowAttenuation } from '../proximity/rule.js';

/** An exposure window with where it came from, so a warning can say when and a test can check what. */
export interface MatchedExposureWindow extends ExposureWindow {
  keyIndex: number;
  /** Unix seconds of the first and last sighting in the window. */
  startTimestamp: number;
  endTimestamp: number;
  sightingCount: number;
}

export interface ExposureWindowOptions {
  /** The time of the calculation (unix seconds), for `ageInDays`; passed in so tests and the simulator fix it. */
  nowSeconds: number;
  /** dB added to every RSSI: this phone's receive calibration (EN "RSSI correction"), default 0. */
  rssiCorrection?: number;
  /**
   * The radio's scan period, default 300 s (the EN framework scans about every 5 minutes). A scan instance stands
   * for the time since the previous scan, so each gets min(gap to the previous scan instance, this) seconds and the
   * first of a window gets this: one sighting is one scan period of contact, never a whole gap of absence.
   */
  scanIntervalSeconds?: number;
  /** Sightings of one key less than this after a scan instance's first one belong to that scan, default 30 s. */
  sameScanSeconds?: number;
  /** Longest window, default 1800 s (30 minutes, as the EN framework). */
  maxWindowSeconds?: number;
  /** Report type for keys without one (or "unknown"), default confirmed test (EN `reportTypeWhenMissing`). */
  reportTypeWhenMissing?: number;
  /** Infectiousness of a key from its days since onset of symptoms; default {@link defaultInfectiousness}. */
  infectiousnessOf?: (daysSinceOnsetOfSymptoms: number | undefined) => number;
  backend?: CryptoBackend;
}

/**
 * Default infectiousness by days since symptom onset (EN `daysSinceOnsetToInfectiousness`): high from 2 days before
 * to 5 days after onset, where transmission concentrates (He et al., "Temporal dynamics in viral shedding and
 * transmissibility of COVID-19", Nature Medicine 2020), standard otherwise and when unknown. It never answers
 * "none", so no window is silently dropped by default.
 */
export function defaultInfectiousness(daysSinceOnsetOfSymptoms: number | undefined): number {
  if (daysSinceOnsetOfSymptoms === undefined) return Infectiousness.standard;
  return daysSinceOnsetOfSymptoms >= -2 && daysSinceOnsetOfSymptoms <= 5 ? Infectiousness.high : Infectiousness.standard;
}

const DAY_SECONDS = 86_400;

interface Observation {
  timestamp: number;
  attenuation: number;
  calibrationConfidence: number;
}

/** The median of a non-empty sorted list, rounded: the scan's "typical" attenuation. */
const median = (sorted: number[]) => Math.round(((sorted[(sorted.length - 1) >> 1] as number) + (sorted[sorted.length >> 1] as number)) / 2);

function scanInstancesOf(observations: Observation[], scanInterval: number, sameScan: number): ScanInstance[] {
  const scans: ScanInstance[] = [];
  let previousStart: number | undefined;
  for (let i = 0; i < observations.length; ) {
    const start = (observations[i] as Observation).timestamp;
    const attenuations: number[] = [];
    while (i < observations.length && (observations[i] as Observation).timestamp - start < sameScan) {
      attenuations.push((observations[i] as Observation).attenuation);
      i++;
    }
    attenuations.sort((a, b) => a - b);
    const gap = previousStart === undefined ? scanInterval : Math.min(start - previousStart, scanInterval);
    // The risk weights read minAttenuation: it holds the proximity rule's window attenuation (the mean received
    // power, which leans on the strongest readings as EN's minimum does, but which one fluke reading moves less), so
    // that the phone's risk score and `bluezone proximity classify` judge the same readings the same way.
    const windowAttenuation = Math.round(proximityWindowAttenuation(attenuations));
    scans.push({ minAttenuation: windowAttenuation, typicalAttenuation: median(attenuations), secondsSinceLastScan: Math.round(gap) });
    previousStart = start;
  }
  return scans;
}

/**
 * Builds EN-style exposure windows from matches: per key, decrypt each matched sighting's AEM with
 * AEMK = HKDF(TEK, "EN-AEMK") to read the sender's tx power and calibration confidence; attenuation =
 * txPower − (RSSI + rssiCorrection) in whole dB, floored at 0 (EN Bluetooth Specification v1.2: the advertised
 * tx power is the calibrated radiated power, so the difference is the path loss); sightings sorted by time are cut
 * into windows of at most 30 minutes that never cross a UTC midnight (risk is aggregated per UTC day); sightings
 * a few seconds apart form one scan instance (the proximity rule's attenuation, and the median). The windows feed
 * `aggregateRisk`.
 *
 * Example:
 * ```ts
 * const windows = buildExposureWindows(keys, sightings, matchDiagnosisKeys(keys, table), { nowSeconds });
 * const risk = aggregateRisk(windows, bluezoneRiskConfiguration);
 * ```
 */
export function buildExposureWindows(
  keys: readonly DiagnosisKey[],
  sightings: readonly Sighting[],
  matches: readonly KeyMatch[],
  options: ExposureWindowOptions,
): MatchedExposureWindow[] {
  if (!Array.isArray(keys) || !Array.isArray(sightings) || !Array.isArray(matches)) {
    throw new ProtocolError('invalid_argument', 'keys, sightings and matches must be arrays');
  }
  assertFiniteNumber(options?.nowSeconds, 'nowSeconds');
  const rssiCorrection = options.rssiCorrection ?? 0;
  assertFiniteNumber(rssiCorrection, 'rssiCorrection');
  const scanInterval = options.scanIntervalSeconds ?? 300;
  const sameScan = options.sameScanSeconds ?? 30;
  const maxWindow = options.maxWindowSeconds ?? 1800;
  assertInteger(scanInterval, 'scanIntervalSeconds', 1, 3600);
  assertInteger(sameScan, 'sameScanSeconds', 1, 3600);
  assertInteger(maxWindow, 'maxWindowSeconds', 60, DAY_SECONDS);
  const missingReportType = options.reportTypeWhenMissing ?? ReportType.confirmedTest;
  const infectiousnessOf = options.infectiousnessOf ?? defaultInfectiousness;
  const backend = options.backend ?? pureCryptoBackend;
  const today = Math.floor(options.nowSeconds / DAY_SECONDS);

  const byKey = new Map<number, number[]>();
  for (const match of matches) {
    const key = keys[match.keyIndex];
    const sighting = sightings[match.sightingIndex];
    if (!key || !sighting) throw new ProtocolError('invalid_argument', 'a match refers to a key or sighting that is not there');
    const list = byKey.get(match.keyIndex) ?? [];
    list.push(match.sightingIndex);
    byKey.set(match.keyIndex, list);
  }

  const windows: MatchedExposureWindow[] = [];
  for (const [keyIndex, sightingIndexes] of [...byKey].sort((a, b) => a[0] - b[0])) {
    const key = keys[keyIndex] as DiagnosisKey;
    if (key.reportType === ReportType.revoked) continue;
    const reportType = !key.reportType ? missingReportType : key.reportType;
    const infectiousness = infectiousnessOf(key.daysSinceOnsetOfSymptoms ?? undefined);
    if (infectiousness === Infectiousness.none) continue;
    const aemk = deriveAssociatedEncryptedMetadataKey(key.keyData, backend);
    const observations: Observation[] = sightingIndexes.map((i) => {
      const sighting = sightings[i] as Sighting;
      const metadata = decodeMetadata(decryptAssociatedMetadata(aemk, sighting.rpi, sighting.aem, backend));
      const attenuation = Math.max(0, Math.round(metadata.txPowerDbm - (sighting.rssi + rssiCorrection)));
      return { timestamp: sighting.timestamp, attenuation, calibrationConfidence: metadata.calibrationConfidence };
    });
    observations.sort((a, b) => a.timestamp - b.timestamp);

    for (let i = 0; i < observations.length; ) {
      const start = (observations[i] as Observation).timestamp;
      const day = Math.floor(start / DAY_SECONDS);
      const inWindow: Observation[] = [];
      while (
        i < observations.length &&
        (observations[i] as Observation).timestamp - start < maxWindow &&
        Math.floor((observations[i] as Observation).timestamp / DAY_SECONDS) === day
      ) {
        inWindow.push(observations[i] as Observation);
        i++;
      }
      windows.push({
        ageInDays: Math.max(0, today - day),
        reportType,
        infectiousness,
        // The least confident sender reading in the window: a window is only as well calibrated as its worst scan.
        calibrationConfidence: Math.min(...inWindow.map((o) => o.calibrationConfidence)),
        scanInstances: scanInstancesOf(inWindow, scanInterval, sameScan),
        keyIndex,
        startTimestamp: start,
        endTimestamp: (inWindow[inWindow.length - 1] as Observation).timestamp,
        sightingCount: inWindow.length,
      });
    }
  }
  return windows;
}
