import {
  DEFAULT_PROXIMITY_CALIBRATION,
  findProximityDeviceCalibration,
  type BleMetadata,
} from '@bluezone/protocol';

/** This phone's calibration: what it advertises as its tx power, and what it adds to what it hears. */
export interface PhoneCalibration {
  /** Whole dBm, as the 4-byte metadata carries it. */
  txPowerDbm: number;
  rssiCorrectionDb: number;
  /** 0 lowest .. 3 high (the metadata's calibration confidence). */
  calibrationConfidence: number;
  /** The table row's name, or undefined when this model is not in the table. */
  model: string | undefined;
}

/**
 * The phone's calibration from the protocol's device table (`findProximityDeviceCalibration`), by model code or
 * marketing name. An unknown model gets the table's default and the lowest confidence, never an error: a phone
 * must trace even when its maker is not in the list. Rows from Google's Exposure Notification list are trusted
 * more (medium) than the ones placed on its scale from other measurements (low).
 */
export function phoneCalibration(modelNames: readonly (string | null | undefined)[]): PhoneCalibration {
  for (const name of modelNames) {
    if (!name) continue;
    const row = findProximityDeviceCalibration(name);
    if (row) {
      return {
        txPowerDbm: Math.round(row.txPowerDbm),
        rssiCorrectionDb: row.rssiCorrectionDb,
        calibrationConfidence: row.source === 'en' ? 2 : 1,
        model: `${row.manufacturer} ${row.name}`,
      };
    }
  }
  return {
    txPowerDbm: Math.round(DEFAULT_PROXIMITY_CALIBRATION.txPowerDbm),
    rssiCorrectionDb: DEFAULT_PROXIMITY_CALIBRATION.rssiCorrectionDb,
    calibrationConfidence: 0,
    model: undefined,
  };
}

/** The metadata every advertisement of this phone carries, encrypted, beside the RPI. */
export function advertisedMetadata(calibration: PhoneCalibration): BleMetadata {
  return { versionMajor: 1, versionMinor: 0, txPowerDbm: calibration.txPowerDbm, calibrationConfidence: calibration.calibrationConfidence };
}
