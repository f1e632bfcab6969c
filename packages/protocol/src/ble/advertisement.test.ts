import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { fromHex, toHex } from '../hex.js';
import { gaenVectors } from '../../test-vectors/gaen/vectors.js';
import {
  BLE_LEGACY_ADVERTISEMENT_LENGTH,
  BLUEZONE_SERVICE_UUID128,
  BLUEZONE_SERVICE_UUID16,
  decodeBleAdvertisement,
  decodeBleServiceData,
  encodeBleAdvertisement,
  encodeBleServiceData,
} from './index.js';

const first = gaenVectors.advertised_data[0]!;
const rpi = fromHex(first.rpi);
const aem = fromHex(first.aem);
const ours = encodeBleAdvertisement(rpi, aem);

/** Expects a ProtocolError with this exact code. */
function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe(code);
    return;
  }
  expect.fail(`expected ProtocolError ${code}`);
}

describe('service UUID', () => {
  it('is ours, not the phone OSes\' Exposure Notification UUID', () => {
    expect(BLUEZONE_SERVICE_UUID16).not.toBe(0xfd6f);
    expect(BLUEZONE_SERVICE_UUID128.slice(4, 8)).toBe(BLUEZONE_SERVICE_UUID16.toString(16).padStart(4, '0'));
  });
});

describe('service data', () => {
  it('is RPI || AEM and round-trips', () => {
    const data = encodeBleServiceData(rpi, aem);
    expect(toHex(data)).toBe(first.rpi + first.aem);
    expect(decodeBleServiceData(data)).toEqual({ rpi, aem });
  });
  it('rejects other lengths', () => {
    expectCode(() => decodeBleServiceData(new Uint8Array(19)), 'ble_wrong_service_data_length');
    expectCode(() => decodeBleServiceData(new Uint8Array(21)), 'ble_wrong_service_data_length');
    expect(() => encodeBleServiceData(rpi, new Uint8Array(3))).toThrow(ProtocolError);
  });
});

describe('legacy advertisement', () => {
  it('is byte-identical to the EN layout when given 0xFD6F', () => {
    const example = gaenVectors.example_ble_adv_payload_NOT_OFFICIAL;
    const encoded = encodeBleAdvertisement(rpi, aem, { serviceUuid16: 0xfd6f });
    expect(encoded).toHaveLength(example.length);
    expect(toHex(encoded)).toBe(example.hex);
  });
  it('fills exactly 31 bytes with our UUID, little-endian', () => {
    expect(ours).toHaveLength(BLE_LEGACY_ADVERTISEMENT_LENGTH);
    expect(toHex(ours)).toBe('02011a03035aff17165aff' + first.rpi + first.aem);
  });
  it('round-trips', () => {
    expect(decodeBleAdvertisement(ours)).toEqual({ rpi, aem, flags: 0x1a });
  });
  it('tolerates any AD order, unknown ADs, missing flags and zero padding (Android scan records)', () => {
    const flagsAd = ours.subarray(0, 3);
    const listAd = ours.subarray(3, 7);
    const dataAd = ours.subarray(7, 31);
    const txPowerAd = Uint8Array.of(0x02, 0x0a, 0xf4);
    const otherServiceData = Uint8Array.of(0x05, 0x16, 0x0a, 0x18, 0x01, 0x02);
    const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
    const reordered = concat(dataAd, txPowerAd, listAd, flagsAd);
    expect(decodeBleAdvertisement(reordered)).toEqual({ rpi, aem, flags: 0x1a });
    const noFlags = concat(listAd, otherServiceData, dataAd);
    expect(decodeBleAdvertisement(noFlags)).toEqual({ rpi, aem, flags: undefined });
    const padded = concat(ours, new Uint8Array(31));
    expect(padded).toHaveLength(62);
    expect(decodeBleAdvertisement(padded).rpi).toEqual(rpi);
    // Incomplete list (0x02) naming several UUIDs, ours second.
    const incompleteList = Uint8Array.of(0x05, 0x02, 0x0f, 0x18, 0x5a, 0xff);
    expect(decodeBleAdvertisement(concat(incompleteList, dataAd)).aem).toEqual(aem);
  });
  it('copies RPI and AEM out of the caller\'s buffer', () => {
    const buffer = Uint8Array.from(ours);
    const decoded = decodeBleAdvertisement(buffer);
    buffer.fill(0);
    expect(decoded.rpi).toEqual(rpi);
  });

  describe('rejects malformed payloads with a typed code', () => {
    const edit = (f: (b: Uint8Array) => void) => {
      const b = Uint8Array.from(ours);
      f(b);
      return b;
    };
    const cases: [string, Uint8Array, string][] = [
      ['empty', new Uint8Array(0), 'ble_payload_empty'],
      ['only padding', new Uint8Array(31), 'ble_payload_empty'],
      ['longer than advertising + scan response', new Uint8Array(63).fill(1), 'ble_payload_too_long'],
      ['truncated inside the service data', ours.subarray(0, 30), 'ble_payload_truncated'],
      ['truncated after a length byte', ours.subarray(0, 8), 'ble_payload_truncated'],
      ['AD length overrunning the buffer', edit((b) => (b[7] = 0x30)), 'ble_payload_truncated'],
      ['service data for another UUID (0xFD6F)', encodeBleAdvertisement(rpi, aem, { serviceUuid16: 0xfd6f }), 'ble_wrong_service_uuid'],
      ['no service data at all', ours.subarray(0, 7), 'ble_missing_service_data'],
      ['service data 19 bytes', Uint8Array.of(...ours.subarray(0, 7), 0x16, 0x16, 0x5a, 0xff, ...ours.subarray(11, 30)), 'ble_wrong_service_data_length'],
      ['service data 21 bytes', Uint8Array.of(...ours.subarray(0, 7), 0x18, 0x16, 0x5a, 0xff, ...ours.subarray(11, 31), 0), 'ble_wrong_service_data_length'],
      ['service data AD too short to hold a UUID', Uint8Array.of(0x02, 0x16, 0x5a), 'ble_invalid_ad_length'],
      ['flags AD of 2 bytes', Uint8Array.of(0x03, 0x01, 0x1a, 0x00, ...ours.subarray(3)), 'ble_invalid_ad_length'],
      ['UUID list of odd length', edit((b) => (b[3] = 0x02)), 'ble_invalid_ad_length'],
      ['UUID list naming another service', edit((b) => (b[5] = 0x6f)), 'ble_missing_service_uuid'],
      ['no UUID list', Uint8Array.of(...ours.subarray(0, 3), ...ours.subarray(7)), 'ble_missing_service_uuid'],
      ['our service data twice', Uint8Array.of(...ours.subarray(3), ...ours.subarray(7)), 'ble_duplicate_service_data'],
    ];
    it.each(cases)('%s', (_name, payload, code) => expectCode(() => decodeBleAdvertisement(payload), code));
    it('rejects a non-byte input', () => {
      expect(() => decodeBleAdvertisement('02011a' as unknown as Uint8Array)).toThrow(ProtocolError);
    });
  });
});
