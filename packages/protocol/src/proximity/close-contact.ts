import { ProtocolError } from '../errors.js';
import { assertFiniteNumber, assertInteger } from '../assert.js';
import { isValidProximityRssi } from './attenuation.js';
import { DEFAULT_PROXIMITY_CALIBRATION, type ProximityCalibrationValues } from './device-calibration.js';
import {
  assertProximityRule,
  PROXIMITY_RULE,
  proximityContactWeight,
  proximityRuleDistance,
  windowAttenuationOfSorted,
  type ProximityRule,
} from './rule.js';
import { quantileOfSorted } from './robust-statistics.js';

/** One sighting of the other phone. */
export interface ProximityReading {
  /** Unix time, seconds (fractions allowed). */
  readonly timestampS: number;
  /** Measured RSSI, dBm. 127 and 0 mean "no reading" and are skipped. */
  readonly rssi: number;
  /** Calibrated tx power the sender advertised (Exposure Notification metadata); overrides the sender's model. */
  readonly txPowerDbm?: number;
}

export interface CloseContactOptions {
  /** Receiving phone's calibration (its rssiCorrectionDb is used). Default: the table's median model. */
  readonly receiver?: ProximityCalibrationValues;
  /** Sending phone's calibration (its txPowerDbm is used when a reading carries none). Default: median model. */
  readonly sender?: ProximityCalibrationValues;
  /** "Close" means within this distance (m). Default 2 (WHO and CDC close-contact distance, about 6 feet). */
  readonly maxDistanceM?: number;
  /** A close contact needs at least this many weighted close minutes. Default 15 (WHO and CDC, cumulative). */
  readonly minCloseMinutes?: number;
  /** Width of a time bucket (s). Default 60. */
  readonly windowSeconds?: number;
  /**
   * Readings at most this far apart (s) bridge the empty buckets between them. Default 300: the Exposure
   * Notification scanner samples about every 3–5 minutes, and each scan stands for the time until the next.
   */
  readonly maxGapSeconds?: number;
  /** The proximity rule; default PROXIMITY_RULE, the one the phone and the risk scoring use. */
  readonly rule?: ProximityRule;
}

export interface CloseContactWindow {
  /** Start of the bucket, unix seconds. */
  readonly startS: number;
  readonly readings: number;
  readonly attenuationDb: number;
  readonly distanceM: number;
  /** Within maxDistanceM. */
  readonly close: boolean;
  /** 1 close, ½ up to 1.5 × maxDistanceM, 0 beyond (proximityContactWeight). */
  readonly weight: number;
}

export interface CloseContactResult {
  /** Valid readings used. */
  readonly readings: number;
  /** Readings skipped as invalid (RSSI 127, 0 or out of range). */
  readonly skippedReadings: number;
  /** Buckets from the first to the last valid reading, in minutes. */
  readonly durationMinutes: number;
  /** Median over buckets with readings of the estimated distance (m). */
  readonly estimatedDistanceMedianM: number;
  /** Median over buckets with readings of their attenuation (dB): the figure the estimate is made of. */
  readonly attenuationMedianDb: number;
  /** Minutes judged within maxDistanceM, including bridged gaps. */
  readonly closeMinutes: number;
  /** Minutes weighted by proximityContactWeight (half-weight minutes count half), including bridged gaps. */
  readonly weightedMinutes: number;
  /** weightedMinutes ≥ minCloseMinutes. */
  readonly closeContact: boolean;
  /** Buckets that had readings, in time order. */
  readonly windows: readonly CloseContactWindow[];
}

/**
 * Decides whether two phones were within `maxDistanceM` for long enough, by the one proximity rule (rule.ts) that
 * the phone's risk scoring also uses.
 *
 * 1. Readings with RSSI 127, 0 or outside −127..20 dBm are skipped; the rest are sorted by time.
 * 2. Each reading becomes an attenuation, txPower − (rssi + rssiCorrection) (Exposure Notification calibration).
 * 3. Time is cut into buckets of `windowSeconds` from the first valid reading; a bucket's attenuation is the rule's
 *    window statistic of its readings, and its weight proximityContactWeight of that: 1 within maxDistanceM, ½ up to
 *    1.5 × maxDistanceM, 0 beyond.
 * 4. Empty buckets between two buckets of weight > 0 whose readings are at most `maxGapSeconds` apart count with the
 *    smaller of the two weights (duty-cycled scanning); any other empty bucket counts nothing.
 * 5. Weighted minutes add up over the whole series (cumulative, as the WHO/CDC 15 minutes in total), and
 *    closeContact = weightedMinutes ≥ minCloseMinutes: the `bluezone` risk preset's rule for a high-risk contact.
 *    Unlike Bluezone 2020, one sighting is never a contact.
 *
 * @example classifyCloseContact(readings, { maxDistanceM: 2, minCloseMinutes: 15 }).closeContact
 */
