import { describe, expect, it } from 'vitest';
import { nodeCryptoBackend } from '../node/crypto-backend.js';
import { fromHex, toHex } from '../hex.js';
import { ProtocolError } from '../errors.js';
import { gaenVectors as v } from '../../test-vectors/gaen/vectors.js';
import {
  type CryptoBackend,
  INTERVAL_SECONDS,
  TEK_ROLLING_PERIOD,
  decodeMetadata,
  decryptAssociatedMetadata,
  deriveAssociatedEncryptedMetadataKey,
  deriveRollingProximityIdentifier,
  deriveRollingProximityIdentifierKey,
  deriveRollingProximityIdentifiers,
  encodeMetadata,
  encryptAssociatedMetadata,
  generateTemporaryExposureKey,
  intervalNumber,
  pureCryptoBackend,
  rollingStartIntervalNumber,
} from './index.js';

const backends: CryptoBackend[] = [pureCryptoBackend, nodeCryptoBackend];
const tek = fromHex(v.tek);

describe('intervals', () => {
  it('matches the vector key time', () => {
    expect(INTERVAL_SECONDS).toBe(600);
    expect(TEK_ROLLING_PERIOD).toBe(144);
    expect(intervalNumber(v.key_generation_unix_seconds)).toBe(v.interval_number_of_generated_key);
    expect(intervalNumber(v.key_generation_unix_seconds + 599.9)).toBe(v.interval_number_of_generated_key);
    expect(intervalNumber(v.key_generation_unix_seconds + 600)).toBe(v.interval_number_of_generated_key + 1);
  });
  it('aligns the rolling start to the UTC day', () => {
    const day = v.key_generation_unix_seconds; // 2020-04-02T00:00:00Z
    expect(rollingStartIntervalNumber(day + 86399)).toBe(v.interval_number_of_generated_key);
    expect(rollingStartIntervalNumber(day + 86400)).toBe(v.interval_number_of_generated_key + 144);
    expect(rollingStartIntervalNumber(day - 1)).toBe(v.interval_number_of_generated_key - 144);
  });
  it('rejects times outside uint32 intervals', () => {
    expect(() => intervalNumber(-1)).toThrow(ProtocolError);
    expect(() => intervalNumber(2 ** 32 * 600)).toThrow(ProtocolError);
    expect(() => intervalNumber(Number.NaN)).toThrow(ProtocolError);
  });
});

describe('generateTemporaryExposureKey', () => {
  it('takes 16 bytes from the injected source', () => {
    const key = generateTemporaryExposureKey((n) => new Uint8Array(n).fill(7));
    expect(toHex(key)).toBe('07'.repeat(16));
  });
  it('gives different keys from the default source', () => {
    expect(toHex(generateTemporaryExposureKey())).not.toBe(toHex(generateTemporaryExposureKey()));
  });
  it('rejects a source that returns the wrong length', () => {
    expect(() => generateTemporaryExposureKey((n) => new Uint8Array(n - 1))).toThrow(/16 bytes/);
  });
});

describe.each(backends)('official EN v1.2 vectors, $name backend', (backend) => {
  const rpik = deriveRollingProximityIdentifierKey(tek, backend);
  const aemk = deriveAssociatedEncryptedMetadataKey(tek, backend);
  const metadata = fromHex(v.ble_metadata);

  it('derives RPIK and AEMK', () => {
    expect(toHex(rpik)).toBe(v.rpik);
    expect(toHex(aemk)).toBe(v.aemk);
  });

  it('derives all 144 RPIs one by one, and their AEMs', () => {
    expect(v.advertised_data).toHaveLength(144);
    for (const row of v.advertised_data) {
      const rpi = deriveRollingProximityIdentifier(rpik, row.interval_number, backend);
      expect(toHex(rpi)).toBe(row.rpi);
      const aem = encryptAssociatedMetadata(aemk, rpi, metadata, backend);
      expect(toHex(aem)).toBe(row.aem);
      expect(toHex(decryptAssociatedMetadata(aemk, rpi, aem, backend))).toBe(v.ble_metadata);
    }
  });

  it('gives the same RPIs whatever was derived before (the padded data is cached)', () => {
    const start = v.interval_number_of_generated_key;
    const two = toHex(deriveRollingProximityIdentifiers(rpik, start, 2, backend));
    expect(toHex(deriveRollingProximityIdentifiers(rpik, start, 3, backend))).toBe(two + v.advertised_data[2]!.rpi);
    expect(toHex(deriveRollingProximityIdentifiers(rpik, start + 1, 2, backend))).toBe(
      v.advertised_data[1]!.rpi + v.advertised_data[2]!.rpi,
    );
    expect(toHex(deriveRollingProximityIdentifiers(rpik, start, 2, backend))).toBe(two);
    // Longer than the cached size: built fresh, and still continuous.
    const many = deriveRollingProximityIdentifiers(rpik, start, 600, backend);
    expect(toHex(many.subarray(0, 32))).toBe(two);
    expect(toHex(many.subarray(599 * 16))).toBe(toHex(deriveRollingProximityIdentifier(rpik, start + 599, backend)));
    expect(toHex(deriveRollingProximityIdentifiers(rpik, start, 2, backend))).toBe(two);
  });

  it('derives all 144 RPIs in one call', () => {
    const all = deriveRollingProximityIdentifiers(rpik, v.interval_number_of_generated_key, 144, backend);
    expect(all).toBeInstanceOf(Uint8Array);
    expect(all).toHaveLength(144 * 16);
    expect(toHex(all)).toBe(v.advertised_data.map((row) => row.rpi).join(''));
  });
});

