import { ProtocolError } from '../errors.js';
import { assertFiniteNumber } from '../assert.js';
import {
  PROXIMITY_MAX_ESTIMATED_DISTANCE_M,
  PROXIMITY_PATH_LOSS_EXPONENT_RANGE,
  proximityDistanceFromAttenuation,
  type ProximityPathLossModel,
} from './path-loss.js';
import { quantileOfSorted } from './robust-statistics.js';

/**
 * How the readings of one window (a scan, or a minute) become one attenuation. Bodies, pockets and bags only ever
 * weaken the signal, so statistics that lean on the strongest readings resist them best:
 * - `median`: the middle reading;
 * - `upper-quartile` / `upper-decile`: the RSSI exceeded by a quarter / a tenth of the readings (the attenuation
 *   quantile 0.25 / 0.1: a robust version of the Exposure Notification scan's minimum attenuation);
 * - `power-mean`: the mean received power, 10·log10(mean 10^(rssi/10)), which weak readings barely move.
 */
export type ProximityWindowStatistic = 'median' | 'upper-quartile' | 'upper-decile' | 'power-mean';

/** The whole proximity rule: three numbers and a statistic. */
export interface ProximityRule {
  readonly windowStatistic: ProximityWindowStatistic;
  /** Calibrated attenuation (dB) at the close-contact distance: a window at or below it counts as close. */
  readonly closeAttenuationDb: number;
  /** The close-contact distance (m) that closeAttenuationDb stands for. */
  readonly closeDistanceM: number;
  /**
   * dB per decade of distance / 10, used to turn attenuation into metres around closeAttenuationDb. It is the slope
   * that best predicts distance from a noisy attenuation, not the physical path-loss exponent: see
   * packages/protocol/eval/README.md ("Distance").
   */
  readonly pathLossExponent: number;
}

/**
 * The shipped rule, chosen by `npm run eval:proximity` on two independent data sets (robot, line of sight; people
 * with phones in hands, pockets and bags) as the candidate whose worst data set does best; see
 * packages/protocol/eval/README.md for the figures and for what was tried and not kept. Used, and only used, by
 * classifyCloseContact (the CLI), buildExposureWindows (the phone's scan instances) and the `bluezone` risk preset.
 */
export const PROXIMITY_RULE: ProximityRule = Object.freeze({
  windowStatistic: 'power-mean',
  closeAttenuationDb: 44,
  closeDistanceM: 2,
  pathLossExponent: 4,
});

export function assertProximityRule(rule: ProximityRule): void {
  if (typeof rule !== 'object' || rule === null) throw new ProtocolError('invalid_argument', 'rule must be an object');
  if (!['median', 'upper-quartile', 'upper-decile', 'power-mean'].includes(rule.windowStatistic)) {
    throw new ProtocolError('invalid_argument', `unknown window statistic ${String(rule.windowStatistic)}`);
  }
  assertFiniteNumber(rule.closeAttenuationDb, 'closeAttenuationDb');
  assertFiniteNumber(rule.closeDistanceM, 'closeDistanceM');
  assertFiniteNumber(rule.pathLossExponent, 'pathLossExponent');
  if (rule.closeDistanceM <= 0) throw new ProtocolError('invalid_argument', 'closeDistanceM must be > 0');
  const { min, max } = PROXIMITY_PATH_LOSS_EXPONENT_RANGE;
  if (rule.pathLossExponent < min || rule.pathLossExponent > max) {
    throw new ProtocolError('invalid_argument', `pathLossExponent must be in [${min}, ${max}], got ${rule.pathLossExponent}`);
  }
}

/**
 * One window's attenuation from the attenuations of its readings (each tx − (rssi + rssiCorrection)).
 *
 * @example proximityWindowAttenuation([40, 60]) // 43: one strong reading outweighs a 20 dB body-shadowed one
 */
