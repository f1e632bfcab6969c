// The work of `bluezone bench …`, loaded only when one of them runs (see bench.ts for the options and the output).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import {
  aggregateRisk,
  buildSightingTable,
  buildSignedExportZip,
  cwaRiskConfiguration,
  EXPORT_SIGNATURE_ALGORITHM,
  generateSyntheticPhone,
  readExportZip,
  verifyExportSignature,
  type ExportKey,
  type ExposureWindow,
} from '@bluezone/protocol';
import { matchDiagnosisKeysInParallel, nodeCryptoBackend } from '@bluezone/protocol/node';
import { CliError, type CliIo } from '../io.js';

const NOW_SECONDS = 1_700_000_000; // fixed, so every run measures the same phone

interface MatchBenchResult {
  keys: number;
  seconds: number;
  keysPerSecond: number;
  workers: number;
  matches: number;
  sightings: number;
  contacts: number;
  /** CPU time of all threads while matching: on a shared machine keys/cpuSeconds shows the cost per key. */
  cpuSeconds: number;
}

async function benchMatch(keys: number, workers: number, contacts = Math.min(20, keys)): Promise<MatchBenchResult> {
  const phone = generateSyntheticPhone({ nowSeconds: NOW_SECONDS, publishedKeys: keys, contacts, seed: 1, backend: nodeCryptoBackend });
  const table = buildSightingTable(phone.sightings);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await matchDiagnosisKeysInParallel(phone.publishedKeys, table, { workers });
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  const matchedKeys = [...new Set(result.matches.map((m) => m.keyIndex))];
  if (matchedKeys.join() !== phone.contactKeyIndexes.join()) {
    throw new CliError(`matching found keys [${matchedKeys.join(', ')}], expected [${phone.contactKeyIndexes.join(', ')}]`);
  }
  return {
    keys,
    seconds: Math.round(seconds * 1000) / 1000,
    keysPerSecond: Math.round(keys / seconds),
    workers: result.workers,
    matches: result.matches.length,
    sightings: phone.sightings.length,
    contacts,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}

/** Scores `count` synthetic exposure windows (1 to 6 scans each, 30 days) with the cwa preset. */
function benchRisk(count: number): { seconds: number; rate: number } {
  const windows: ExposureWindow[] = [];
  for (let i = 0; i < count; i++) {
    const scans = 1 + (i % 6);
    windows.push({
      ageInDays: i % 30,
      reportType: 1 + (i % 4),
      infectiousness: 1 + (i % 2),
      calibrationConfidence: i % 4,
      scanInstances: Array.from({ length: scans }, (_, s) => ({
        minAttenuation: 40 + ((i * 7 + s * 13) % 45),
        typicalAttenuation: 45 + ((i * 7 + s * 13) % 45),
        secondsSinceLastScan: 180 + ((i + s) % 3) * 60,
      })),
    });
  }
  const started = performance.now();
  aggregateRisk(windows, cwaRiskConfiguration);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, rate: count / seconds };
}

/**
 * What a phone does with each file it downloads, with the pure code phones and browsers run: unzip, decode and
 * verify one signed export of `count` keys (a country at 10,000 uploads a day publishes about 140,000 keys a day).
 */
function benchReadExport(count: number): { seconds: number; rate: number } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const signatureInfo = { verificationKeyVersion: 'v1', verificationKeyId: '452', signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM };
  const keys: ExportKey[] = Array.from({ length: count }, (_, i) => ({
    keyData: randomBytes(16),
    transmissionRiskLevel: null,
    rollingStartIntervalNumber: 2_830_000 + (i % 14) * 144,
    rollingPeriod: 144,
    reportType: 1,
    daysSinceOnsetOfSymptoms: (i % 14) - 3,
  }));
  const batch = { startTimestamp: NOW_SECONDS - 86_400, endTimestamp: NOW_SECONDS, region: 'VN', batchNum: 1, batchSize: 1, signatureInfos: [signatureInfo], keys, revisedKeys: [] };
  const { zip } = buildSignedExportZip(batch, [{ privateKeyPem, signatureInfo }]);
  const started = performance.now();
  const contents = readExportZip(zip);
  const verdict = verifyExportSignature(contents.exportBin, contents.signatures, publicKeyPem);
  const seconds = (performance.now() - started) / 1000;
  if (!verdict.valid || contents.export.keys.length !== count) throw new CliError('the export read back did not verify whole');
  return { seconds, rate: count / seconds };
}

interface BenchRow {
  size: string;
  seconds: number;
  rate: string;
}

/** The protocol benchmarks of `bench all`, each at a size that runs in a second or two on a small machine. */
export const BENCHMARKS: readonly { name: string; description: string; run: () => Promise<BenchRow> }[] = [
  {
    name: 'match',
    description: 'derive + look up published keys, all cores',
    run: async () => {
      const r = await benchMatch(100_000, availableParallelism());
      return { size: `${r.keys} keys`, seconds: r.seconds, rate: `${r.keysPerSecond} keys/s (${r.workers} workers)` };
    },
  },
  {
    name: 'match-1-thread',
    description: 'the same in this thread',
    run: async () => {
      const r = await benchMatch(50_000, 0);
      return { size: `${r.keys} keys`, seconds: r.seconds, rate: `${r.keysPerSecond} keys/s` };
    },
  },
  {
    name: 'read-export',
    description: 'unzip, decode and verify a signed export, pure code (phones)',
    run: async () => {
      const r = benchReadExport(140_000);
      return { size: '140000 keys', seconds: Math.round(r.seconds * 1000) / 1000, rate: `${Math.round(r.rate)} keys/s` };
    },
  },
  {
    name: 'risk',
    description: 'score exposure windows, cwa preset',
    run: async () => {
      const r = benchRisk(100_000);
      return { size: '100000 windows', seconds: Math.round(r.seconds * 1000) / 1000, rate: `${Math.round(r.rate)} windows/s` };
    },
  },
];

export async function match(io: CliIo, options: { keys: number; workers: number; json?: boolean }): Promise<void> {
  const r = await benchMatch(options.keys, options.workers);
  if (options.json) {
    const { keys, seconds, keysPerSecond, workers, matches } = r;
    io.out(`${JSON.stringify({ keys, seconds, keysPerSecond, workers, matches })}\n`);
    return;
  }
  io.out(
    `match: ${r.keys} keys in ${r.seconds.toFixed(3)} s = ${r.keysPerSecond} keys/s ` +
      `(${r.workers} workers, ${r.sightings} sightings over 14 days, ${r.matches} matches of ${r.contacts} contact keys; ` +
      `CPU ${r.cpuSeconds.toFixed(3)} s = ${Math.round(r.keys / r.cpuSeconds)} keys per CPU second)\n`,
  );
}

export async function all(io: CliIo): Promise<void> {
  const rows = [['benchmark', 'size', 'seconds', 'rate', 'what']];
  for (const b of BENCHMARKS) {
    const r = await b.run();
    rows.push([b.name, r.size, r.seconds.toFixed(3), r.rate, b.description]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  for (const row of rows) io.out(`${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()}\n`);
}
