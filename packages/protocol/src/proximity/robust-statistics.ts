import { ProtocolError } from '../errors.js';
import { assertFiniteNumber } from '../assert.js';

/**
 * Robust statistics for RSSI series. RSSI from phones is heavy-tailed on the weak side: a body, a pocket or a bag
 * between the phones, and multi-path fading, drop single readings by 10–30 dB while nothing makes a reading much
 * stronger than the free-space value. Means are dragged by those drops; order statistics are not. The Herald project
 * found the median over a one-minute sliding window the most generally useful smoother
 * (theheraldproject/herald-analysis, reference-data/rssi-raw-edison, "Solution").
 */

/**
 * The q-quantile (0 ≤ q ≤ 1) of values, with linear interpolation between order statistics (type 7 of Hyndman and
 * Fan, the default of R and NumPy), so `proximityQuantile(v, 0.5)` is the usual median.
 *
 * @example proximityQuantile([-60, -70, -90], 0.5) // -70
 */
export function proximityQuantile(values: readonly number[], q: number): number {
  assertFiniteNumber(q, 'q');
  if (q < 0 || q > 1) throw new ProtocolError('invalid_argument', `q must be in [0, 1], got ${q}`);
  if (values.length === 0) throw new ProtocolError('empty_series', 'cannot take a quantile of no values');
  const sorted = Float64Array.from(values);
  for (const v of sorted) if (!Number.isFinite(v)) throw new ProtocolError('invalid_argument', 'values must be finite');
  sorted.sort();
  return quantileOfSorted(sorted, q);
}

/** The median of values (see proximityQuantile). */
export function proximityMedian(values: readonly number[]): number {
  return proximityQuantile(values, 0.5);
}

/** Quantile of an already sorted array, without checks: the hot path of evaluations over millions of readings. */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}
