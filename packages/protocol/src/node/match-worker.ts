import { createCipheriv } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { matchDerivedRpis, mayMatchKey } from '../matching/rpi-lookup.js';
import { sightingTableFromBuffer, type SightingTable } from '../matching/sighting-table.js';

/**
 * Matching worker: derives the RPIs of a share of the published keys and looks them up in the shared sighting table.
 * Started by `matchDiagnosisKeysInParallel` (parallel-matcher.ts); importing this file in the main thread only
 * gives the derivation below.
 *
 * Why a specialised derivation instead of `nodeCryptoBackend`: RPIK = HKDF-SHA256(TEK, salt = none, "EN-RPIK", 16)
 * is two HMACs of fixed shape, and node:crypto costs a few microseconds of call and object overhead per HMAC, more
 * than the hashing itself. With no salt the first HMAC's key is 32 zero bytes, so its inner and outer pad states are
 * constants computed once; what is left is six SHA-256 compressions in plain JavaScript, without allocation. AES-ECB
 * of the 144 blocks stays in OpenSSL (one cipher per key), where AES-NI makes it cheap.
 * Measured figures and the breakdown per key: ../matching/README.md.
 */

const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
].map((k) => k | 0));
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19].map((v) => v | 0));
const W = new Int32Array(64);

/**
 * SHA-256 compression (FIPS 180-4 §6.2.2) of one block of 16 big-endian words into `out` (may alias `state`).
 * Words are kept as int32 throughout (Int32Array, `| 0`), so V8 never boxes them as doubles: measured 0.37 µs a
 * block against 0.46 µs with Uint32Array.
 */
function compress(state: Int32Array, block: Int32Array, out: Int32Array): void {
  for (let t = 0; t < 16; t++) W[t] = block[t] as number;
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15] as number;
    const w2 = W[t - 2] as number;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = ((W[t - 16] as number) + s0 + (W[t - 7] as number) + s1) | 0;
  }
  let a = state[0] as number, b = state[1] as number, c = state[2] as number, d = state[3] as number;
  let e = state[4] as number, f = state[5] as number, g = state[6] as number, h = state[7] as number;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + (K[t] as number) + (W[t] as number)) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  out[0] = ((state[0] as number) + a) | 0; out[1] = ((state[1] as number) + b) | 0;
  out[2] = ((state[2] as number) + c) | 0; out[3] = ((state[3] as number) + d) | 0;
  out[4] = ((state[4] as number) + e) | 0; out[5] = ((state[5] as number) + f) | 0;
  out[6] = ((state[6] as number) + g) | 0; out[7] = ((state[7] as number) + h) | 0;
}

/** The state after compressing one block of `pad` repeated (an HMAC pad of a key of zeros). */
function padState(pad: number): Int32Array {
  const state = new Int32Array(8);
  compress(IV, new Int32Array(16).fill(pad), state);
  return state;
}
// HMAC(key = 32 zero bytes, ·): the pads are the bare ipad/opad constants (RFC 2104), so their states are fixed.
const ZERO_KEY_INNER = padState(0x36363636);
const ZERO_KEY_OUTER = padState(0x5c5c5c5c);

const block = new Int32Array(16);
const inner = new Int32Array(8);
const prk = new Int32Array(8);
const keyState = new Int32Array(8);
const out = new Int32Array(8);
// "EN-RPIK" || 0x01: HKDF-Expand's T(1) = HMAC(PRK, info || 0x01) (RFC 5869 §2.3).
const INFO_WORDS = [0x454e2d52, 0x50494b01];

/** Fills `block` with `words` then SHA-256 padding for a message of `messageBytes` bytes after one 64-byte block. */
function finalBlock(words: ArrayLike<number>, messageBytes: number): Int32Array {
  block.fill(0);
  for (let i = 0; i < words.length; i++) block[i] = words[i] as number;
  block[words.length] = 0x80000000;
  block[15] = (64 + messageBytes) * 8;
  return block;
}

/**
 * RPIK = HKDF-SHA256(tek, no salt, "EN-RPIK", 16) (EN Cryptography Specification v1.2), written into `rpik`.
 * Example: tek 75c734c6dd1a782de7a965da5eb93125 gives 185ad91db69ec7dd048960f1f3ba6175 (the official vector).
 */