export function proximityWindowAttenuation(attenuationsDb: readonly number[], rule: ProximityRule = PROXIMITY_RULE): number {
  if (!Array.isArray(attenuationsDb) || attenuationsDb.length === 0) {
    throw new ProtocolError('empty_series', 'a window needs at least one attenuation');
  }
  const sorted = Float64Array.from(attenuationsDb);
  for (const a of sorted) assertFiniteNumber(a, 'attenuationDb');
  sorted.sort();
  return windowAttenuationOfSorted(sorted, rule.windowStatistic);
}

/** The statistic of already sorted, checked attenuations: the hot path of classifications and evaluations. */
export function windowAttenuationOfSorted(sorted: ArrayLike<number>, statistic: ProximityWindowStatistic): number {
  switch (statistic) {
    case 'median':
      return quantileOfSorted(sorted, 0.5);
    case 'upper-quartile':
      return quantileOfSorted(sorted, 0.25);
    case 'upper-decile':
      return quantileOfSorted(sorted, 0.1);
    case 'power-mean': {
      // Mean of 10^(−a/10) relative to the strongest reading, so that no power under- or overflows.
      const strongest = sorted[0] as number;
      let sum = 0;
      for (let i = 0; i < sorted.length; i++) sum += 10 ** (-((sorted[i] as number) - strongest) / 10);
      return strongest - 10 * Math.log10(sum / sorted.length);
    }
  }
}

/** The log-distance curve the rule implies: attenuation(d) = closeAttenuationDb + 10·n·log10(d / closeDistanceM). */
export function proximityRulePathLoss(rule: ProximityRule = PROXIMITY_RULE): ProximityPathLossModel {
  return {
    attenuationAt1mDb: rule.closeAttenuationDb - 10 * rule.pathLossExponent * Math.log10(rule.closeDistanceM),
    pathLossExponent: rule.pathLossExponent,
  };
}

/** Attenuation (dB) at which the rule puts distance d (m > 0): the threshold for "within d". */
export function proximityRuleAttenuationAt(distanceM: number, rule: ProximityRule = PROXIMITY_RULE): number {
  assertFiniteNumber(distanceM, 'distanceM');
  if (distanceM <= 0) throw new ProtocolError('invalid_argument', `distanceM must be > 0, got ${distanceM}`);
  return rule.closeAttenuationDb + 10 * rule.pathLossExponent * Math.log10(distanceM / rule.closeDistanceM);
}

/** Estimated distance (m) of a window's attenuation, capped at PROXIMITY_MAX_ESTIMATED_DISTANCE_M. */
export function proximityRuleDistance(attenuationDb: number, rule: ProximityRule = PROXIMITY_RULE): number {
  return Math.min(PROXIMITY_MAX_ESTIMATED_DISTANCE_M, proximityDistanceFromAttenuation(attenuationDb, proximityRulePathLoss(rule)));
}

/**
 * How much a window's time counts towards a close contact: 1 within the close-contact distance, ½ up to 1.5 times it
 * (2 to 3 m: a body between the phones or a phone in a bag adds 5–10 dB, so a real 1.5 m contact often reads there),
 * 0 beyond. The same bands are the `bluezone` risk preset's attenuation weights (risk/bluezone-preset.ts), so the
 * phone's risk score and `bluezone proximity classify` count the same minutes.
 *
 * @example proximityContactWeight(40) // 1
 */
export function proximityContactWeight(attenuationDb: number, maxDistanceM?: number, rule: ProximityRule = PROXIMITY_RULE): number {
  assertFiniteNumber(attenuationDb, 'attenuationDb');
  const close = maxDistanceM ?? rule.closeDistanceM;
  if (attenuationDb <= proximityRuleAttenuationAt(close, rule)) return 1;
  if (attenuationDb <= proximityRuleAttenuationAt(close * PROXIMITY_HALF_WEIGHT_FACTOR, rule)) return 0.5;
  return 0;
}

/** Up to this multiple of the close-contact distance a window counts half (2 m → 3 m). */
export const PROXIMITY_HALF_WEIGHT_FACTOR = 1.5;
