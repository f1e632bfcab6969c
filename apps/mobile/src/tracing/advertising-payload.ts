import {
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifier,
  deriveRollingProximityIdentifierKey,
  encodeBleServiceData,
  encodeMetadata,
  encryptAssociatedMetadata,
  intervalNumber,
  type BleMetadata,
} from '@bluezone/protocol';
import type { DailyKey } from './daily-keys';

/**
 * The 20 bytes this phone puts on the air at `unixSeconds`: RPI ‖ AEM (EN Bluetooth Specification v1.2,
 * "Advertising Payload"), the RPI of the interval in which the identifier rotates, the AEM its metadata encrypted
 * with AEMK under that RPI. Android sends them as service data; iOS serves them from a GATT characteristic.
 */
export function advertisingPayload(key: DailyKey, unixSeconds: number, metadata: BleMetadata): Uint8Array {
  const rpik = deriveRollingProximityIdentifierKey(key.tek);
  const rpi = deriveRollingProximityIdentifier(rpik, intervalNumber(unixSeconds));
  const aem = encryptAssociatedMetadata(deriveAssociatedEncryptedMetadataKey(key.tek), rpi, encodeMetadata(metadata));
  return encodeBleServiceData(rpi, aem);
}

/**
 * When to change identifier next: a random time between `minSeconds` and `maxSeconds` from now. The EN Bluetooth
 * specification rotates the identifier with the Bluetooth address about every 15 minutes, at a random moment, so
 * that the two cannot be linked across a rotation; a fixed period would let a listener line them up.
 */
export function nextRotationDelaySeconds(random: () => number, minSeconds: number, maxSeconds: number): number {
  return minSeconds + random() * Math.max(0, maxSeconds - minSeconds);
}
