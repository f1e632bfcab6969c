import { ProtocolError } from '../errors.js';
import { PROXIMITY_DEVICE_CALIBRATIONS, type ProximityDeviceCalibration } from './device-calibration.data.js';

export { PROXIMITY_DEVICE_CALIBRATIONS, type ProximityDeviceCalibration } from './device-calibration.data.js';

/** The two numbers that enter attenuation = txPower − (rssi + rssiCorrection). */
export interface ProximityCalibrationValues {
  readonly txPowerDbm: number;
  readonly rssiCorrectionDb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Values for a model that is not in the table: the median of the Exposure Notification rows. An unknown phone is
 * most likely an ordinary one, and the median keeps a single odd row from moving the default (the Exposure
 * Notification list itself falls back to averages of sister models and then of all models).
 */
export const DEFAULT_PROXIMITY_CALIBRATION: ProximityCalibrationValues = Object.freeze({
  txPowerDbm: median(PROXIMITY_DEVICE_CALIBRATIONS.filter((d) => d.source === 'en').map((d) => d.txPowerDbm)),
  rssiCorrectionDb: median(PROXIMITY_DEVICE_CALIBRATIONS.filter((d) => d.source === 'en').map((d) => d.rssiCorrectionDb)),
});

/** Case, spaces, hyphens and a leading manufacturer do not matter: "galaxy-a20", "SM-A205F", "Samsung Galaxy A20". */
function normalise(name: string): string {
  return name.toLowerCase().replace(/[\s_\-+]+/g, (m) => (m.includes('+') ? '+' : ''));
}

/**
 * Finds a model by its model code or its marketing name, with or without the manufacturer; undefined when unknown.
 *
 * @example findProximityDeviceCalibration('Galaxy A20')?.txPowerDbm // -26
 */
export function findProximityDeviceCalibration(name: string): ProximityDeviceCalibration | undefined {
  if (typeof name !== 'string') throw new ProtocolError('invalid_argument', 'device model name must be a string');
  const key = normalise(name);
  if (key === '') return undefined;
  return PROXIMITY_DEVICE_CALIBRATIONS.find((d) =>
    [d.model, d.name, `${d.manufacturer} ${d.name}`, `${d.manufacturer} ${d.model}`].some((n) => normalise(n) === key),
  );
}

/** Like findProximityDeviceCalibration, but throws `unknown_device_model` for a name not in the table. */
export function requireProximityDeviceCalibration(name: string): ProximityDeviceCalibration {
  const found = findProximityDeviceCalibration(name);
  if (found === undefined) throw new ProtocolError('unknown_device_model', `unknown device model "${name}"`);
  return found;
}
