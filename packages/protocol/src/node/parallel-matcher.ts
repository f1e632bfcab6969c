import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ProtocolError } from '../errors.js';
import { assertDiagnosisKey, rollingPeriodOf, type DiagnosisKey } from '../matching/diagnosis-key.js';
import { buildExposureWindows, type ExposureWindowOptions, type MatchedExposureWindow } from '../matching/exposure-windows.js';
import { matchesFromTriples, resolveDriftSeconds, type KeyMatch } from '../matching/rpi-lookup.js';
import type { Sighting } from '../matching/sighting.js';
import { buildSightingTable, type SightingTable } from '../matching/sighting-table.js';
import { nodeCryptoBackend } from './crypto-backend.js';
import { matchPackedKeys, type MatchWorkerData, type PackedKeys } from './match-worker.js';

export interface ParallelMatchOptions {
  /** Allowed clock drift in seconds, default 7200. */
  driftSeconds?: number;
  /** Worker threads, default `os.availableParallelism()`; 0 matches in this thread. */
  workers?: number;
}

export interface ParallelMatchResult {
  matches: KeyMatch[];
  /** Worker threads that ran (0: matched in this thread, e.g. no built worker file was found). */
  workers: number;
}

/**
 * Where the worker's JavaScript is. Built code finds `match-worker.js` beside this file. Run from TypeScript source
 * (vitest), there is no .js beside it and a worker cannot load .ts, so it takes the build in
 * packages/protocol/dist/node (the root `npm test` runs `tsc -b` first); `undefined` when there is none.
 */
export function matchWorkerUrl(): URL | undefined {
  const beside = new URL('./match-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return beside;
  const built = new URL('../../dist/node/match-worker.js', import.meta.url);
  return existsSync(fileURLToPath(built)) ? built : undefined;
}

/** Packs keys into shared memory once, so every worker reads them without a copy. */
export function packDiagnosisKeys(keys: readonly DiagnosisKey[]): PackedKeys {
  const count = keys.length;
  const shared = typeof SharedArrayBuffer === 'function';
  const alloc = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  const packed: PackedKeys = {
    count,
    keyData: new Uint8Array(alloc(count * 16)),
    starts: new Float64Array(alloc(count * 8)),
    periods: new Uint8Array(alloc(count)),
  };
  keys.forEach((key, i) => {
    assertDiagnosisKey(key, `keys[${i}]`);
    packed.keyData.set(key.keyData, i * 16);
    packed.starts[i] = key.rollingStartIntervalNumber;
    packed.periods[i] = rollingPeriodOf(key);
  });
  return packed;
}

function runWorker(url: URL, data: MatchWorkerData): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: data });
    let result: Float64Array | undefined;
    worker.once('message', (message: { triples: Float64Array }) => (result = message.triples));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new ProtocolError('worker_failed', `matching worker exited with code ${code} without a result`));
    });
  });
}

/**
 * `matchDiagnosisKeys` on every core: the keys are split into one contiguous share per worker thread; each worker
 * derives its keys' RPIs (specialised HKDF + OpenSSL AES, see match-worker.ts) and looks them up in the sighting
 * table, which it reads from the same SharedArrayBuffer. The matches are the same, in the same order, as the
 * single-thread `matchDiagnosisKeys` (tested).
 *
 * Example:
 * ```ts
 * const { matches } = await matchDiagnosisKeysInParallel(keys, buildSightingTable(sightings));
 * ```
 */
export async function matchDiagnosisKeysInParallel(
  keys: readonly DiagnosisKey[],
  table: SightingTable,
  options: ParallelMatchOptions = {},
): Promise<ParallelMatchResult> {
  if (!Array.isArray(keys)) throw new ProtocolError('invalid_argument', 'keys must be an array');
  const drift = resolveDriftSeconds(options.driftSeconds);
  const requested = options.workers ?? availableParallelism();
  if (!Number.isSafeInteger(requested) || requested < 0 || requested > 256) {
    throw new ProtocolError('invalid_argument', `workers must be an integer in [0, 256], got ${String(options.workers)}`);
  }
  const packed = packDiagnosisKeys(keys);
  const url = matchWorkerUrl();
  const workers = url === undefined ? 0 : Math.min(requested, packed.count);
  if (workers === 0) {
    return { matches: matchesFromTriples(matchPackedKeys(packed, table, 0, packed.count, drift)), workers: 0 };
  }
  const shares: Promise<Float64Array>[] = [];
  for (let w = 0; w < workers; w++) {
    const from = Math.floor((w * packed.count) / workers);
    const to = Math.floor(((w + 1) * packed.count) / workers);
    shares.push(
      runWorker(url as URL, {
        kind: 'bluezone-match-worker',
        table: { buffer: table.buffer, count: table.count },
        keys: packed,
        from,
        to,
        driftSeconds: drift,
      }),
    );
  }
  const results = await Promise.all(shares);
  const triples: number[] = [];
  for (const result of results) for (const value of result) triples.push(value);
  return { matches: matchesFromTriples(triples), workers };
}

/**
 * `findExposureWindows` on every core: builds the table, matches in worker threads, then builds the windows here
 * with the Node crypto backend (only matched keys need their AEM key, so that part is small).
 *
 * Example:
 * ```ts
 * const { windows } = await findExposureWindowsInParallel(keys, sightings, { nowSeconds: Date.now() / 1000 });
 * ```
 */
export async function findExposureWindowsInParallel(
  keys: readonly DiagnosisKey[],
  sightings: readonly Sighting[],
  options: ExposureWindowOptions & ParallelMatchOptions,
): Promise<{ matches: KeyMatch[]; windows: MatchedExposureWindow[]; workers: number }> {
  const table = buildSightingTable(sightings);
  const { matches, workers } = await matchDiagnosisKeysInParallel(keys, table, options);
  const windows = buildExposureWindows(keys, sightings, matches, { backend: nodeCryptoBackend, ...options });
  return { matches, windows, workers };
}
