import { ProtocolError } from '../errors.js';
import { assertFiniteNumber } from '../assert.js';
import { PROXIMITY_PATH_LOSS_EXPONENT_RANGE, type ProximityPathLossModel } from './path-loss.js';

/** One smoothed observation: a window's attenuation at a known distance, between a receiving and a sending model. */
export interface ProximityFitSample {
  readonly attenuationDb: number;
  readonly distanceM: number;
  /** Receiving model key (only used by fitProximityDeviceOffsets). */
  readonly receiver?: string;
  /** Sending model key (only used by fitProximityDeviceOffsets). */
  readonly sender?: string;
}

export interface ProximityPathLossFitOptions {
  /**
   * Distances below this (m) are raised to it. Measured distances are between phone cases; the antennas sit a few
   * centimetres inside, and log10(0) is undefined. Default 0.1.
   */
  readonly minDistanceM?: number;
}

/**
 * Fits attenuation = attenuationAt1m + 10·n·log10(d) by least absolute deviations (iteratively reweighted least
 * squares, 30 rounds): the residuals of RSSI against distance are skewed by fading dips, and an L1 fit follows the
 * median as the classifier does. The exponent is clamped to PROXIMITY_PATH_LOSS_EXPONENT_RANGE.
 *
 * @example fitProximityPathLoss([{ attenuationDb: 45, distanceM: 1 }, { attenuationDb: 51, distanceM: 2 }])
 */
export function fitProximityPathLoss(
  samples: readonly ProximityFitSample[],
  options: ProximityPathLossFitOptions = {},
): ProximityPathLossModel {
  if (!Array.isArray(samples)) throw new ProtocolError('invalid_argument', 'samples must be an array');
  const minDistanceM = options.minDistanceM ?? 0.1;
  assertFiniteNumber(minDistanceM, 'minDistanceM');
  const n = samples.length;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  samples.forEach((s, i) => {
    assertFiniteNumber(s.attenuationDb, `samples[${i}].attenuationDb`);
    assertFiniteNumber(s.distanceM, `samples[${i}].distanceM`);
    x[i] = 10 * Math.log10(Math.max(s.distanceM, minDistanceM));
    y[i] = s.attenuationDb;
  });
  let distinct = false;
  for (let i = 1; i < n && !distinct; i++) distinct = x[i] !== x[0];
  if (!distinct) throw new ProtocolError('insufficient_data', 'need samples at two or more distances to fit');

  const w = new Float64Array(n).fill(1);
  let intercept = 0;
  let slope = 2;
  for (let round = 0; round < 30; round++) {
    let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i] as number, xi = x[i] as number, yi = y[i] as number;
      sw += wi; sx += wi * xi; sy += wi * yi; sxx += wi * xi * xi; sxy += wi * xi * yi;
    }
    const denominator = sw * sxx - sx * sx;
    if (denominator <= 0) break;
    slope = (sw * sxy - sx * sy) / denominator;
    intercept = (sy - slope * sx) / sw;
    // Weight 1/|residual| turns least squares into least absolute deviations; the floor (0.5 dB) avoids division by 0.
    for (let i = 0; i < n; i++) w[i] = 1 / Math.max(0.5, Math.abs((y[i] as number) - intercept - slope * (x[i] as number)));
  }
  const { min, max } = PROXIMITY_PATH_LOSS_EXPONENT_RANGE;
  const pathLossExponent = Math.min(max, Math.max(min, slope));
  if (pathLossExponent !== slope) {
    // Refit the intercept alone (median of residuals) once the exponent is pinned.
    const residuals = Array.from(y, (yi, i) => yi - pathLossExponent * (x[i] as number)).sort((a, b) => a - b);
    intercept = residuals[residuals.length >> 1] as number;
  }
  return { attenuationAt1mDb: intercept, pathLossExponent };
}

/** Corrections fitted per model on top of a calibration table, in dB: txPower += tx, rssiCorrection += rx. */
export interface ProximityDeviceOffsets {
  readonly tx: ReadonlyMap<string, number>;
  readonly rx: ReadonlyMap<string, number>;
}

export interface ProximityDeviceOffsetFitOptions extends ProximityPathLossFitOptions {
  /**
   * Ridge shrinkage, in samples: an offset is a sum of residuals divided by (count + shrinkage), so a model seen in
   * few windows stays near the table value. Default 100.
   */
  readonly shrinkage?: number;
  /** Alternating rounds between the path-loss fit and the offsets. Default 8. */
  readonly rounds?: number;
}

/**
 * Fits the path-loss model together with per-model tx and rx corrections (alternating: path loss on corrected
 * attenuations, then each model's correction as a shrunk mean of its residuals). This is how a deployment would
 * refine the table from its own paired measurements; a model absent from the samples gets no correction.
 */
export function fitProximityDeviceOffsets(
  samples: readonly ProximityFitSample[],
  options: ProximityDeviceOffsetFitOptions = {},
): { pathLoss: ProximityPathLossModel; offsets: ProximityDeviceOffsets } {
  if (!Array.isArray(samples)) throw new ProtocolError('invalid_argument', 'samples must be an array');
  const shrinkage = options.shrinkage ?? 100;
  const rounds = options.rounds ?? 8;
  assertFiniteNumber(shrinkage, 'shrinkage');
  const minDistanceM = options.minDistanceM ?? 0.1;
  samples.forEach((s, i) => {
    if (typeof s.receiver !== 'string' || typeof s.sender !== 'string') {
      throw new ProtocolError('invalid_argument', `samples[${i}] needs receiver and sender keys`);
    }
  });
  const tx = new Map<string, number>();
  const rx = new Map<string, number>();
  const corrected = (s: ProximityFitSample) =>
    s.attenuationDb + (tx.get(s.sender as string) ?? 0) - (rx.get(s.receiver as string) ?? 0);
  let pathLoss = fitProximityPathLoss(samples, { minDistanceM });
  for (let round = 0; round < rounds; round++) {
    // e = predicted − observed = txOffset − rxOffset for a perfect fit.
    const e = samples.map(
      (s) =>
        pathLoss.attenuationAt1mDb +
        10 * pathLoss.pathLossExponent * Math.log10(Math.max(s.distanceM, minDistanceM)) -
        s.attenuationDb,
    );
    const sums = new Map<string, { sum: number; count: number }>();
    const add = (key: string, value: number) => {
      const entry = sums.get(key) ?? { sum: 0, count: 0 };
      entry.sum += value;
      entry.count += 1;
      sums.set(key, entry);
    };
    sums.clear();
    samples.forEach((s, i) => add(s.sender as string, (e[i] as number) + (rx.get(s.receiver as string) ?? 0)));
    for (const [key, { sum, count }] of sums) tx.set(key, sum / (count + shrinkage));
    sums.clear();
    samples.forEach((s, i) => add(s.receiver as string, (tx.get(s.sender as string) ?? 0) - (e[i] as number)));
    for (const [key, { sum, count }] of sums) rx.set(key, sum / (count + shrinkage));
    pathLoss = fitProximityPathLoss(
      samples.map((s) => ({ attenuationDb: corrected(s), distanceM: s.distanceM })),
      { minDistanceM },
    );
  }
  return { pathLoss, offsets: { tx, rx } };
}
