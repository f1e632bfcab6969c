#!/usr/bin/env node
// Publish benchmark: verified uploads per second over HTTP on loopback, on SQLite and on PostgreSQL.
//
//   npm run build && node apps/server/bench/publish.bench.mjs [--uploads 3000] [--concurrency 64] [--warmup 1000] [--json] [--profile DIR]
//
// For each database the real server (built dist) listens on 127.0.0.1 on a fresh store: SQLite in a new temporary
// data directory; PostgreSQL in a new database (created and dropped) on BENCH_DATABASE_URL, else TEST_DATABASE_URL,
// else postgres://postgres@127.0.0.1:5432/postgres, skipped with the reason when unreachable. Codes are issued
// through the service layer; then each upload is a phone's three calls, 14 keys each: verify → certificate (phase 1,
// all uploads) → publish (phase 2). The phones run in a child process, as a load generator (wrk, autocannon) runs
// beside a server rather than inside it, so the server's CPU time per upload is measured apart from theirs: on a
// machine shared with other work the rate falls, the CPU time per upload much less. Before the measured uploads,
// --warmup uploads (1000 by default) run the same two phases unmeasured. Prints per database
//   sqlite: 3000 uploads of 14 keys, 64 at a time, after 1000 to warm up: 1552.7 uploads/s (verify+certificate+publish), publish alone 2992.1/s;
//   a phone waits (p50/p99) 18.7/46.8 ms for verify+certificate, 22.3/32.1 ms for publish; …
// or, with --json, [{"database","uploads","warmup","keysPerUpload","concurrency","flowPerSecond","publishPerSecond",...}].
//
// --database sqlite or --database postgres runs one of them only. With --profile DIR, the server process's CPU
// profile of each database's measured phases (not the setup: issuing codes, starting the server, warming up) is
// written to DIR/<database>.cpuprofile, and the phones' process's (whole) to DIR/phones-<database>.cpuprofile, for
// Chrome DevTools or any cpuprofile reader.
//
// Why 64 phones in flight by default: a rate is a server's capacity only when the load keeps it busy. By Little's
// law the uploads in flight are the rate times the time each takes; at a country's 1,000 uploads a second, each of
// three requests over a cellular round trip of 50–300 ms, that is hundreds at once. With 8 on loopback the server
// waited on PostgreSQL's answers a third of its time (its profile's idle share) and the figure measured round trips,
// not capacity. The code before the work on scale (f73572d) was busy at 8 already: 64 moved it by 6–12% (whole
// uploads, three runs each: SQLite 222–230/s → 248–256/s, PostgreSQL 254–257/s → 271–273/s), so rates measured at 64
// still compare with its figures at 8. `--concurrency 8` gives the latency-bound figure; the latencies printed show
// what a phone waits at the load chosen.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import http from 'node:http';
import { devNull, tmpdir } from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Session } from 'node:inspector/promises';
import { Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { calculateExposureKeyHmac } from '@bluezone/protocol';
import { buildApp, checkpointInBackground, loadConfig, prepareRuntime } from '../dist/index.js';
import { benchArgs, numberOption, percentile, postJson, timed, withPostgres } from './bench-support.mjs';

const options = benchArgs(
  'node apps/server/bench/publish.bench.mjs [--uploads 3000] [--concurrency 64] [--warmup 1000] [--database sqlite|postgres] [--profile DIR] [--json]',
  { uploads: { type: 'string' }, concurrency: { type: 'string' }, warmup: { type: 'string' }, database: { type: 'string' }, profile: { type: 'string' }, json: { type: 'boolean' }, phones: { type: 'boolean' } },
);
const uploads = numberOption(options, 'uploads', 3000);
const concurrency = numberOption(options, 'concurrency', 64);
const warmup = numberOption(options, 'warmup', 1000);
const json = options.json === true;
const only = options.database;
const profileDir = options.profile;
if (!Number.isSafeInteger(uploads) || uploads < 1 || !Number.isSafeInteger(concurrency) || concurrency < 1 || !Number.isSafeInteger(warmup) || warmup < 0) {
  throw new Error('--uploads and --concurrency must be positive integers, --warmup a whole number');
}
if (only !== undefined && only !== 'sqlite' && only !== 'postgres') throw new Error('--database must be sqlite or postgres');
const KEYS = 14;

// Kept-alive sockets, as many as phones in flight (see postJson).
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const post = (base, route, body) => postJson(agent, base, route, body);

/**
 * CPU seconds (user + system) of every process named postgres on this machine, from /proc (Linux; undefined
 * elsewhere): PostgreSQL's own share of an upload, which competes with the server for the same cores. Any other
 * client of the same PostgreSQL during the run is counted too.
 */
function postgresCpuSeconds() {
  try {
    const ticks = 100; // USER_HZ on Linux
    let total = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / ticks;
    }
    return total;
  } catch {
    return undefined;
  }
}

