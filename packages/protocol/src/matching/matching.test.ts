import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { fromHex } from '../hex.js';
import {
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encodeMetadata,
  encryptAssociatedMetadata,
  pureCryptoBackend,
} from '../identifiers/index.js';
import { aggregateRisk } from '../risk/aggregate-risk.js';
import { bluezoneRiskConfiguration } from '../risk/bluezone-preset.js';
import { ReportType, RiskLevel } from '../risk/exposure-window.js';
import type { DiagnosisKey } from './diagnosis-key.js';
import { buildExposureWindows } from './exposure-windows.js';
import { findExposureWindows } from './find-exposure-windows.js';
import { matchDiagnosisKeys } from './match-keys.js';
import type { Sighting } from './sighting.js';
import { buildSightingTable, lookupRpi, sightingTableFromBuffer } from './sighting-table.js';
import { generateSyntheticPhone } from './synthetic-phone.js';

// EN Cryptography Specification v1.2 test vectors (google/exposure-notifications-internals, TestVectors.java,
// Apache-2.0): the TEK of interval 2642976, its first three RPI/AEM pairs, metadata 40080000 (tx power +8 dBm).
const VECTOR = {
  tek: fromHex('75c734c6dd1a782de7a965da5eb93125'),
  start: 2642976,
  advertised: [
    { rpi: '8be6cd371c5c891604bfbe49df845096', aem: '72033874' },
    { rpi: '3c9a1de5dd6b02afa7fded7b570b3e56', aem: 'c29211b1' },
    { rpi: '243ffe9a3b08bded3094bac8630bb8ad', aem: '6adfad03' },
  ],
};
const vectorKey: DiagnosisKey = { keyData: VECTOR.tek, rollingStartIntervalNumber: VECTOR.start, rollingPeriod: 144, reportType: 1 };
const vectorSighting = (j: number, timestamp: number, rssi = -50): Sighting => ({
  rpi: fromHex(VECTOR.advertised[j]!.rpi),
  aem: fromHex(VECTOR.advertised[j]!.aem),
  timestamp,
  rssi,
});
const startOf = (interval: number) => interval * 600;
const random = (n: number) => pureCryptoBackend.randomBytes(n);
const noise = (count: number, timestamp: number): Sighting[] =>
  Array.from({ length: count }, () => ({ rpi: random(16), aem: random(4), timestamp, rssi: -70 }));

describe('sighting table', () => {
  it('finds every sighting of an RPI, checks all 16 bytes, and works over a shared buffer', () => {
    const rpi = random(16);
    const sameprefix = Uint8Array.from(rpi);
    sameprefix[15]! ^= 1;
    const sightings = [...noise(500, 0), { rpi, aem: random(4), timestamp: 1, rssi: -50 }, { rpi: sameprefix, aem: random(4), timestamp: 2, rssi: -50 }, { rpi, aem: random(4), timestamp: 3, rssi: -50 }];
    const table = buildSightingTable(sightings);
    const found: number[] = [];
    expect(lookupRpi(table, rpi, found)).toBe(2);
    expect(found.sort((a, b) => a - b)).toEqual([500, 502]);
    const copy = sightingTableFromBuffer(table.buffer, table.count);
    expect(lookupRpi(copy, sameprefix, (found.length = 0, found))).toBe(1);
    expect(found).toEqual([501]);
    expect(lookupRpi(copy, random(16), [])).toBe(0);
    expect(() => sightingTableFromBuffer(table.buffer, table.count + 1)).toThrow(ProtocolError);
  });

  it('refuses malformed sightings', () => {
    expect(() => buildSightingTable([{ rpi: random(15), aem: random(4), timestamp: 0, rssi: 0 }])).toThrow(ProtocolError);
    expect(() => buildSightingTable([{ rpi: random(16), aem: random(4), timestamp: -1, rssi: 0 }])).toThrow(/negative/);
  });
});

