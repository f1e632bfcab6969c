import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { BLUEZONE_SERVICE_UUID16 } from './service-uuid.js';

/** RPI (16) || AEM (4): the service data, and the value of the iOS GATT characteristic. */
export const BLE_SERVICE_DATA_LENGTH = 20;
/** A legacy advertising PDU carries at most 31 bytes of AD structures (Core Spec Vol 6 Part B §2.3.1.3). */
export const BLE_LEGACY_ADVERTISEMENT_LENGTH = 31;
/**
 * What a scanner may hand us: advertising data plus scan response, 31 + 31 bytes. Android's ScanRecord.getBytes()
 * returns this, zero-padded, so the decoder accepts up to 62 bytes and stops at the first zero-length AD.
 */
export const BLE_MAX_SCAN_RECORD_LENGTH = 62;

// AD types (Bluetooth Assigned Numbers, "Common Data Types").
const AD_FLAGS = 0x01;
const AD_INCOMPLETE_UUID16_LIST = 0x02;
const AD_COMPLETE_UUID16_LIST = 0x03;
const AD_SERVICE_DATA_UUID16 = 0x16;
/**
 * LE General Discoverable (bit 1, 0x02, the one bit the EN Bluetooth spec requires) | simultaneous LE and BR/EDR,
 * controller and host (bits 3-4, 0x18), as phones set them: 0x1A, the value esp-ena writes too. The OS usually
 * writes the Flags AD itself; this value is for devices that build the whole payload (beacons, tests).
 */
export const BLE_DEFAULT_ADVERTISING_FLAGS = 0x1a;

export interface BleServiceData {
  /** Rolling Proximity Identifier, 16 bytes. */
  rpi: Uint8Array;
  /** Associated Encrypted Metadata, 4 bytes. */
  aem: Uint8Array;
}

export interface BleAdvertisement extends BleServiceData {
  /** The Flags AD value, or undefined if the advertisement carried none (a scan response cannot). */
  flags: number | undefined;
}

export interface BleAdvertisementOptions {
  /** Defaults to BLUEZONE_SERVICE_UUID16; other values only to check against EN reference payloads. */
  serviceUuid16?: number;
  /** Flags AD value; defaults to BLE_DEFAULT_ADVERTISING_FLAGS. */
  flags?: number;
}

/**
 * RPI || AEM, the 20 bytes of service data (EN Bluetooth Specification v1.2, "Advertising Payload").
 *
 * @example encodeBleServiceData(rpi, aem) // Uint8Array(20)
 */
export function encodeBleServiceData(rpi: Uint8Array, aem: Uint8Array): Uint8Array {
  assertBytes(rpi, 'rpi', 16);
  assertBytes(aem, 'aem', 4);
  const out = new Uint8Array(BLE_SERVICE_DATA_LENGTH);
  out.set(rpi, 0);
  out.set(aem, 16);
  return out;
}

/**
 * Splits 20 bytes of service data (or an iOS GATT read) into RPI and AEM; copies, so the caller may reuse its buffer.
 *
 * @example decodeBleServiceData(bytes).rpi // Uint8Array(16)
 */
export function decodeBleServiceData(data: Uint8Array): BleServiceData {
  assertBytes(data, 'data');
  if (data.length !== BLE_SERVICE_DATA_LENGTH) {
    throw new ProtocolError(
      'ble_wrong_service_data_length',
      `service data must be ${BLE_SERVICE_DATA_LENGTH} bytes (RPI || AEM), got ${data.length}`,
    );
  }
  return { rpi: data.slice(0, 16), aem: data.slice(16, 20) };
}

/**
 * The whole 31-byte legacy advertising data, laid out as the EN Bluetooth spec's payload with our UUID:
 *   02 01 FF                       Flags AD (3 bytes)
 *   03 03 LL HH                    Complete List of 16-bit Service UUIDs AD (4 bytes), before the service data
 *   17 16 LL HH <RPI 16> <AEM 4>   Service Data - 16-bit UUID AD (24 bytes)
 * 3 + 4 + 24 = 31, exactly the legacy limit, which is why nothing else (no name, no TX power AD) fits.
 *
 * @example toHex(encodeBleAdvertisement(rpi, aem)) // "02011a03035aff17165aff" + rpi + aem
 */
export function encodeBleAdvertisement(
  rpi: Uint8Array,
  aem: Uint8Array,
  options: BleAdvertisementOptions = {},
): Uint8Array {
  const serviceData = encodeBleServiceData(rpi, aem);
  const uuid = options.serviceUuid16 ?? BLUEZONE_SERVICE_UUID16;
  const flags = options.flags ?? BLE_DEFAULT_ADVERTISING_FLAGS;
  assertInteger(uuid, 'serviceUuid16', 0, 0xffff);
  assertInteger(flags, 'flags', 0, 0xff);
  const uuidLo = uuid & 0xff;
  const uuidHi = uuid >> 8; // AD fields are little-endian (Core Spec Vol 3 Part C §11).
  const out = new Uint8Array(BLE_LEGACY_ADVERTISEMENT_LENGTH);
  out.set([0x02, AD_FLAGS, flags], 0);
  out.set([0x03, AD_COMPLETE_UUID16_LIST, uuidLo, uuidHi], 3);
  out.set([1 + 2 + BLE_SERVICE_DATA_LENGTH, AD_SERVICE_DATA_UUID16, uuidLo, uuidHi], 7);
  out.set(serviceData, 11);
  return out;
}