export function deriveRpikFast(tek: Uint8Array, rpik: Uint8Array): void {
  const words = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    words[i] = ((tek[4 * i] as number) << 24) | ((tek[4 * i + 1] as number) << 16) | ((tek[4 * i + 2] as number) << 8) | (tek[4 * i + 3] as number);
  }
  // PRK = HMAC(zeros, tek)
  compress(ZERO_KEY_INNER, finalBlock(words, 16), inner);
  compress(ZERO_KEY_OUTER, finalBlock(inner, 32), prk);
  // T(1) = HMAC(PRK, info || 1): key block PRK ⊕ pad, then the message
  for (let i = 0; i < 8; i++) block[i] = (prk[i] as number) ^ 0x36363636;
  block.fill(0x36363636, 8);
  compress(IV, block, keyState);
  compress(keyState, finalBlock(INFO_WORDS, 8), inner);
  for (let i = 0; i < 8; i++) block[i] = (prk[i] as number) ^ 0x5c5c5c5c;
  block.fill(0x5c5c5c5c, 8);
  compress(IV, block, keyState);
  compress(keyState, finalBlock(inner, 32), out);
  for (let i = 0; i < 4; i++) {
    const w = out[i] as number;
    rpik[4 * i] = w >>> 24;
    rpik[4 * i + 1] = (w >>> 16) & 0xff;
    rpik[4 * i + 2] = (w >>> 8) & 0xff;
    rpik[4 * i + 3] = w & 0xff;
  }
}

// Padded data blocks "EN-RPI" || 0^6 || ENIN (uint32 LE) for a start interval; keys of one day share them.
const paddedCache = new Map<number, Uint8Array>();
function paddedData(startInterval: number, count: number): Uint8Array {
  // Keys have at most 144 intervals; longer runs (never from a key) just skip the cache.
  const cacheKey = count < 256 ? startInterval * 256 + count : -1;
  let padded = paddedCache.get(cacheKey);
  if (padded === undefined) {
    padded = new Uint8Array(count * 16);
    const view = new DataView(padded.buffer);
    for (let j = 0; j < count; j++) {
      padded.set([0x45, 0x4e, 0x2d, 0x52, 0x50, 0x49], j * 16);
      view.setUint32(j * 16 + 12, startInterval + j, true);
    }
    if (paddedCache.size > 1024) paddedCache.clear();
    if (cacheKey >= 0) paddedCache.set(cacheKey, padded);
  }
  return padded;
}

const rpikScratch = new Uint8Array(16);
/** The `count` RPIs of a TEK from `startInterval`, concatenated (same bytes as `deriveRollingProximityIdentifiers`). */
export function deriveRpisFast(tek: Uint8Array, startInterval: number, count: number): Uint8Array {
  deriveRpikFast(tek, rpikScratch);
  // No final(): with padding off, ECB's update() already returned every block.
  return createCipheriv('aes-128-ecb', rpikScratch, null).setAutoPadding(false).update(paddedData(startInterval, count));
}

/** Keys packed for sharing with workers: 16 bytes of key data, a start interval and a period per key. */
export interface PackedKeys {
  count: number;
  keyData: Uint8Array;
  starts: Float64Array;
  periods: Uint8Array;
}

/** Matches keys [from, to) of `keys`, returning (keyIndex, sightingIndex, interval) triples. */
export function matchPackedKeys(keys: PackedKeys, table: SightingTable, from: number, to: number, driftSeconds: number): number[] {
  const triples: number[] = [];
  const scratch: number[] = [];
  for (let i = from; i < to; i++) {
    const start = keys.starts[i] as number;
    const count = keys.periods[i] as number;
    if (!mayMatchKey(table, start, count, driftSeconds)) continue;
    const rpis = deriveRpisFast(keys.keyData.subarray(i * 16, i * 16 + 16), start, count);
    matchDerivedRpis(table, rpis, start, count, driftSeconds, i, triples, scratch);
  }
  return triples;
}

/** What the parallel matcher sends each worker. */
export interface MatchWorkerData {
  kind: 'bluezone-match-worker';
  table: { buffer: ArrayBufferLike; count: number };
  keys: { count: number; keyData: Uint8Array; starts: Float64Array; periods: Uint8Array };
  from: number;
  to: number;
  driftSeconds: number;
}

if (!isMainThread && parentPort && (workerData as MatchWorkerData | undefined)?.kind === 'bluezone-match-worker') {
  const data = workerData as MatchWorkerData;
  const table = sightingTableFromBuffer(data.table.buffer, data.table.count);
  const triples = Float64Array.from(matchPackedKeys(data.keys, table, data.from, data.to, data.driftSeconds));
  parentPort.postMessage({ triples }, [triples.buffer]);
}
