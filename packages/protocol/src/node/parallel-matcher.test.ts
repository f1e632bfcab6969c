import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { buildSightingTable } from '../matching/sighting-table.js';
import { matchDiagnosisKeys } from '../matching/match-keys.js';
import { generateSyntheticPhone } from '../matching/synthetic-phone.js';
import { nodeCryptoBackend } from './crypto-backend.js';
import { findExposureWindowsInParallel, matchDiagnosisKeysInParallel, matchWorkerUrl } from './parallel-matcher.js';
import { findExposureWindows } from '../matching/find-exposure-windows.js';

describe('matchDiagnosisKeysInParallel', () => {
  const nowSeconds = 1_700_000_000;
  const phone = generateSyntheticPhone({ nowSeconds, publishedKeys: 2000, contacts: 9, sightingsPerDay: 500, seed: 3 });
  const table = buildSightingTable(phone.sightings);
  const expected = matchDiagnosisKeys(phone.publishedKeys, table, { backend: nodeCryptoBackend });

  it('finds the contacts', () => {
    expect([...new Set(expected.map((m) => m.keyIndex))]).toEqual(phone.contactKeyIndexes);
  });

  it('gives the single-thread matches in worker threads', async () => {
    // The root `npm test` builds first, so the compiled worker exists and the threads really run.
    expect(matchWorkerUrl()).toBeDefined();
    const result = await matchDiagnosisKeysInParallel(phone.publishedKeys, table, { workers: 2 });
    expect(result.workers).toBe(2);
    expect(result.matches).toEqual(expected);
  });

  it('gives the same matches in this thread and with more workers than cores', async () => {
    expect(await matchDiagnosisKeysInParallel(phone.publishedKeys, table, { workers: 0 })).toEqual({ matches: expected, workers: 0 });
    expect((await matchDiagnosisKeysInParallel(phone.publishedKeys, table, { workers: 3 })).matches).toEqual(expected);
  });

  it('honours the drift and refuses bad options', async () => {
    const strict = await matchDiagnosisKeysInParallel(phone.publishedKeys, table, { workers: 2, driftSeconds: 0 });
    expect(strict.matches).toEqual(matchDiagnosisKeys(phone.publishedKeys, table, { driftSeconds: 0, backend: nodeCryptoBackend }));
    await expect(matchDiagnosisKeysInParallel(phone.publishedKeys, table, { workers: -1 })).rejects.toThrow(ProtocolError);
    await expect(matchDiagnosisKeysInParallel([{ keyData: new Uint8Array(3), rollingStartIntervalNumber: 1 }], table)).rejects.toThrow(/keyData/);
  });

  it('builds the same exposure windows as the single-thread path', async () => {
    const parallel = await findExposureWindowsInParallel(phone.publishedKeys, phone.sightings, { nowSeconds, workers: 2 });
    const single = findExposureWindows(phone.publishedKeys, phone.sightings, { nowSeconds, backend: nodeCryptoBackend });
    expect(parallel.workers).toBe(2);
    expect(parallel.windows).toEqual(single.windows);
    expect(new Set(parallel.windows.map((w) => w.keyIndex))).toEqual(new Set(phone.contactKeyIndexes));
  });
});