describe('input checks', () => {
  const rpik = deriveRollingProximityIdentifierKey(tek);
  it('rejects wrong key and identifier lengths', () => {
    expect(() => deriveRollingProximityIdentifierKey(new Uint8Array(15))).toThrow(ProtocolError);
    expect(() => deriveRollingProximityIdentifier(new Uint8Array(17), 1)).toThrow(ProtocolError);
    expect(() => encryptAssociatedMetadata(rpik, new Uint8Array(16), new Uint8Array(5))).toThrow(ProtocolError);
    expect(() => decryptAssociatedMetadata(rpik, new Uint8Array(8), new Uint8Array(4))).toThrow(ProtocolError);
  });
  it('rejects intervals and counts outside uint32', () => {
    expect(() => deriveRollingProximityIdentifier(rpik, -1)).toThrow(ProtocolError);
    expect(() => deriveRollingProximityIdentifier(rpik, 2 ** 32)).toThrow(ProtocolError);
    expect(() => deriveRollingProximityIdentifier(rpik, 1.5)).toThrow(ProtocolError);
    expect(() => deriveRollingProximityIdentifiers(rpik, 2 ** 32 - 1, 2)).toThrow(/uint32/);
    expect(() => deriveRollingProximityIdentifiers(rpik, 0, 0)).toThrow(ProtocolError);
    // The last representable interval is still derivable.
    expect(deriveRollingProximityIdentifiers(rpik, 2 ** 32 - 1, 1)).toHaveLength(16);
  });
});

describe('metadata', () => {
  it('encodes and decodes the vector metadata', () => {
    const fields = { versionMajor: 1, versionMinor: 0, txPowerDbm: 8, calibrationConfidence: 0 };
    expect(toHex(encodeMetadata(fields))).toBe(v.ble_metadata);
    expect(decodeMetadata(fromHex(v.ble_metadata))).toEqual(fields);
  });
  it('places every field in its bits', () => {
    const bytes = encodeMetadata({ versionMajor: 2, versionMinor: 3, txPowerDbm: -127, calibrationConfidence: 3 });
    expect(toHex(bytes)).toBe('b0810300');
    expect(decodeMetadata(bytes)).toEqual({ versionMajor: 2, versionMinor: 3, txPowerDbm: -127, calibrationConfidence: 3 });
  });
  it('ignores reserved bits when decoding', () => {
    expect(decodeMetadata(fromHex('4ff4fcff'))).toEqual({
      versionMajor: 1,
      versionMinor: 0,
      txPowerDbm: -12,
      calibrationConfidence: 0,
    });
  });
  it('rejects out-of-range fields', () => {
    const ok = { versionMajor: 1, versionMinor: 0, txPowerDbm: 0, calibrationConfidence: 0 };
    expect(() => encodeMetadata({ ...ok, versionMajor: 4 })).toThrow(ProtocolError);
    expect(() => encodeMetadata({ ...ok, versionMinor: -1 })).toThrow(ProtocolError);
    expect(() => encodeMetadata({ ...ok, txPowerDbm: -128 })).toThrow(ProtocolError);
    expect(() => encodeMetadata({ ...ok, txPowerDbm: 128 })).toThrow(ProtocolError);
    expect(() => encodeMetadata({ ...ok, calibrationConfidence: 4 })).toThrow(ProtocolError);
    expect(() => decodeMetadata(new Uint8Array(3))).toThrow(ProtocolError);
  });
});
