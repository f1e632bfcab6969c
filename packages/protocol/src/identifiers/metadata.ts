import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';

/** Length of the BLE metadata, clear or encrypted (EN Bluetooth Specification v1.2, "Advertising Payload"). */
export const METADATA_LENGTH = 4;

/** The fields of the 4-byte metadata broadcast, encrypted, with every RPI. */
export interface BleMetadata {
  /** Bits 7-6 of byte 0: 1 for the v1.x protocol. */
  versionMajor: number;
  /** Bits 5-4 of byte 0: 0 for v1.0. */
  versionMinor: number;
  /** Byte 1, signed: the measured radiated transmit power of the advertisements, -127..127 dBm. */
  txPowerDbm: number;
  /**
   * Bits 1-0 of byte 2: how much the sender trusts its own calibration (0 lowest .. 3 high, the order of
   * Apple's ENCalibrationConfidence). The public v1.2 Bluetooth specification marks byte 2 "reserved for future
   * use", so v1.2 senders write 0 = lowest confidence, which is the safe reading.
   */
  calibrationConfidence: number;
}

/**
 * The 4 metadata bytes (EN Bluetooth Specification v1.2, "Advertising Payload": byte 0 versioning, bits 7-6 major,
 * bits 5-4 minor, bits 3-0 reserved; byte 1 transmit power level as int8 dBm; bytes 2-3 reserved; here byte 2
 * bits 1-0 carry the calibration confidence). Reserved bits are written as zero.
 *
 * @example encodeMetadata({ versionMajor: 1, versionMinor: 0, txPowerDbm: 8, calibrationConfidence: 0 })
 *   // 40080000
 */
export function encodeMetadata(metadata: BleMetadata): Uint8Array {
  if (typeof metadata !== 'object' || metadata === null) {
    throw new ProtocolError('invalid_argument', 'metadata must be an object');
  }
  assertInteger(metadata.versionMajor, 'versionMajor', 0, 3);
  assertInteger(metadata.versionMinor, 'versionMinor', 0, 3);
  // The specification limits the field to -127..+127, leaving -128 unused.
  assertInteger(metadata.txPowerDbm, 'txPowerDbm', -127, 127);
  assertInteger(metadata.calibrationConfidence, 'calibrationConfidence', 0, 3);
  return Uint8Array.of(
    (metadata.versionMajor << 6) | (metadata.versionMinor << 4),
    metadata.txPowerDbm & 0xff,
    metadata.calibrationConfidence,
    0,
  );
}

/**
 * Reads the 4 metadata bytes. Reserved bits are ignored rather than rejected, so that a later minor version that
 * uses them still decodes (the specification's reason for reserving them).
 *
 * @example decodeMetadata(fromHex('40080000'))
 *   // { versionMajor: 1, versionMinor: 0, txPowerDbm: 8, calibrationConfidence: 0 }
 */
export function decodeMetadata(bytes: Uint8Array): BleMetadata {
  assertBytes(bytes, 'metadata', METADATA_LENGTH);
  const b0 = bytes[0] as number;
  const b1 = bytes[1] as number;
  const b2 = bytes[2] as number;
  return {
    versionMajor: b0 >> 6,
    versionMinor: (b0 >> 4) & 0x03,
    txPowerDbm: b1 > 127 ? b1 - 256 : b1,
    calibrationConfidence: b2 & 0x03,
  };
}
