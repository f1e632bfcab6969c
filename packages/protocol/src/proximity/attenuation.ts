import { ProtocolError } from '../errors.js';
import { assertFiniteNumber } from '../assert.js';

/**
 * Attenuation, the signal lost between the two phones, as the Exposure Notification framework defines it
 * (Google, "BLE attenuation computation", developers.google.com/android/exposure-notifications/ble-attenuation-overview):
 *
 *   attenuation = txPower − (rssi + rssiCorrection)
 *
 * where txPower is the calibrated radiated power of the sending phone's model (sent inside the encrypted metadata)
 * and rssiCorrection the calibrated offset of the receiving phone's model. Both come from per-model calibration
 * (see device-calibration.ts), so that the same distance gives about the same attenuation whatever the two models.
 *
 * @example proximityAttenuation(-70, -26, 4) // 40
 */
export function proximityAttenuation(rssi: number, txPowerDbm: number, rssiCorrectionDb: number): number {
  assertFiniteNumber(rssi, 'rssi');
  assertFiniteNumber(txPowerDbm, 'txPowerDbm');
  assertFiniteNumber(rssiCorrectionDb, 'rssiCorrectionDb');
  return txPowerDbm - (rssi + rssiCorrectionDb);
}

/**
 * Whether an RSSI value is a real reading. Android reports 127 when the value is unavailable (ScanResult
 * RSSI_UNKNOWN-style sentinel used by many apps) and some stacks log 0; real BLE readings lie within about
 * −127..+20 dBm. The bounds are wide on purpose: clipping plausible outliers is the robust statistic's job.
 */
export function isValidProximityRssi(rssi: number): boolean {
  return Number.isFinite(rssi) && rssi !== 127 && rssi !== 0 && rssi >= -127 && rssi <= 20;
}

/** Throws a ProtocolError unless rssi is a real reading (see isValidProximityRssi). */
export function assertProximityRssi(rssi: number, name = 'rssi'): void {
  assertFiniteNumber(rssi, name);
  if (!isValidProximityRssi(rssi)) {
    throw new ProtocolError('invalid_rssi', `${name} ${rssi} is not a valid RSSI reading (127 and 0 mean no reading)`);
  }
}
