import { ctr, ecb } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';

/**
 * The five primitives the Exposure Notification cryptography needs (EN Cryptography Specification v1.2), behind
 * one small object so the same protocol code runs on a pure-JS backend (browser, React Native) and on a fast
 * native one (`nodeCryptoBackend` from `@bluezone/protocol/node`). Every backend must pass the same conformance
 * tests (the official vectors, and byte equality with `pureCryptoBackend` on random inputs). A backend must never
 * modify its input arrays: callers reuse them (the RPI padded data is cached across keys).
 *
 * @example
 *   const rpik = backend.hkdfSha256(tek, undefined, utf8('EN-RPIK'), 16);
 */
export interface CryptoBackend {
  /** A short label for benchmarks and logs, e.g. `"pure"` or `"node"`. */
  readonly name: string;
  /**
   * HKDF-SHA256 (RFC 5869). `salt` undefined means "not provided", which RFC 5869 §2.2 defines as 32 zero bytes;
   * an empty salt gives the same result because HMAC zero-pads its key.
   */
  hkdfSha256(ikm: Uint8Array, salt: Uint8Array | undefined, info: Uint8Array, length: number): Uint8Array;
  /** AES-128 in ECB mode without padding: `blocks` is n*16 bytes and the result is n*16 bytes. */
  aes128EcbEncrypt(key: Uint8Array, blocks: Uint8Array): Uint8Array;
  /** AES-128-CTR with a 16-byte initial counter block (big-endian increment, as in NIST SP 800-38A). */
  aes128Ctr(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array;
  /** HMAC-SHA256 (RFC 2104), 32 bytes. */
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  /** `n` bytes from a cryptographically secure random source. */
  randomBytes(n: number): Uint8Array;
}

/** The largest HKDF-SHA256 output (RFC 5869 §2.3: L <= 255*HashLen). */
export const HKDF_SHA256_MAX_LENGTH = 255 * 32;

/**
 * Checks shared by every backend, so that a wrong call fails the same way whichever backend runs it.
 * Exported for the Node backend; not part of the package's public API.
 */
export function assertHkdfArgs(ikm: Uint8Array, salt: Uint8Array | undefined, info: Uint8Array, length: number): void {
  assertBytes(ikm, 'ikm');
  if (salt !== undefined) assertBytes(salt, 'salt');
  assertBytes(info, 'info');
  assertInteger(length, 'length', 1, HKDF_SHA256_MAX_LENGTH);
}

/** See {@link assertHkdfArgs}. */
export function assertAesBlocks(key: Uint8Array, blocks: Uint8Array): void {
  assertBytes(key, 'key', 16);
  assertBytes(blocks, 'blocks');
  if (blocks.length % 16 !== 0) {
    throw new ProtocolError('invalid_length', `blocks must be a multiple of 16 bytes, got ${blocks.length}`);
  }
}

/** See {@link assertHkdfArgs}. */
export function assertAesCtrArgs(key: Uint8Array, iv: Uint8Array, data: Uint8Array): void {
  assertBytes(key, 'key', 16);
  assertBytes(iv, 'iv', 16);
  assertBytes(data, 'data');
}

/**
 * The default backend: @noble/hashes and @noble/ciphers, audited pure JavaScript with no platform dependency, so
 * it runs unchanged in React Native. About 19k keys/s (RPIK + 144 RPIs each) on one core; see bench/README.md.
 */
export const pureCryptoBackend: CryptoBackend = {
  name: 'pure',
  hkdfSha256(ikm, salt, info, length) {
    assertHkdfArgs(ikm, salt, info, length);
    return hkdf(sha256, ikm, salt, info, length);
  },
  aes128EcbEncrypt(key, blocks) {
    assertAesBlocks(key, blocks);
    return ecb(key, { disablePadding: true }).encrypt(blocks);
  },
  aes128Ctr(key, iv, data) {
    assertAesCtrArgs(key, iv, data);
    return ctr(key, iv).encrypt(data);
  },
  hmacSha256(key, data) {
    assertBytes(key, 'key');
    assertBytes(data, 'data');
    return hmac(sha256, key, data);
  },
  randomBytes(n) {
    assertInteger(n, 'n', 0, 65536);
    return randomBytes(n);
  },
};
