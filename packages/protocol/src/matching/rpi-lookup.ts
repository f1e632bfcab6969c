import { ProtocolError } from '../errors.js';
// interval.ts only, not identifiers/index.js: the matching workers load this file, and the crypto libraries behind
// the index would add ~40 ms to every worker's start.
import { INTERVAL_SECONDS } from '../identifiers/interval.js';
import { mayHoldRpi, probeSightings, type SightingTable } from './sighting-table.js';

/**
 * ±2 hours: how far a sighting's time may lie outside its RPI's interval and still match. Phone clocks drift and
 * advertisers rotate late; the EN framework allows the same (EN Cryptography Specification v1.2, "Matching").
 */
export const DEFAULT_DRIFT_SECONDS = 7200;

/** One sighting whose RPI is the RPI of a published key at `interval`. */
export interface KeyMatch {
  keyIndex: number;
  sightingIndex: number;
  interval: number;
}

export function resolveDriftSeconds(driftSeconds: number | undefined): number {
  const drift = driftSeconds ?? DEFAULT_DRIFT_SECONDS;
  if (!Number.isSafeInteger(drift) || drift < 0 || drift > 86_400) {
    throw new ProtocolError('invalid_argument', `driftSeconds must be an integer in [0, 86400], got ${String(driftSeconds)}`);
  }
  return drift;
}

/**
 * False when no sighting lies within the time a key's `count` intervals from `startInterval` could match, drift
 * included: then deriving its RPIs is wasted work. Hour granularity, so it may say true needlessly, never false
 * wrongly. Example: `if (mayMatchKey(table, key.rollingStartIntervalNumber, 144, 7200)) derive(...)`.
 */
export function mayMatchKey(table: SightingTable, startInterval: number, count: number, driftSeconds: number): boolean {
  const hours = table.occupiedHours;
  const firstHour = Math.floor((startInterval * INTERVAL_SECONDS - driftSeconds) / 3600);
  const lastHour = Math.floor(((startInterval + count) * INTERVAL_SECONDS + driftSeconds - 1) / 3600);
  // The first occupied hour at or after firstHour, by binary search.
  let low = 0;
  let high = hours.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((hours[mid] as number) < firstHour) low = mid + 1;
    else high = mid;
  }
  return low < hours.length && (hours[low] as number) <= lastHour;
}

// One aligned copy of a key's RPIs, so they are read as uint32 words like the table's (and the reads stay
// monomorphic whether the crypto returned a Buffer or a Uint8Array).
let scratchBytes = new Uint8Array(144 * 16);
let scratchWords = new Uint32Array(scratchBytes.buffer);

/**
 * Looks up the `count` RPIs of one key (16 bytes each in `rpis`, interval `startInterval + j` for the j-th) and
 * appends a (keyIndex, sightingIndex, interval) triple to `out` for every sighting of one of them whose time lies in
 * [interval start − drift, interval end + drift). `found` is scratch space reused between calls.
 * Shared by the in-thread matcher and the Node workers, so both find exactly the same matches.
 */
export function matchDerivedRpis(
  table: SightingTable,
  rpis: Uint8Array,
  startInterval: number,
  count: number,
  driftSeconds: number,
  keyIndex: number,
  out: number[],
  found: number[] = [],
): void {
  if (count * 16 > scratchBytes.length) {
    scratchBytes = new Uint8Array(count * 16);
    scratchWords = new Uint32Array(scratchBytes.buffer);
  }
  scratchBytes.set(rpis.subarray(0, count * 16));
  const words = scratchWords;
  for (let j = 0; j < count; j++) {
    const w0 = words[j * 4] as number;
    if (!mayHoldRpi(table, w0)) continue;
    found.length = 0;
    if (probeSightings(table, w0, words[j * 4 + 1] as number, words[j * 4 + 2] as number, words[j * 4 + 3] as number, found) === 0) {
      continue;
    }
    const interval = startInterval + j;
    const from = interval * INTERVAL_SECONDS - driftSeconds;
    const to = (interval + 1) * INTERVAL_SECONDS + driftSeconds;
    for (const sightingIndex of found) {
      const time = table.timestamps[sightingIndex] as number;
      if (time >= from && time < to) out.push(keyIndex, sightingIndex, interval);
    }
  }
}

/** Turns triples into matches ordered by key, then sighting: one order whichever matcher found them. */
export function matchesFromTriples(triples: ArrayLike<number>): KeyMatch[] {
  const matches: KeyMatch[] = [];
  for (let i = 0; i + 2 < triples.length; i += 3) {
    matches.push({ keyIndex: triples[i] as number, sightingIndex: triples[i + 1] as number, interval: triples[i + 2] as number });
  }
  return matches.sort((a, b) => a.keyIndex - b.keyIndex || a.sightingIndex - b.sightingIndex);
}