function phoneKeys() {
  const today = Math.floor(Date.now() / 600_000 / 144) * 144;
  return Array.from({ length: KEYS }, (_, i) => ({ key: randomBytes(16).toString('base64'), rollingStartNumber: today - (i + 1) * 144, rollingPeriod: 144, transmissionRisk: 0 }));
}

/**
 * The phones' two phases for phones[from, to): the seconds each took, and the milliseconds each phone waited in each
 * (verify and certificate together; publish).
 */
async function phases(base, phones, from, to) {
  const waits = { certify: [], publish: [] };
  const certify = await timed(to - from, concurrency, async (i) => {
    const phone = phones[from + i];
    const { token } = await post(base, '/api/v1/verify', { code: phone.code });
    const ekeyhmac = calculateExposureKeyHmac(phone.keys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod, transmissionRisk: 0 })), phone.hmacKey);
    phone.certificate = (await post(base, '/api/v1/certificate', { token, ekeyhmac })).certificate;
  }, waits.certify);
  const publish = await timed(to - from, concurrency, async (i) => {
    const phone = phones[from + i];
    const body = await post(base, '/api/v1/publish', { temporaryExposureKeys: phone.keys, healthAuthorityID: 'vn.bluezone', verificationPayload: phone.certificate, hmacKey: phone.hmacKey.toString('base64') });
    if (body.insertedExposures !== KEYS) throw new Error(`published ${body.insertedExposures} keys, not ${KEYS}`);
  }, waits.publish);
  return { certify, publish, waits };
}

/**
 * In the phones' process: first the warm-up uploads, unmeasured, as a benchmark harness warms up the code it
 * measures (the server's and the phones' JIT, PostgreSQL's caches: without them, the first thousand uploads ran at
 * half the speed of the rest); then, once the server has started its counters, the measured uploads.
 */
async function phones(base, codes, started) {
  const phones = codes.map((code) => ({ code, keys: phoneKeys(), hmacKey: randomBytes(32) }));
  await phases(base, phones, 0, warmup);
  await started();
  const cpuBefore = process.cpuUsage();
  const { certify, publish, waits } = await phases(base, phones, warmup, phones.length);
  const cpu = process.cpuUsage(cpuBefore);
  const wait = (ms) => ({ p50: percentile(ms, 50), p99: percentile(ms, 99) });
  return { certify, publish, cpuMs: (cpu.user + cpu.system) / 1000, certifyWaitMs: wait(waits.certify), publishWaitMs: wait(waits.publish) };
}

/**
 * The phones, in a child process. Over its stdin and stdout, one line each: the codes in; "warm" out when the
 * warm-up is done; "go" in once the server's counters run; the seconds of each measured phase out.
 */
function inChild(database, base, codes, onWarm) {
  return new Promise((resolve, reject) => {
    const profile = profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=phones-${database}.cpuprofile`];
    const child = spawn(process.execPath, [...profile, fileURLToPath(import.meta.url), '--phones', ...process.argv.slice(2)], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout });
    let result;
    lines.on('line', (line) => {
      // Should the counters fail to start, the phones are stopped rather than left waiting for "go".
      if (line === 'warm')
        void onWarm().then(
          () => child.stdin.end('go\n'),
          (error) => {
            child.kill();
            reject(error);
          },
        );
      else result = line;
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 && result ? resolve(JSON.parse(result)) : reject(new Error(`the phones' process exited with ${code}`))));
    child.stdin.write(`${JSON.stringify({ base, codes })}\n`);
  });
}

