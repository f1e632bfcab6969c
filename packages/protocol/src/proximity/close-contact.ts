import { ProtocolError } from '../errors.js';
import { assertFiniteNumber, assertInteger } from '../assert.js';
import { isValidProximityRssi } from './attenuation.js';
import { DEFAULT_PROXIMITY_CALIBRATION, type ProximityCalibrationValues } from './device-calibration.js';
import {
  assertProximityPathLossModel,
  DEFAULT_PROXIMITY_PATH_LOSS,
  proximityDistanceFromAttenuation,
  type ProximityPathLossModel,
} from './path-loss.js';
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
  readonly pathLoss?: ProximityPathLossModel;
  /** "Close" means within this distance (m). Default 2 (WHO and CDC close-contact distance, about 6 feet). */
  readonly maxDistanceM?: number;
  /** A close contact needs at least this many close minutes. Default 15 (WHO and CDC, cumulative). */
  readonly minCloseMinutes?: number;
  /** Width of a time bucket (s). Default 60: Herald's one-minute median window. */
  readonly windowSeconds?: number;
  /**
   * Readings at most this far apart (s) bridge the empty buckets between them. Default 300: the Exposure
   * Notification scanner samples about every 3–5 minutes, and each scan stands for the time until the next.
   */
  readonly maxGapSeconds?: number;
  /** Quantile of attenuation taken in each bucket. Default 0.5 (median). */
  readonly attenuationQuantile?: number;
}

export interface CloseContactWindow {
  /** Start of the bucket, unix seconds. */
  readonly startS: number;
  readonly readings: number;
  readonly attenuationDb: number;
  readonly distanceM: number;
  readonly close: boolean;
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
  /** Minutes judged within maxDistanceM, including bridged gaps. */
  readonly closeMinutes: number;
  readonly closeContact: boolean;
  /** Buckets that had readings, in time order. */
  readonly windows: readonly CloseContactWindow[];
}

/**
 * Decides whether two phones were within `maxDistanceM` for at least `minCloseMinutes` minutes.
 *
 * Decision rules (each chosen to be robust rather than tuned):
 * 1. Readings with RSSI 127, 0 or outside −127..20 dBm are skipped; the rest are sorted by time.
 * 2. Each reading becomes an attenuation, txPower − (rssi + rssiCorrection) (Exposure Notification calibration).
 * 3. Time is cut into buckets of `windowSeconds` from the first valid reading. A bucket's attenuation is the
 *    median of its readings: bodies and pockets only ever weaken the signal, and multi-path fading changes RSSI by
 *    20 dB over a few centimetres, so single readings are noise and the median is what the Herald robot
 *    measurements support (one-minute median window).
 * 4. The bucket's distance is the log-distance inverse of that attenuation; the bucket is close if ≤ maxDistanceM.
 * 5. Empty buckets between two close buckets count as close when the readings around them are at most
 *    `maxGapSeconds` apart (duty-cycled scanning); any other empty bucket counts as not close.
 * 6. Close minutes add up over the whole series (cumulative, as the WHO/CDC definition of 15 minutes in total), and
 *    closeContact = closeMinutes ≥ minCloseMinutes. Unlike Bluezone 2020, one sighting is never a contact.
 *
 * @example classifyCloseContact(readings, { maxDistanceM: 2, minCloseMinutes: 15 }).closeContact
 */
export function classifyCloseContact(
  readings: readonly ProximityReading[],
  options: CloseContactOptions = {},
): CloseContactResult {
  if (!Array.isArray(readings)) throw new ProtocolError('invalid_argument', 'readings must be an array');
  const receiver = options.receiver ?? DEFAULT_PROXIMITY_CALIBRATION;
  const sender = options.sender ?? DEFAULT_PROXIMITY_CALIBRATION;
  const pathLoss = options.pathLoss ?? DEFAULT_PROXIMITY_PATH_LOSS;
  const maxDistanceM = options.maxDistanceM ?? 2;
  const minCloseMinutes = options.minCloseMinutes ?? 15;
  const windowSeconds = options.windowSeconds ?? 60;
  const maxGapSeconds = options.maxGapSeconds ?? 300;
  const quantile = options.attenuationQuantile ?? 0.5;
  assertFiniteNumber(receiver.rssiCorrectionDb, 'receiver.rssiCorrectionDb');
  assertFiniteNumber(sender.txPowerDbm, 'sender.txPowerDbm');
  assertProximityPathLossModel(pathLoss);
  assertFiniteNumber(maxDistanceM, 'maxDistanceM');
  if (maxDistanceM <= 0) throw new ProtocolError('invalid_argument', 'maxDistanceM must be > 0');
  assertFiniteNumber(minCloseMinutes, 'minCloseMinutes');
  if (minCloseMinutes < 0) throw new ProtocolError('invalid_argument', 'minCloseMinutes must be ≥ 0');
  assertInteger(windowSeconds, 'windowSeconds', 1, 86_400);
  assertFiniteNumber(maxGapSeconds, 'maxGapSeconds');
  assertFiniteNumber(quantile, 'attenuationQuantile');
  if (quantile < 0 || quantile > 1) throw new ProtocolError('invalid_argument', 'attenuationQuantile must be in [0, 1]');

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
  let previous: { index: number; last: number; close: boolean } | undefined;
  for (const index of indices) {
    const bucket = buckets.get(index) as { first: number; last: number; values: number[] };
    const sorted = Float64Array.from(bucket.values).sort();
    const attenuationDb = quantileOfSorted(sorted, quantile);
    const distanceM = proximityDistanceFromAttenuation(attenuationDb, pathLoss);
    const close = distanceM <= maxDistanceM;
    windows.push({ startS: t0 + index * windowSeconds, readings: sorted.length, attenuationDb, distanceM, close });
    if (close) closeBuckets += 1;
    if (previous !== undefined && previous.close && close && bucket.first - previous.last <= maxGapSeconds) {
      closeBuckets += index - previous.index - 1;
    }
    previous = { index, last: bucket.last, close };
  }

  const distances = Float64Array.from(windows.map((w) => w.distanceM)).sort();
  const closeMinutes = (closeBuckets * windowSeconds) / 60;
  return {
    readings: valid.length,
    skippedReadings: readings.length - valid.length,
    durationMinutes: (((indices[indices.length - 1] as number) + 1) * windowSeconds) / 60,
    estimatedDistanceMedianM: quantileOfSorted(distances, 0.5),
    closeMinutes,
    closeContact: closeMinutes >= minCloseMinutes,
    windows,
  };
}
