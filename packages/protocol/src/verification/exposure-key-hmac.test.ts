import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { fromHex } from '../hex.js';
import { pureCryptoBackend } from '../identifiers/index.js';
import { nodeCryptoBackend } from '../node/crypto-backend.js';
import { gaenVectors } from '../../test-vectors/gaen/vectors.js';
import { decodeStdBase64, encodeStdBase64 } from '../base64.js';
import { calculateExposureKeyHmac, exposureKeyHmacMessage, type HmacExposureKey } from './index.js';

const vectors = gaenVectors.verification_hmac_vectors;
const secret = fromHex(vectors.secret_hex);
const asKeys = (c: (typeof vectors.cases)[number]): HmacExposureKey[] =>
  c.keys.map((k) => ({
    key: k.key,
    rollingStartIntervalNumber: k.rollingStartNumber,
    rollingPeriod: k.rollingPeriod,
    ...(k.transmissionRisk === undefined ? {} : { transmissionRisk: k.transmissionRisk }),
  }));

describe('exposure key HMAC (exposure-notifications-server utils_test.go)', () => {
  it('has the three published cases', () => expect(vectors.cases).toHaveLength(3));

  for (const c of vectors.cases) {
    const omitTransmissionRisk = c.keys.every((k) => k.transmissionRisk === undefined);
    it(`${c.name}: cleartext and HMAC on both backends`, () => {
      const keys = asKeys(c);
      expect(exposureKeyHmacMessage(keys, { omitTransmissionRisk })).toBe(c.cleartext);
      for (const backend of [pureCryptoBackend, nodeCryptoBackend]) {
        expect(calculateExposureKeyHmac(keys, secret, backend, { omitTransmissionRisk })).toBe(c.hmac_b64);
      }
      // Order of the input must not matter.
      expect(calculateExposureKeyHmac([...keys].reverse(), secret, undefined, { omitTransmissionRisk })).toBe(
        c.hmac_b64,
      );
    });
  }

  it('accepts keys as bytes, giving the same HMAC as base64', () => {
    const c = vectors.cases[0]!;
    const keys = asKeys(c).map((k) => ({ ...k, key: decodeStdBase64(k.key as string) }));
    expect(calculateExposureKeyHmac(keys, secret)).toBe(c.hmac_b64);
  });

  it('agrees with node:crypto on a random key set', () => {
    const keys: HmacExposureKey[] = Array.from({ length: 14 }, (_, i) => ({
      key: pureCryptoBackend.randomBytes(16),
      rollingStartIntervalNumber: 2_650_000 + 144 * i,
      rollingPeriod: 144,
      transmissionRisk: i % 9,
    }));
    const expected = createHmac('sha256', secret).update(exposureKeyHmacMessage(keys)).digest('base64');
    expect(calculateExposureKeyHmac(keys, secret)).toBe(expected);
    expect(exposureKeyHmacMessage(keys).split(',')).toHaveLength(14);
  });

  it('rejects what the server would reject or what would make the HMAC ambiguous', () => {
    const ok: HmacExposureKey = { key: 'z2Cx9hdz2SlxZ8GEgqTYpA==', rollingStartIntervalNumber: 1, rollingPeriod: 144, transmissionRisk: 3 };
    const bad = (k: Partial<HmacExposureKey>) => () => exposureKeyHmacMessage([{ ...ok, ...k }]);
    expect(() => exposureKeyHmacMessage([])).toThrow(ProtocolError);
    expect(bad({ key: 'z2Cx9hdz2SlxZ8GEgqTY' })).toThrow(ProtocolError);
    expect(bad({ key: 'AAAA' })).toThrow(/16 bytes/);
    expect(bad({ key: new Uint8Array(15) })).toThrow(ProtocolError);
    expect(bad({ rollingPeriod: 0 })).toThrow(ProtocolError);
    expect(bad({ rollingPeriod: 145 })).toThrow(ProtocolError);
    expect(bad({ rollingStartIntervalNumber: -1 })).toThrow(ProtocolError);
    expect(bad({ transmissionRisk: 9 })).toThrow(ProtocolError);
    expect(bad({ transmissionRisk: undefined })).toThrow(ProtocolError);
    expect(() => exposureKeyHmacMessage([ok], { omitTransmissionRisk: true })).toThrow(/only when it is 0/);
    expect(() => calculateExposureKeyHmac([ok], new Uint8Array(0))).toThrow(ProtocolError);
  });
});

describe('standard base64', () => {
  it('round-trips every length and matches Buffer', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = pureCryptoBackend.randomBytes(n);
      const text = encodeStdBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(decodeStdBase64(text)).toEqual(bytes);
    }
  });
  it('rejects non-canonical and malformed text', () => {
    for (const text of ['AR==', 'AQ=', 'AQ', 'A===', 'AQ==AQ==', 'AQ-_', ' AQID']) {
      expect(() => decodeStdBase64(text), text).toThrow(ProtocolError);
    }
  });
});