export function classifyCloseContact(readings: readonly ProximityReading[], options: CloseContactOptions = {}): CloseContactResult {
  if (!Array.isArray(readings)) throw new ProtocolError('invalid_argument', 'readings must be an array');
  const receiver = options.receiver ?? DEFAULT_PROXIMITY_CALIBRATION;
  const sender = options.sender ?? DEFAULT_PROXIMITY_CALIBRATION;
  const rule = options.rule ?? PROXIMITY_RULE;
  const maxDistanceM = options.maxDistanceM ?? rule.closeDistanceM;
  const minCloseMinutes = options.minCloseMinutes ?? 15;
  const windowSeconds = options.windowSeconds ?? 60;
  const maxGapSeconds = options.maxGapSeconds ?? 300;
  assertFiniteNumber(receiver.rssiCorrectionDb, 'receiver.rssiCorrectionDb');
  assertFiniteNumber(sender.txPowerDbm, 'sender.txPowerDbm');
  assertProximityRule(rule);
  assertFiniteNumber(maxDistanceM, 'maxDistanceM');
  if (maxDistanceM <= 0) throw new ProtocolError('invalid_argument', 'maxDistanceM must be > 0');
  assertFiniteNumber(minCloseMinutes, 'minCloseMinutes');
  if (minCloseMinutes < 0) throw new ProtocolError('invalid_argument', 'minCloseMinutes must be ≥ 0');
  assertInteger(windowSeconds, 'windowSeconds', 1, 86_400);
  assertFiniteNumber(maxGapSeconds, 'maxGapSeconds');

  const valid: { t: number; attenuation: number }[] = [];
  readings.forEach((reading, index) => {
    assertFiniteNumber(reading?.timestampS, `readings[${index}].timestampS`);
    assertFiniteNumber(reading.rssi, `readings[${index}].rssi`);
    if (reading.txPowerDbm !== undefined) assertFiniteNumber(reading.txPowerDbm, `readings[${index}].txPowerDbm`);
    if (!isValidProximityRssi(reading.rssi)) return;
    const tx = reading.txPowerDbm ?? sender.txPowerDbm;
    valid.push({ t: reading.timestampS, attenuation: tx - (reading.rssi + receiver.rssiCorrectionDb) });
  });
  if (valid.length === 0) {
    throw new ProtocolError('empty_series', 'no valid RSSI readings (RSSI 127 and 0 mean no reading)');
  }
  valid.sort((a, b) => a.t - b.t);

  const t0 = (valid[0] as { t: number }).t;
  const buckets = new Map<number, { first: number; last: number; values: number[] }>();
  for (const { t, attenuation } of valid) {
    const index = Math.floor((t - t0) / windowSeconds);
    const bucket = buckets.get(index);
    if (bucket === undefined) buckets.set(index, { first: t, last: t, values: [attenuation] });
    else {
      bucket.values.push(attenuation);
      bucket.last = t;
    }
  }

  const indices = [...buckets.keys()].sort((a, b) => a - b);
  const windows: CloseContactWindow[] = [];
  let closeBuckets = 0;
  let weightedBuckets = 0;
  let previous: { index: number; last: number; weight: number } | undefined;
  for (const index of indices) {
    const bucket = buckets.get(index) as { first: number; last: number; values: number[] };
    const sorted = Float64Array.from(bucket.values).sort();
    const attenuationDb = windowAttenuationOfSorted(sorted, rule.windowStatistic);
    const weight = proximityContactWeight(attenuationDb, maxDistanceM, rule);
    const close = weight === 1;
    windows.push({ startS: t0 + index * windowSeconds, readings: sorted.length, attenuationDb, distanceM: proximityRuleDistance(attenuationDb, rule), close, weight });
    const bridged = previous !== undefined && bucket.first - previous.last <= maxGapSeconds ? index - previous.index - 1 : 0;
    if (close) closeBuckets += 1 + (previous?.weight === 1 ? bridged : 0);
    weightedBuckets += weight + Math.min(weight, previous?.weight ?? 0) * bridged;
    previous = { index, last: bucket.last, weight };
  }

  const median = (values: number[]) => quantileOfSorted(Float64Array.from(values).sort(), 0.5);
  const weightedMinutes = (weightedBuckets * windowSeconds) / 60;
  return {
    readings: valid.length,
    skippedReadings: readings.length - valid.length,
    durationMinutes: (((indices[indices.length - 1] as number) + 1) * windowSeconds) / 60,
    estimatedDistanceMedianM: median(windows.map((w) => w.distanceM)),
    attenuationMedianDb: median(windows.map((w) => w.attenuationDb)),
    closeMinutes: (closeBuckets * windowSeconds) / 60,
    weightedMinutes,
    closeContact: weightedMinutes >= minCloseMinutes,
    windows,
  };
}
