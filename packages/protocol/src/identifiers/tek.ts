import { assertBytes } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { pureCryptoBackend } from './crypto-backend.js';

/** Length of a Temporary Exposure Key (spec: 16 bytes from a CRNG). */
export const TEK_LENGTH = 16;

/**
 * A fresh Temporary Exposure Key: 16 bytes from a cryptographically secure random source (EN Cryptography
 * Specification v1.2, "Temporary Exposure Key": tek_i <- CRNG(16)). The source is injectable so tests and the
 * simulator are deterministic; production code leaves the default.
 *
 * @example const tek = generateTemporaryExposureKey(); // Uint8Array(16)
 */
export function generateTemporaryExposureKey(
  random: (n: number) => Uint8Array = pureCryptoBackend.randomBytes,
): Uint8Array {
  if (typeof random !== 'function') throw new ProtocolError('invalid_argument', 'random must be a function');
  const tek = random(TEK_LENGTH);
  // A broken source must not silently produce short or shared keys.
  assertBytes(tek, 'random output', TEK_LENGTH);
  return Uint8Array.from(tek);
}