/**
 * Reads RPI and AEM from received advertising data (optionally with its scan response appended). Tolerant of AD
 * order and of unrelated ADs (TX power, manufacturer data, other services' data), since stacks and OS versions
 * differ; strict about every length, so a truncated or foreign payload is rejected with a typed code rather than
 * read as a wrong identifier:
 *   ble_payload_empty, ble_payload_too_long, ble_payload_truncated (an AD overruns the buffer),
 *   ble_invalid_ad_length (a known AD with the wrong length), ble_missing_service_uuid (no 16-bit UUID list naming
 *   our service), ble_missing_service_data, ble_wrong_service_uuid (service data only for other UUIDs),
 *   ble_wrong_service_data_length, ble_duplicate_service_data.
 *
 * @example decodeBleAdvertisement(encodeBleAdvertisement(rpi, aem)).rpi // rpi
 */
export function decodeBleAdvertisement(
  payload: Uint8Array,
  options: Pick<BleAdvertisementOptions, 'serviceUuid16'> = {},
): BleAdvertisement {
  assertBytes(payload, 'payload');
  const uuid = options.serviceUuid16 ?? BLUEZONE_SERVICE_UUID16;
  assertInteger(uuid, 'serviceUuid16', 0, 0xffff);
  if (payload.length === 0 || payload[0] === 0) throw new ProtocolError('ble_payload_empty', 'advertisement is empty');
  if (payload.length > BLE_MAX_SCAN_RECORD_LENGTH) {
    throw new ProtocolError(
      'ble_payload_too_long',
      `advertisement is ${payload.length} bytes, more than ${BLE_MAX_SCAN_RECORD_LENGTH} (advertising + scan response)`,
    );
  }
  let flags: number | undefined;
  let listsOurUuid = false;
  let serviceData: Uint8Array | undefined;
  let otherServiceData = false;
  let offset = 0;
  while (offset < payload.length) {
    const length = payload[offset] as number;
    // A zero length ends the significant part; the rest is padding (Core Spec Vol 3 Part C §11).
    if (length === 0) break;
    if (offset + 1 + length > payload.length) {
      throw new ProtocolError(
        'ble_payload_truncated',
        `AD at byte ${offset} claims ${length} bytes but only ${payload.length - offset - 1} remain`,
      );
    }
    const type = payload[offset + 1] as number;
    const data = payload.subarray(offset + 2, offset + 1 + length);
    if (type === AD_FLAGS) {
      if (data.length !== 1) throw adLength('Flags', data.length, 'exactly 1');
      flags = data[0];
    } else if (type === AD_COMPLETE_UUID16_LIST || type === AD_INCOMPLETE_UUID16_LIST) {
      if (data.length === 0 || data.length % 2 !== 0) throw adLength('16-bit UUID list', data.length, 'a multiple of 2');
      for (let i = 0; i < data.length; i += 2) {
        if (((data[i] as number) | ((data[i + 1] as number) << 8)) === uuid) listsOurUuid = true;
      }
    } else if (type === AD_SERVICE_DATA_UUID16) {
      if (data.length < 2) throw adLength('Service Data', data.length, 'at least 2');
      if (((data[0] as number) | ((data[1] as number) << 8)) !== uuid) {
        otherServiceData = true;
      } else {
        if (serviceData !== undefined) {
          throw new ProtocolError('ble_duplicate_service_data', 'advertisement carries our service data twice');
        }
        serviceData = data.subarray(2);
      }
    }
    offset += 1 + length;
  }
  if (serviceData === undefined) {
    throw otherServiceData
      ? new ProtocolError('ble_wrong_service_uuid', `service data is not for UUID 0x${hex16(uuid)}`)
      : new ProtocolError('ble_missing_service_data', 'advertisement has no 16-bit service data');
  }
  if (!listsOurUuid) {
    throw new ProtocolError('ble_missing_service_uuid', `no 16-bit service UUID list names 0x${hex16(uuid)}`);
  }
  return { ...decodeBleServiceData(serviceData), flags };
}

function adLength(what: string, got: number, expected: string): ProtocolError {
  return new ProtocolError('ble_invalid_ad_length', `${what} AD data is ${got} bytes, must be ${expected}`);
}

function hex16(value: number): string {
  return value.toString(16).padStart(4, '0');
}
