import { assertBytes, assertFiniteNumber } from '../assert.js';
import { ProtocolError } from '../errors.js';

/**
 * One advertisement of another phone, as the radio layer stores it on this phone: the 16-byte RPI and the 4-byte
 * AEM it carried, when (unix seconds, this phone's clock) and how strong (RSSI, dBm).
 *
 * Example: `{ rpi, aem, timestamp: 1585785900, rssi: -62 }`.
 */
export interface Sighting {
  rpi: Uint8Array;
  aem: Uint8Array;
  timestamp: number;
  rssi: number;
}

export function assertSighting(sighting: Sighting, name = 'sighting'): void {
  if (typeof sighting !== 'object' || sighting === null) {
    throw new ProtocolError('invalid_argument', `${name} must be an object`);
  }
  assertBytes(sighting.rpi, `${name}.rpi`, 16);
  assertBytes(sighting.aem, `${name}.aem`, 4);
  assertFiniteNumber(sighting.timestamp, `${name}.timestamp`);
  if (sighting.timestamp < 0) throw new ProtocolError('invalid_argument', `${name}.timestamp must not be negative`);
  assertFiniteNumber(sighting.rssi, `${name}.rssi`);
}