describe('matchDiagnosisKeys', () => {
  it('matches the official vector RPIs to their key and interval', () => {
    const sightings = [...noise(100, startOf(VECTOR.start)), vectorSighting(0, startOf(VECTOR.start) + 60), vectorSighting(2, startOf(VECTOR.start + 2) + 1)];
    const matches = matchDiagnosisKeys([{ ...vectorKey, keyData: random(16) }, vectorKey], buildSightingTable(sightings));
    expect(matches).toEqual([
      { keyIndex: 1, sightingIndex: 100, interval: VECTOR.start },
      { keyIndex: 1, sightingIndex: 101, interval: VECTOR.start + 2 },
    ]);
  });

  it('allows ±2 hours of clock drift by default, and exactly the drift asked for', () => {
    const from = startOf(VECTOR.start) - 7200;
    const to = startOf(VECTOR.start + 1) + 7200; // exclusive
    const sightings = [vectorSighting(0, from), vectorSighting(0, from - 1), vectorSighting(0, to - 1), vectorSighting(0, to)];
    const table = buildSightingTable(sightings);
    expect(matchDiagnosisKeys([vectorKey], table).map((m) => m.sightingIndex)).toEqual([0, 2]);
    expect(matchDiagnosisKeys([vectorKey], table, { driftSeconds: 7201 }).map((m) => m.sightingIndex)).toEqual([0, 1, 2, 3]);
    expect(matchDiagnosisKeys([vectorKey], table, { driftSeconds: 0 })).toEqual([]);
  });

  it('only derives the intervals of the rolling period', () => {
    const sightings = [vectorSighting(2, startOf(VECTOR.start + 2))];
    expect(matchDiagnosisKeys([{ ...vectorKey, rollingPeriod: 2 }], buildSightingTable(sightings))).toEqual([]);
    expect(matchDiagnosisKeys([{ ...vectorKey, rollingPeriod: 3 }], buildSightingTable(sightings))).toHaveLength(1);
  });

  it('skips deriving keys from hours in which the phone saw nothing', () => {
    let derivations = 0;
    const counting = { ...pureCryptoBackend, hkdfSha256: (...args: Parameters<typeof pureCryptoBackend.hkdfSha256>) => (derivations++, pureCryptoBackend.hkdfSha256(...args)) };
    const sightings = [vectorSighting(0, startOf(VECTOR.start) + 60)];
    const dayBefore = { ...vectorKey, keyData: random(16), rollingStartIntervalNumber: VECTOR.start - 144 - 13 };
    const dayAfter = { ...vectorKey, keyData: random(16), rollingStartIntervalNumber: VECTOR.start + 144 + 12 };
    // Ends 110 minutes before the sighting's interval: within the 2-hour drift, so it is derived (and does not match);
    // dayBefore ends 130 minutes before, out of reach.
    const justBefore = { ...vectorKey, keyData: random(16), rollingStartIntervalNumber: VECTOR.start - 144 - 11 };
    const matches = matchDiagnosisKeys([dayBefore, vectorKey, dayAfter, justBefore], buildSightingTable(sightings), { backend: counting });
    expect(matches).toEqual([{ keyIndex: 1, sightingIndex: 0, interval: VECTOR.start }]);
    expect(derivations).toBe(2);
  });

  it('takes keys read from an export file, whose absent fields are null', () => {
    const exportKey = { ...vectorKey, rollingPeriod: 144, transmissionRiskLevel: null, reportType: null, daysSinceOnsetOfSymptoms: null };
    const sightings = [vectorSighting(1, startOf(VECTOR.start + 1) + 5)];
    const { matches, windows } = findExposureWindows([exportKey], sightings, { nowSeconds: startOf(VECTOR.start) });
    expect(matches).toEqual([{ keyIndex: 0, sightingIndex: 0, interval: VECTOR.start + 1 }]);
    expect(windows[0]).toMatchObject({ reportType: ReportType.confirmedTest, infectiousness: 1, ageInDays: 0 });
  });

  it('refuses malformed keys', () => {
    const table = buildSightingTable([]);
    expect(() => matchDiagnosisKeys([{ ...vectorKey, keyData: random(15) }], table)).toThrow(/keys\[0\]\.keyData/);
    expect(() => matchDiagnosisKeys([{ ...vectorKey, rollingPeriod: 145 }], table)).toThrow(ProtocolError);
    expect(() => matchDiagnosisKeys([vectorKey], table, { driftSeconds: -1 })).toThrow(/driftSeconds/);
  });
});

