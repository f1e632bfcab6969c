import { ProtocolError } from '../errors.js';
import { assertSighting, type Sighting } from './sighting.js';

/**
 * The sightings of one phone laid out for fast RPI lookup: an open-addressing hash table keyed on the first 4 bytes
 * of the RPI (RPIs are AES outputs, so those bytes are already uniform and need no hashing), verified on all 16.
 * Everything lives in one buffer, a SharedArrayBuffer where the platform has one, so Node workers read the same
 * memory without a copy (`sightingTableFromBuffer`).
 *
 * Layout of `buffer` (n sightings, c slots, c a power of two ≥ 2n so probes stay short):
 * timestamps Float64[n] | slot sighting index + 1 Int32[c] (0 = empty) | slot RPI prefix Uint32[c] | RPIs bytes[16n]
 *
 * Example:
 * ```ts
 * const table = buildSightingTable(sightings);
 * const found: number[] = [];
 * lookupRpi(table, rpi, 0, found); // indexes into sightings
 * ```
 */
export interface SightingTable {
  readonly count: number;
  readonly capacity: number;
  readonly buffer: ArrayBufferLike;
  readonly timestamps: Float64Array;
  readonly slots: Int32Array;
  readonly prefixes: Uint32Array;
  readonly rpis: Uint8Array;
}

function views(buffer: ArrayBufferLike, count: number, capacity: number): SightingTable {
  const slotsOffset = count * 8;
  const prefixesOffset = slotsOffset + capacity * 4;
  const rpisOffset = prefixesOffset + capacity * 4;
  return {
    count,
    capacity,
    buffer,
    timestamps: new Float64Array(buffer, 0, count),
    slots: new Int32Array(buffer, slotsOffset, capacity),
    prefixes: new Uint32Array(buffer, prefixesOffset, capacity),
    rpis: new Uint8Array(buffer, rpisOffset, count * 16),
  };
}

const byteLengthOf = (count: number, capacity: number) => count * 8 + capacity * 8 + count * 16;

/** The little-endian uint32 of bytes [offset, offset + 4): the RPI prefix the table is keyed on. */
export function rpiPrefix(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) | ((bytes[offset + 2] as number) << 16) |
    ((bytes[offset + 3] as number) << 24)) >>> 0;
}

/**
 * Builds the table of `sightings`; index i of the table is `sightings[i]`. Sightings of the same RPI (a phone sees
 * each RPI a few times in its 10 minutes) are all kept and all found.
 */
export function buildSightingTable(sightings: readonly Sighting[]): SightingTable {
  if (!Array.isArray(sightings)) throw new ProtocolError('invalid_argument', 'sightings must be an array');
  const count = sightings.length;
  if (count > 0x3fffffff) throw new ProtocolError('invalid_argument', 'too many sightings');
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  // SharedArrayBuffer is absent from browsers without cross-origin isolation; a plain buffer works the same here.
  const buffer =
    typeof SharedArrayBuffer === 'function'
      ? new SharedArrayBuffer(byteLengthOf(count, capacity))
      : new ArrayBuffer(byteLengthOf(count, capacity));
  const table = views(buffer, count, capacity);
  const mask = capacity - 1;
  sightings.forEach((sighting, i) => {
    assertSighting(sighting, `sightings[${i}]`);
    table.timestamps[i] = sighting.timestamp;
    table.rpis.set(sighting.rpi, i * 16);
    const prefix = rpiPrefix(sighting.rpi, 0);
    let slot = prefix & mask;
    while (table.slots[slot] !== 0) slot = (slot + 1) & mask;
    table.slots[slot] = i + 1;
    table.prefixes[slot] = prefix;
  });
  return table;
}

/** The table over a buffer made by `buildSightingTable` (in a worker, from a posted SharedArrayBuffer). */
export function sightingTableFromBuffer(buffer: ArrayBufferLike, count: number, capacity: number): SightingTable {
  if (capacity < 16 || (capacity & (capacity - 1)) !== 0 || buffer.byteLength !== byteLengthOf(count, capacity)) {
    throw new ProtocolError('invalid_argument', 'buffer is not a sighting table of that size');
  }
  return views(buffer, count, capacity);
}

/**
 * Appends to `found` the index of every sighting whose RPI equals the 16 bytes of `rpis` at `offset`, and returns
 * how many there were. Linear probing: walk from the prefix's home slot to the first empty slot. No allocation and
 * no callback, because this runs 144 times per published key.
 */
export function lookupRpi(table: SightingTable, rpis: Uint8Array, offset: number, found: number[]): number {
  const { slots, prefixes, rpis: stored } = table;
  const mask = table.capacity - 1;
  const prefix = rpiPrefix(rpis, offset);
  let hits = 0;
  for (let slot = prefix & mask; ; slot = (slot + 1) & mask) {
    const entry = slots[slot] as number;
    if (entry === 0) return hits;
    if (prefixes[slot] !== prefix) continue;
    const base = (entry - 1) * 16;
    let k = 4;
    while (k < 16 && stored[base + k] === rpis[offset + k]) k++;
    if (k === 16) {
      hits++;
      found.push(entry - 1);
    }
  }
}
