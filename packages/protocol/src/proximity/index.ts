// Proximity: RSSI → calibrated attenuation → distance, and the close-contact decision over a series of readings.
export { proximityAttenuation, isValidProximityRssi, assertProximityRssi } from './attenuation.js';
export {
  PROXIMITY_DEVICE_CALIBRATIONS,
  DEFAULT_PROXIMITY_CALIBRATION,
  findProximityDeviceCalibration,
  resolveProximityCalibration,
  type ProximityDeviceCalibration,
  type ProximityCalibrationValues,
  type ProximityCalibrationConfidence,
  type ResolvedProximityCalibration,
} from './device-calibration.js';
export {
  PROXIMITY_RULE,
  PROXIMITY_HALF_WEIGHT_FACTOR,
  assertProximityRule,
  proximityWindowAttenuation,
  proximityRulePathLoss,
  proximityRuleAttenuationAt,
  proximityRuleDistance,
  proximityContactWeight,
  type ProximityRule,
  type ProximityWindowStatistic,
} from './rule.js';
export {
  PROXIMITY_PATH_LOSS_EXPONENT_RANGE,
  PROXIMITY_MAX_ESTIMATED_DISTANCE_M,
  assertProximityPathLossModel,
  proximityDistanceFromAttenuation,
  proximityAttenuationAtDistance,
  type ProximityPathLossModel,
} from './path-loss.js';
export { proximityQuantile, proximityMedian, quantileOfSorted as proximityQuantileOfSorted } from './robust-statistics.js';
export {
  classifyCloseContact,
  type ProximityReading,
  type CloseContactOptions,
  type CloseContactWindow,
  type CloseContactResult,
} from './close-contact.js';
export {
  fitProximityPathLoss,
  fitProximityDeviceOffsets,
  type ProximityFitSample,
  type ProximityPathLossFitOptions,
  type ProximityDeviceOffsets,
  type ProximityDeviceOffsetFitOptions,
} from './fit.js';
