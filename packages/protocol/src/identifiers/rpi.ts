import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { pureCryptoBackend, type CryptoBackend } from './crypto-backend.js';
import { TEK_LENGTH } from './tek.js';

/** Length of a Rolling Proximity Identifier (and of its key, the RPIK). */
export const RPI_LENGTH = 16;

const RPIK_INFO = new TextEncoder().encode('EN-RPIK');
// UTF8("EN-RPI"): the first 6 bytes of every RPI padded data block (spec §"Rolling Proximity Identifier").
const RPI_LABEL = new TextEncoder().encode('EN-RPI');
const MAX_INTERVAL_NUMBER = 0xffffffff;
// A day is 144 intervals; a cap stops a typo from allocating gigabytes, while leaving room for multi-day windows.
const MAX_RPI_COUNT = 1 << 20;

// Matching derives the RPIs of thousands of keys over the same intervals, and building the padded data cost as
// much as encrypting it (about 8 µs for 144 blocks, measured with bench/identifiers.bench.mjs), so the last one
// built is kept (up to a few days' worth, so a rare huge request does not stay in memory). Safe because backends
// never modify their inputs (a CryptoBackend rule).
const MAX_CACHED_COUNT = 4 * 144;
let cachedStart = -1;
let cachedCount = 0;
let cachedPadded = new Uint8Array(0);

function paddedData(startInterval: number, count: number): Uint8Array {
  if (startInterval === cachedStart && count === cachedCount) return cachedPadded;
  const padded = new Uint8Array(count * 16);
  for (let j = 0; j < count; j++) {
    const o = j * 16;
    for (let k = 0; k < 6; k++) padded[o + k] = RPI_LABEL[k] as number; // bytes 6-11 stay zero
    const n = startInterval + j;
    padded[o + 12] = n & 0xff;
    padded[o + 13] = (n >>> 8) & 0xff;
    padded[o + 14] = (n >>> 16) & 0xff;
    padded[o + 15] = n >>> 24;
  }
  if (count <= MAX_CACHED_COUNT) {
    cachedStart = startInterval;
    cachedCount = count;
    cachedPadded = padded;
  }
  return padded;
}

/**
 * RPIK_i = HKDF(tek_i, salt = NULL, info = UTF8("EN-RPIK"), 16) (EN Cryptography Specification v1.2,
 * "Rolling Proximity Identifier Key").
 *
 * @example deriveRollingProximityIdentifierKey(fromHex('75c734c6dd1a782de7a965da5eb93125'))
 *   // 185ad91db69ec7dd048960f1f3ba6175
 */
export function deriveRollingProximityIdentifierKey(
  tek: Uint8Array,
  backend: CryptoBackend = pureCryptoBackend,
): Uint8Array {
  assertBytes(tek, 'tek', TEK_LENGTH);
  return backend.hkdfSha256(tek, undefined, RPIK_INFO, RPI_LENGTH);
}

/**
 * RPI_{i,j} = AES128(RPIK_i, PaddedData_j), PaddedData_j = "EN-RPI" || 0x00*6 || ENIN_j as uint32 little-endian
 * (spec §"Rolling Proximity Identifier").
 *
 * @example deriveRollingProximityIdentifier(rpik, 2642976) // 8be6cd371c5c891604bfbe49df845096 for the vector key
 */
export function deriveRollingProximityIdentifier(
  rpik: Uint8Array,
  interval: number,
  backend: CryptoBackend = pureCryptoBackend,
): Uint8Array {
  assertBytes(rpik, 'rpik', RPI_LENGTH);
  assertInteger(interval, 'interval', 0, MAX_INTERVAL_NUMBER);
  return deriveRollingProximityIdentifiers(rpik, interval, 1, backend);
}

/**
 * The RPIs of `count` consecutive intervals from `startInterval`, concatenated: RPI j sits at bytes
 * [16*j, 16*j+16). This is the matching fast path: one AES-ECB call over all blocks instead of one cipher per
 * interval: cipher setup dominates, so with the Node backend this is ~50x faster (about 77k against 1.6k keys/s of
 * RPIK + 144 RPIs on one core; see bench/README.md).
 *
 * @example deriveRollingProximityIdentifiers(rpik, 2642976, 144) // Uint8Array(2304)
 */
export function deriveRollingProximityIdentifiers(
  rpik: Uint8Array,
  startInterval: number,
  count: number,
  backend: CryptoBackend = pureCryptoBackend,
): Uint8Array {
  assertBytes(rpik, 'rpik', RPI_LENGTH);
  assertInteger(startInterval, 'startInterval', 0, MAX_INTERVAL_NUMBER);
  assertInteger(count, 'count', 1, MAX_RPI_COUNT);
  // ENIN is a uint32 on the wire; wrapping round would silently reuse identifiers of 1970.
  if (startInterval + count - 1 > MAX_INTERVAL_NUMBER) {
    throw new ProtocolError('invalid_argument', 'startInterval + count - 1 must fit in a uint32');
  }
  return backend.aes128EcbEncrypt(rpik, paddedData(startInterval, count));
}
