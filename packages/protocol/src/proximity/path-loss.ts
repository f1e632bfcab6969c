import { ProtocolError } from '../errors.js';
import { assertFiniteNumber } from '../assert.js';

/**
 * Log-distance path loss (Rappaport, "Wireless Communications", 2nd ed., §4.9.1): the mean attenuation grows by
 * 10·n dB per decade of distance,
 *
 *   attenuation(d) = attenuationAt1m + 10 · n · log10(d / 1 m)
 *
 * n = 2 in free space (Friis); indoors and near bodies it is typically 1.5–4. Two parameters, both physical, so a
 * fit on one data set can be checked for plausibility and is less likely to learn that data set's quirks than a
 * curve with more freedom. Herald's robot measurements show a near-linear trend in RSSI beyond 2 m with deep
 * multi-path undulations on top; no two-parameter curve follows the undulations, so smoothing (robust-statistics.ts)
 * matters more than the curve.
 */
export interface ProximityPathLossModel {
  /** Calibrated attenuation (dB) at 1 m between phones. */
  readonly attenuationAt1mDb: number;
  /** Path-loss exponent n (dimensionless). */
  readonly pathLossExponent: number;
}

/** Bounds that keep a fitted or configured model physical. */
export const PROXIMITY_PATH_LOSS_EXPONENT_RANGE = { min: 0.5, max: 6 } as const;

export function assertProximityPathLossModel(model: ProximityPathLossModel): void {
  if (typeof model !== 'object' || model === null) {
    throw new ProtocolError('invalid_argument', 'path loss model must be an object');
  }
  assertFiniteNumber(model.attenuationAt1mDb, 'attenuationAt1mDb');
  assertFiniteNumber(model.pathLossExponent, 'pathLossExponent');
  const { min, max } = PROXIMITY_PATH_LOSS_EXPONENT_RANGE;
  if (model.pathLossExponent < min || model.pathLossExponent > max) {
    throw new ProtocolError('invalid_argument', `pathLossExponent must be in [${min}, ${max}], got ${model.pathLossExponent}`);
  }
}

/**
 * The farthest distance an estimate reports. The inverse of the log law is exponential, so a few dB of body shadowing
 * or a miscalibrated phone turn "far" into hundreds of metres; past about 10 m Bluetooth RSSI no longer tells one
 * distance from another (the undulations of multi-path fading are larger than the trend), so an estimate beyond it
 * means only "far" and is reported as 10 m. It bounds the error of far readings without touching any decision at
 * contact range (1–5 m).
 */
export const PROXIMITY_MAX_ESTIMATED_DISTANCE_M = 10;

/**
 * Distance (m) at which the model predicts this attenuation: the inverse of the log-distance law, capped at
 * PROXIMITY_MAX_ESTIMATED_DISTANCE_M.
 *
 * @example proximityDistanceFromAttenuation(45, { attenuationAt1mDb: 45, pathLossExponent: 2 }) // 1
 */
export function proximityDistanceFromAttenuation(attenuationDb: number, model: ProximityPathLossModel): number {
  assertFiniteNumber(attenuationDb, 'attenuationDb');
  assertProximityPathLossModel(model);
  return Math.min(
    PROXIMITY_MAX_ESTIMATED_DISTANCE_M,
    10 ** ((attenuationDb - model.attenuationAt1mDb) / (10 * model.pathLossExponent)),
  );
}

/** Attenuation (dB) the model predicts at distance d (m > 0). */
export function proximityAttenuationAtDistance(distanceM: number, model: ProximityPathLossModel): number {
  assertFiniteNumber(distanceM, 'distanceM');
  if (distanceM <= 0) throw new ProtocolError('invalid_argument', `distanceM must be > 0, got ${distanceM}`);
  assertProximityPathLossModel(model);
  return model.attenuationAt1mDb + 10 * model.pathLossExponent * Math.log10(distanceM);
}