async function run(database, env) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-publish-bench-'));
  const config = loadConfig({ BLUEZONE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', BLUEZONE_EXPORT_PERIOD: '0', BLUEZONE_VERIFY_RATE_LIMIT: '100000', BLUEZONE_ADMIN_PASSWORD: randomBytes(12).toString('base64'), ...env });
  const runtime = await prepareRuntime(config, () => undefined);
  // As `bluezone serve` does (startServer): SQLite's checkpoints in a worker thread.
  checkpointInBackground(runtime.db);
  // Logging as `bluezone serve` does (an access line a request, each written at once, as pino writes to stdout), to
  // the null device rather than a terminal.
  const logFile = openSync(devNull, 'w');
  const log = new Writable({ write: (line, _encoding, done) => (writeSync(logFile, line), done()) });
  const app = await buildApp({ config, db: runtime.db, services: runtime.services, logger: { level: 'info', stream: log } });
  app.addHook('onClose', async () => runtime.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const admin = { id: 1, username: 'admin', role: 'admin' };
    const codes = [];
    for (let i = 0; i < warmup + uploads; i++) codes.push((await runtime.services.verification.issueCode(admin, { testType: 'confirmed' })).code);
    const session = profileDir === undefined ? undefined : new Session();
    let postgresBefore;
    let cpuBefore;
    // Counters start when the phones are warm, so they hold the measured uploads only.
    const start = async () => {
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      postgresBefore = env.DATABASE_URL ? postgresCpuSeconds() : undefined;
      cpuBefore = process.cpuUsage();
    };
    const { certify, publish, cpuMs: phonesCpuMs, certifyWaitMs, publishWaitMs } = await inChild(database, base, codes, start);
    const cpu = process.cpuUsage(cpuBefore);
    const postgresAfter = postgresBefore === undefined ? undefined : postgresCpuSeconds();
    const postgresCpuMsPerUpload = postgresAfter === undefined ? undefined : ((postgresAfter - postgresBefore) * 1000) / uploads;
    if (session) {
      const { profile } = await session.post('Profiler.stop');
      session.disconnect();
      mkdirSync(profileDir, { recursive: true });
      writeFileSync(path.join(profileDir, `${database}.cpuprofile`), JSON.stringify(profile));
    }
    // The server's process: its main thread and libuv's pool (crypto, zlib); the phones' process is not counted.
    const serverCpuMsPerUpload = (cpu.user + cpu.system) / 1000 / uploads;
    return { database, uploads, warmup, keysPerUpload: KEYS, concurrency, certifySeconds: certify, publishSeconds: publish, flowPerSecond: uploads / (certify + publish), publishPerSecond: uploads / publish, certifyWaitMs, publishWaitMs, serverCpuMsPerUpload, phonesCpuMsPerUpload: phonesCpuMs / uploads, postgresCpuMsPerUpload };
  } finally {
    await app.close();
    closeSync(logFile);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// The phones' own process (inChild) is this script again with --phones.
if (options.phones) {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const { base, codes } = JSON.parse((await lines.next()).value);
  const result = await phones(base, codes, async () => {
    process.stdout.write('warm\n');
    if ((await lines.next()).value !== 'go') throw new Error('the benchmark did not start its counters');
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
const results = [];
if (only === undefined || only === 'sqlite') results.push(await run('sqlite', {}));
if (only === undefined || only === 'postgres') results.push(await withPostgres((url) => run('postgres', { DATABASE_URL: url })));
if (json) {
  process.stdout.write(`${JSON.stringify(results)}\n`);
} else {
  for (const r of results) {
    if (r.skipped) process.stdout.write(`${r.database}: skipped (${r.skipped})\n`);
    else process.stdout.write(`${r.database}: ${r.uploads} uploads of ${r.keysPerUpload} keys, ${r.concurrency} at a time, after ${r.warmup} to warm up: ${r.flowPerSecond.toFixed(1)} uploads/s (verify+certificate+publish), publish alone ${r.publishPerSecond.toFixed(1)}/s; a phone waits (p50/p99) ${r.certifyWaitMs.p50.toFixed(1)}/${r.certifyWaitMs.p99.toFixed(1)} ms for verify+certificate, ${r.publishWaitMs.p50.toFixed(1)}/${r.publishWaitMs.p99.toFixed(1)} ms for publish; server CPU ${r.serverCpuMsPerUpload.toFixed(2)} ms an upload (phones ${r.phonesCpuMsPerUpload.toFixed(2)} ms${r.postgresCpuMsPerUpload === undefined ? '' : `, PostgreSQL ${r.postgresCpuMsPerUpload.toFixed(2)} ms`})\n`);
  }
}