describe('buildExposureWindows', () => {
  const now = startOf(VECTOR.start) + 3 * 86_400;

  it('decrypts the AEM for the tx power and computes attenuation = tx power − RSSI', () => {
    const sightings = [vectorSighting(0, startOf(VECTOR.start) + 60, -50), vectorSighting(0, startOf(VECTOR.start) + 70, -45)];
    const { windows } = findExposureWindows([vectorKey], sightings, { nowSeconds: now });
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({
      ageInDays: 3,
      reportType: ReportType.confirmedTest,
      calibrationConfidence: 0,
      keyIndex: 0,
      sightingCount: 2,
      // Both in one scan: tx power +8 dBm, RSSI −50 and −45 → 58 and 53 dB; the proximity rule's window attenuation
      // (mean received power) is 54.8 dB, the median 55.5 dB.
      scanInstances: [{ minAttenuation: 55, typicalAttenuation: 56, secondsSinceLastScan: 300 }],
    });
    const corrected = findExposureWindows([vectorKey], sightings, { nowSeconds: now, rssiCorrection: 5 }).windows;
    expect(corrected[0]?.scanInstances[0]?.minAttenuation).toBe(50);
  });

  /** A contact with a fresh key: sightings at the given offsets (seconds) from `start`. */
  function contact(start: number, offsets: number[], reportType?: number) {
    const key: DiagnosisKey = { keyData: random(16), rollingStartIntervalNumber: Math.floor(start / 600) - 6, rollingPeriod: 144, reportType };
    // (Not aligned to midnight, so that one key can span two UTC days, as a drifting clock can make it.)
    const aemk = deriveAssociatedEncryptedMetadataKey(key.keyData);
    const metadata = encodeMetadata({ versionMajor: 1, versionMinor: 0, txPowerDbm: 0, calibrationConfidence: 3 });
    const sightings = offsets.map((offset): Sighting => {
      const t = start + offset;
      const rpi = deriveRollingProximityIdentifiers(deriveRollingProximityIdentifierKey(key.keyData), Math.floor(t / 600), 1);
      return { rpi, aem: encryptAssociatedMetadata(aemk, rpi, metadata), timestamp: t, rssi: -40 };
    });
    return { key, sightings };
  }

  it('cuts windows at 30 minutes and at UTC midnight, and caps time between scans at the scan period', () => {
    const day = 20_000 * 86_400;
    const { key, sightings } = contact(day - 1200, [0, 300, 900, 1200, 1500, 3000]);
    const windows = buildExposureWindows([key], sightings, matchDiagnosisKeys([key], buildSightingTable(sightings)), { nowSeconds: day + 86_400 });
    // 0, 300, 900 are before midnight; 1200 starts the next day's window, which holds 1200 and 1500; 3000 is 30 min later.
    expect(windows.map((w) => [w.ageInDays, w.sightingCount, w.scanInstances.map((s) => s.secondsSinceLastScan)])).toEqual([
      [2, 3, [300, 300, 300]],
      [1, 2, [300, 300]],
      [1, 1, [300]],
    ]);
  });

  it('turns 20 minutes at about 1 m into an F1 (high risk) and 30 minutes at about 10 m into nothing', () => {
    const start = 20_000 * 86_400 + 3600;
    const near = contact(start, [0, 300, 600, 900, 1200], ReportType.confirmedTest);
    const far = contact(start, [0, 300, 600, 900, 1200, 1500], ReportType.confirmedTest);
    far.sightings.forEach((s) => (s.rssi = -72)); // tx power 0 dBm: 72 dB
    const keys = [near.key, far.key];
    const sightings = [...near.sightings, ...far.sightings];
    const windows = buildExposureWindows(keys, sightings, matchDiagnosisKeys(keys, buildSightingTable(sightings)), { nowSeconds: start + 86_400 });
    expect(windows.map((w) => [w.keyIndex, w.scanInstances.length, w.scanInstances[0]?.minAttenuation])).toEqual([
      [0, 5, 40],
      [1, 6, 72],
    ]);
    const risk = aggregateRisk(windows, bluezoneRiskConfiguration);
    expect(risk.windows[0]).toMatchObject({ weightedMinutes: 25, normalizedTime: 25, riskLevel: RiskLevel.high });
    expect(risk.windows[1]).toMatchObject({ weightedMinutes: 0, riskLevel: RiskLevel.low });
    expect(risk).toMatchObject({ totalRiskLevel: RiskLevel.high, ageOfMostRecentDateWithHighRisk: 1, totalMinimumDistinctEncountersWithHighRisk: 1 });
  });

  it('drops revoked keys and fills in the report type of keys without one', () => {
    const start = 20_000 * 86_400 + 3600;
    const revoked = contact(start, [0, 300], ReportType.revoked);
    const missing = contact(start, [0, 300], undefined);
    const keys = [revoked.key, missing.key];
    const sightings = [...revoked.sightings, ...missing.sightings];
    const matches = matchDiagnosisKeys(keys, buildSightingTable(sightings));
    expect(matches).toHaveLength(4);
    const windows = buildExposureWindows(keys, sightings, matches, { nowSeconds: start, reportTypeWhenMissing: ReportType.selfReport });
    expect(windows.map((w) => [w.keyIndex, w.reportType])).toEqual([[1, ReportType.selfReport]]);
  });
});

describe('a synthetic phone end to end', () => {
  it('finds exactly the published keys it met, and makes windows of them', () => {
    const nowSeconds = 1_700_000_000;
    const phone = generateSyntheticPhone({ nowSeconds, publishedKeys: 300, contacts: 6, sightingsPerDay: 200, seed: 7 });
    const { matches, windows } = findExposureWindows(phone.publishedKeys, phone.sightings, { nowSeconds });
    expect([...new Set(matches.map((m) => m.keyIndex))]).toEqual(phone.contactKeyIndexes);
    expect(windows.length).toBeGreaterThanOrEqual(6);
    expect(new Set(windows.map((w) => w.keyIndex))).toEqual(new Set(phone.contactKeyIndexes));
    expect(aggregateRisk(windows, bluezoneRiskConfiguration).windows).toHaveLength(windows.length);
  });
});
