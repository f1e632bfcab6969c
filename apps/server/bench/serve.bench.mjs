#!/usr/bin/env node
// Serving benchmark: export files served per second by one server process over HTTP on loopback.
//
//   npm run build && node apps/server/bench/serve.bench.mjs [--seconds 5] [--concurrency 32] [--json]
//
// The real server (built dist) on a fresh SQLite data directory cuts one export padded to 100,000 keys (one file of
// about 1.8 MB, the largest a batch file gets by default); then a worker thread (node:http, kept-alive sockets) asks
// for, during --seconds each: index.txt; index.txt again with its ETag (the 304 a phone polling every hour mostly
// gets); the whole zip; the zip's second half (a resumed download). Prints one line per kind:
//   index.txt 200: 9876 files/s (…)
// These are the figures of the origin alone; a CDN in front serves the same files from its edges.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { benchArgs, numberOption } from './bench-support.mjs';

const options = benchArgs('node apps/server/bench/serve.bench.mjs [--seconds 5] [--concurrency 32] [--json]', {
  seconds: { type: 'string' },
  concurrency: { type: 'string' },
  json: { type: 'boolean' },
});
const seconds = numberOption(options, 'seconds', 5);
const concurrency = numberOption(options, 'concurrency', 32);
if (!(seconds > 0) || !Number.isSafeInteger(concurrency) || concurrency < 1) throw new Error('--seconds and --concurrency must be positive');

/** In the worker: `concurrency` loops asking for `url` for `seconds`; answers the count and bytes of answers with `status`. */
async function load({ url, headers, status }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const until = performance.now() + seconds * 1000;
  let files = 0;
  let bytes = 0;
  const one = () =>
    new Promise((resolve, reject) => {
      http
        .get(url, { agent, headers }, (response) => {
          let length = 0;
          response.on('data', (chunk) => (length += chunk.length));
          response.on('end', () => {
            if (response.statusCode !== status) return reject(new Error(`${url}: ${response.statusCode}, expected ${status}`));
            files++;
            bytes += length;
            resolve();
          });
        })
        .on('error', reject);
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) await one();
  }));
  agent.destroy();
  return { files, bytes, seconds: (performance.now() - started) / 1000 };
}

if (!isMainThread) {
  parentPort.postMessage(await load(workerData));
  process.exit(0);
}

const inWorker = (job) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: job, argv: process.argv.slice(2) });
    worker.once('message', resolve);
    worker.once('error', reject);
  });

const { buildApp, loadConfig, prepareRuntime } = await import('../dist/index.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-serve-bench-'));
const config = loadConfig({ BLUEZONE_DATA_DIR: dataDir, BLUEZONE_EXPORT_PERIOD: '0', BLUEZONE_EXPORT_SETTLE: '0', BLUEZONE_EXPORT_MIN_KEYS: '100000', BLUEZONE_EXPORT_PADDING_JITTER: '0', BLUEZONE_ADMIN_PASSWORD: randomBytes(12).toString('base64') });
const runtime = await prepareRuntime(config, () => undefined);
const app = await buildApp({ config, services: runtime.services });
app.addHook('onClose', async () => runtime.close());
const results = [];
try {
  const batch = await runtime.services.export.cutBatch('now');
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const zipUrl = `${base}/exports/${batch.files[0].name}`;
  const indexUrl = `${base}/exports/VN/index.txt`;
  const etag = (await fetch(indexUrl)).headers.get('etag');
  const half = Math.floor(batch.files[0].bytes / 2);
  const kinds = [
    { kind: 'index.txt 200', url: indexUrl, headers: {}, status: 200 },
    { kind: 'index.txt 304 (If-None-Match)', url: indexUrl, headers: { 'if-none-match': etag }, status: 304 },
    { kind: `zip 200 (${(batch.files[0].bytes / 1e6).toFixed(2)} MB)`, url: zipUrl, headers: {}, status: 200 },
    { kind: 'zip 206 (second half)', url: zipUrl, headers: { range: `bytes=${half}-` }, status: 206 },
  ];
  for (const { kind, ...job } of kinds) {
    const r = await inWorker(job);
    results.push({ kind, concurrency, filesPerSecond: r.files / r.seconds, megabytesPerSecond: r.bytes / 1e6 / r.seconds });
  }
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
if (options.json) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  for (const r of results) process.stdout.write(`${r.kind}: ${r.filesPerSecond.toFixed(0)} files/s, ${r.megabytesPerSecond.toFixed(1)} MB/s (${r.concurrency} at a time)\n`);
}
