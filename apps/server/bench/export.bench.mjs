#!/usr/bin/env node
// Export benchmark: time and peak memory to cut one batch of N published keys (default 1,000,000) into signed files.
//
//   npm run build && node apps/server/bench/export.bench.mjs [--keys 1000000] [--json]
//
// A child process fills a fresh SQLite database (one prepared insert in one transaction); this process then runs
// one `export run` (ExportService.cutBatch('now')) against it, so its peak RSS is the export's alone. Afterwards
// (untimed) every file is checked with `bluezone export verify` against the published key. Prints
//   export: 1000000 keys in 12.345 s (10 files, 28.6 MB; peak RSS 612 MB; CPU 13.1 s)
// or, with --json, {"keys","seconds","cpuSeconds","files","bytes","peakRssMb","insertSeconds"}.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const keys = Number(flag('--keys') ?? 1_000_000);
if (!Number.isSafeInteger(keys) || keys < 0) throw new Error('--keys must be a non-negative integer');

const DAY = 86_400;

/** Child: creates the schema through the server's migrations and inserts `count` published keys available a minute ago. */
async function populate(dataDir, count) {
  const { loadConfig, openRuntime } = await import('../dist/index.js');
  const runtime = await openRuntime(loadConfig({ BLUEZONE_DATA_DIR: dataDir }));
  await runtime.close();
  const { default: SQLite } = await import('better-sqlite3');
  const db = new SQLite(path.join(dataDir, 'bluezone.sqlite'));
  db.pragma('journal_mode = WAL');
  const now = Math.floor(Date.now() / 1000);
  const at = new Date((now - 60) * 1000).toISOString();
  const today = Math.floor(now / DAY);
  const insert = db.prepare(`insert into exposures (key_data, transmission_risk, rolling_start_interval, rolling_period,
    report_type, days_since_onset, traveler, health_authority, created_at, available_at) values (?, ?, ?, 144, ?, ?, 0, 'bench', ?, ?)`);
  const started = performance.now();
  const bytes = randomBytes(16 * Math.min(count, 100_000));
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      if (i > 0 && i % 100_000 === 0) randomBytes(bytes.length).copy(bytes);
      const offset = (i % 100_000) * 16;
      // Each key is one person's day: 14 days of keys from count/14 people.
      insert.run(bytes.subarray(offset, offset + 16), 1 + (i % 6), (today - 1 - (i % 14)) * 144, i % 10 === 0 ? 'likely' : 'confirmed', (i % 14) - 2, at, at);
    }
  })();
  db.close();
  process.stdout.write(JSON.stringify({ insertSeconds: (performance.now() - started) / 1000 }));
}

async function measure(dataDir) {
  const { loadConfig, openRuntime } = await import('../dist/index.js');
  const config = loadConfig({ BLUEZONE_DATA_DIR: dataDir, BLUEZONE_EXPORT_SETTLE: '0' });
  const runtime = await openRuntime(config);
  try {
    await runtime.services.signingKeys.ensureActiveKey();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const batch = await runtime.services.export.cutBatch('now');
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    if (!batch || batch.realKeys !== keys) throw new Error(`exported ${batch?.realKeys ?? 0} keys, expected ${keys}`);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const [publicKey] = await runtime.services.signingKeys.listPublished();
    const pem = path.join(dataDir, 'export-key.pem');
    writeFileSync(pem, publicKey.publicKeyPem);
    for (const file of batch.files) {
      const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../cli/bin/bluezone.js');
      const check = spawnSync(process.execPath, [cli, 'export', 'verify', path.join(config.exportsDir, file.name), '--public-key', pem], { encoding: 'utf8' });
      if (check.status !== 0 || check.stdout.trim() !== 'valid') throw new Error(`bluezone export verify ${file.name}: ${check.stdout}${check.stderr}`);
    }
    return {
      keys,
      seconds: Math.round(seconds * 1000) / 1000,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      files: batch.files.length,
      bytes: batch.files.reduce((sum, f) => sum + f.bytes, 0),
      // maxRSS is in kilobytes on Linux; read before the verification above.
      peakRssMb,
    };
  } finally {
    await runtime.close();
  }
}

if (args[0] === '--populate') {
  await populate(args[1], Number(args[2]));
} else {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-export-bench-'));
  try {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--populate', dataDir, String(keys)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`populating the database failed (exit ${child.status})`);
    const { insertSeconds } = JSON.parse(child.stdout);
    const result = { ...(await measure(dataDir)), insertSeconds: Math.round(insertSeconds * 1000) / 1000 };
    if (args.includes('--json')) {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    } else {
      process.stdout.write(
        `export: ${result.keys} keys in ${result.seconds.toFixed(3)} s (${result.files} files, ${(result.bytes / 1e6).toFixed(1)} MB; ` +
          `peak RSS ${result.peakRssMb} MB; CPU ${result.cpuSeconds} s; every file verified); inserting them took ${result.insertSeconds.toFixed(1)} s\n`,
      );
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
