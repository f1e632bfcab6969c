import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../hex.js';
import { deriveRollingProximityIdentifierKey, deriveRollingProximityIdentifiers, pureCryptoBackend } from '../identifiers/index.js';
import { deriveRpikFast, deriveRpisFast } from './match-worker.js';

// EN Cryptography Specification v1.2 test vectors (google/exposure-notifications-internals, TestVectors.java,
// Apache-2.0).
const TEK = '75c734c6dd1a782de7a965da5eb93125';
const RPIK = '185ad91db69ec7dd048960f1f3ba6175';
const START = 2642976;
const RPI_0 = '8be6cd371c5c891604bfbe49df845096';
const RPI_2 = '243ffe9a3b08bded3094bac8630bb8ad';

describe('the matching worker derivation', () => {
  it('gives the official RPIK and RPIs', () => {
    const rpik = new Uint8Array(16);
    deriveRpikFast(fromHex(TEK), rpik);
    expect(toHex(rpik)).toBe(RPIK);
    const rpis = deriveRpisFast(fromHex(TEK), START, 144);
    expect(rpis).toHaveLength(144 * 16);
    expect(toHex(rpis.subarray(0, 16))).toBe(RPI_0);
    expect(toHex(rpis.subarray(32, 48))).toBe(RPI_2);
  });

  it('agrees with the pure backend on random keys and periods', () => {
    for (let i = 0; i < 50; i++) {
      const tek = pureCryptoBackend.randomBytes(16);
      const start = 2_000_000 + i * 37;
      const count = 1 + ((i * 13) % 144);
      const expected = deriveRollingProximityIdentifiers(deriveRollingProximityIdentifierKey(tek), start, count);
      expect(toHex(deriveRpisFast(tek, start, count))).toBe(toHex(expected));
    }
  });
});
