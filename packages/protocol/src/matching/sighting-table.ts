import { ProtocolError } from '../errors.js';
import { assertSighting, type Sighting } from './sighting.js';

/**
 * The sightings of one phone laid out for fast RPI lookup. Matching looks up 144 RPIs per published key and nearly
 * all of them are absent, so the layout is driven by memory latency (measured: a plain hash table of 40k sightings
 * held matching to ~40k keys/s per core, cache misses dominating):
 * - a bit filter on the first 4 bytes of the RPI, 32 bits per sighting (256 KB for 40k), small enough to stay in
 *   the L2 cache, answers "absent" for ~97% of lookups with one access;
 * - behind it an open-addressing hash table (c slots, a power of two ≥ 2n, linear probing) whose slot holds the
 *   RPI's first word and the sighting index side by side, so a probe is one cache line; a hit is verified on all
 *   16 bytes. RPIs are AES outputs, so their first bytes are already uniform and need no hashing.
 * Everything lives in one buffer, a SharedArrayBuffer where the platform has one, so Node workers read the same
 * memory without a copy (`sightingTableFromBuffer`). Words are read in the platform's byte order, consistently on
 * both sides, so the layout is only ever shared within one machine.
 *
 * Layout (n sightings): timestamps Float64[n] | slots Uint32[2c] (first RPI word, index + 1; 0 = empty) |
 * filter Uint32[f / 32] | RPIs Uint32[4n]
 *
 * Example:
 * ```ts
 * const table = buildSightingTable(sightings);
 * const found: number[] = [];
 * lookupRpi(table, rpi, found); // indexes into sightings
 * ```
 */
export interface SightingTable {
  readonly count: number;
  readonly buffer: ArrayBufferLike;
  readonly timestamps: Float64Array;
  readonly slots: Uint32Array;
  readonly slotMask: number;
  readonly filter: Uint32Array;
  readonly filterMask: number;
  readonly rpiWords: Uint32Array;
  /**
   * The distinct hours (unix seconds / 3600, ascending) in which this phone saw anything: a key whose intervals,
   * drift included, fall in none of them cannot match, so its derivation is skipped (a phone that was off, or was
   * installed yesterday, skips most of 14 days of keys).
   */
  readonly occupiedHours: Float64Array;
}

function sizes(count: number) {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  let filterBits = 1024;
  while (filterBits < count * 32) filterBits *= 2;
  const slotsOffset = count * 8;
  const filterOffset = slotsOffset + capacity * 8;
  const rpisOffset = filterOffset + filterBits / 8;
  return { capacity, filterBits, slotsOffset, filterOffset, rpisOffset, byteLength: rpisOffset + count * 16 };
}

/** The table over a buffer made by `buildSightingTable` for `count` sightings (in a worker, a posted buffer). */
export function sightingTableFromBuffer(buffer: ArrayBufferLike, count: number): SightingTable {
  if (!Number.isSafeInteger(count) || count < 0 || buffer.byteLength !== sizes(count).byteLength) {
    throw new ProtocolError('invalid_argument', 'buffer is not a sighting table of that many sightings');
  }
  const s = sizes(count);
  const timestamps = new Float64Array(buffer, 0, count);
  const hours = new Set<number>();
  for (const timestamp of timestamps) hours.add(Math.floor(timestamp / 3600));
  return {
    count,
    buffer,
    timestamps,
    slots: new Uint32Array(buffer, s.slotsOffset, s.capacity * 2),
    slotMask: s.capacity - 1,
    filter: new Uint32Array(buffer, s.filterOffset, s.filterBits / 32),
    filterMask: s.filterBits - 1,
    rpiWords: new Uint32Array(buffer, s.rpisOffset, count * 4),
    occupiedHours: Float64Array.from(hours).sort(),
  };
}

/**
 * Builds the table of `sightings`; index i of the table is `sightings[i]`. Sightings of the same RPI (a phone sees
 * each RPI a few times in its 10 minutes) are all kept and all found.
 */
export function buildSightingTable(sightings: readonly Sighting[]): SightingTable {
  if (!Array.isArray(sightings)) throw new ProtocolError('invalid_argument', 'sightings must be an array');
  const count = sightings.length;
  if (count > 0x3fffffff) throw new ProtocolError('invalid_argument', 'too many sightings');
  const { byteLength } = sizes(count);
  // SharedArrayBuffer is absent from browsers without cross-origin isolation; a plain buffer works the same here.
  const buffer = typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(byteLength) : new ArrayBuffer(byteLength);
  const table = sightingTableFromBuffer(buffer, count);
  const rpiBytes = new Uint8Array(buffer, buffer.byteLength - count * 16, count * 16);
  sightings.forEach((sighting, i) => {
    assertSighting(sighting, `sightings[${i}]`);
    table.timestamps[i] = sighting.timestamp;
    rpiBytes.set(sighting.rpi, i * 16);
    const first = table.rpiWords[i * 4] as number;
    const bit = first & table.filterMask;
    table.filter[bit >>> 5] = (table.filter[bit >>> 5] as number) | (1 << (bit & 31));
    let slot = first & table.slotMask;
    while (table.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & table.slotMask;
    table.slots[slot * 2] = first;
    table.slots[slot * 2 + 1] = i + 1;
  });
  // Views again, now that the timestamps are in, for the occupied hours.
  return sightingTableFromBuffer(buffer, count);
}

/**
 * Appends to `found` the index of every sighting whose RPI is the words w0..w3 (an RPI read as four platform-order
 * uint32s) and returns how many. Callers check the filter first (see `matchDerivedRpis`); this walks the probe chain.
 */
export function probeSightings(table: SightingTable, w0: number, w1: number, w2: number, w3: number, found: number[]): number {
  const { slots, slotMask, rpiWords } = table;
  let hits = 0;
  for (let slot = w0 & slotMask; ; slot = (slot + 1) & slotMask) {
    const entry = slots[slot * 2 + 1] as number;
    if (entry === 0) return hits;
    if (slots[slot * 2] !== w0) continue;
    const base = (entry - 1) * 4;
    if (rpiWords[base + 1] === w1 && rpiWords[base + 2] === w2 && rpiWords[base + 3] === w3) {
      hits++;
      found.push(entry - 1);
    }
  }
}

/** True when the filter says an RPI starting with word `w0` may be in the table (false: certainly absent). */
export function mayHoldRpi(table: SightingTable, w0: number): boolean {
  const bit = w0 & table.filterMask;
  return ((table.filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

/** Appends to `found` the index of every sighting of `rpi` (16 bytes) and returns how many there were. */
export function lookupRpi(table: SightingTable, rpi: Uint8Array, found: number[]): number {
  if (!(rpi instanceof Uint8Array) || rpi.length !== 16) throw new ProtocolError('invalid_length', 'rpi must be 16 bytes');
  const words = new Uint32Array(Uint8Array.from(rpi).buffer);
  if (!mayHoldRpi(table, words[0] as number)) return 0;
  return probeSightings(table, words[0] as number, words[1] as number, words[2] as number, words[3] as number, found);
}
