#!/usr/bin/env node
// Upload codes benchmark, on SQLite and on PostgreSQL: how long an officer waits for a code, and a phone for its
// verify, when the table holds a year of a country's codes.
//
//   npm run build && node apps/server/bench/codes.bench.mjs [--fill 1000000] [--json]
//
// Each database is fresh: SQLite in a new temporary data directory; PostgreSQL in a new database (created and dropped)
// on BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, skipped with the
// reason when unreachable. The fill writes N past codes straight through SQL (issued over the last 365 days, 70% of
// them claimed, every hash erased, as the server leaves them), issues 300 live ones (timed: the tables have no
// statistics yet, as after a restore), then analyzes the tables (VACUUM ANALYZE on PostgreSQL, ANALYZE on SQLite, as
// autovacuum or a periodic job would by then). Then, one at a time as
// officers and phones do, the median of 51 runs after 5 unmeasured:
//   - issuing a code through the service layer (erasing the hashes of dead codes, drawing, inserting, auditing);
//   - a phone's verify over HTTP (the claim of an unused code).
// Vietnam confirmed over 10,000 cases a day at its 2021 peak: 1,000,000 codes is about a hundred days of that.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp, loadConfig, prepareRuntime } from '../dist/index.js';
import { benchArgs, numberOption, onBothDatabases, postJson } from './bench-support.mjs';

const options = benchArgs('node apps/server/bench/codes.bench.mjs [--fill 1000000] [--json]', { fill: { type: 'string' }, json: { type: 'boolean' } });
const fill = numberOption(options, 'fill', 1_000_000);
const json = options.json === true;
if (!Number.isSafeInteger(fill) || fill < 1) throw new Error('--fill must be a positive integer');
const RUNS = 51;
const WARMUP = 5;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

const post = (base, route, body) => postJson(agent, base, route, body);

/** Writes `count` past codes through SQL, in batches; returns the seconds it took. */
async function fillCodes(db, count) {
  const started = performance.now();
  const now = Date.now();
  const batch = 1000;
  for (let from = 0; from < count; from += batch) {
    const rows = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      // Issued at some moment of the last year, more than the long code's lifetime ago.
      const issued = new Date(now - 15 * 86_400_000 - ((i * 2_654_435_761) % (350 * 86_400_000)));
      const at = (hours) => new Date(issued.getTime() + hours * 3_600_000).toISOString();
      rows.push({
        uuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
        code_hash: null,
        long_code_hash: null,
        test_type: i % 10 === 0 ? 'likely' : 'confirmed',
        symptom_date: null,
        test_date: null,
        issued_by: 1,
        issued_at: issued.toISOString(),
        expires_at: at(1),
        long_expires_at: at(24),
        claimed_at: i % 10 < 7 ? at(0.5) : null,
      });
    }
    await db.insertInto('verification_codes').values(rows).execute();
  }
  return (performance.now() - started) / 1000;
}

/** Median milliseconds of RUNS calls after WARMUP unmeasured ones. */
async function median(task) {
  for (let i = 0; i < WARMUP; i++) await task(i);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await task(WARMUP + i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(RUNS / 2)] * 100) / 100;
}

async function run(database, env) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-codes-bench-'));
  const config = loadConfig({ BLUEZONE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', BLUEZONE_EXPORT_PERIOD: '0', BLUEZONE_VERIFY_RATE_LIMIT: '100000', BLUEZONE_ADMIN_PASSWORD: randomBytes(12).toString('base64'), ...env });
  const runtime = await prepareRuntime(config, () => undefined);
  const app = await buildApp({ config, db: runtime.db, services: runtime.services });
  app.addHook('onClose', async () => runtime.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const admin = { id: 1, username: 'admin', role: 'admin' };
    const fillSeconds = await fillCodes(runtime.db, fill);
    // Issued before the tables are analyzed, as right after a restore or a bulk import, before autovacuum runs.
    const live = [];
    const unanalyzed = performance.now();
    for (let i = 0; i < 300; i++) live.push(await runtime.services.verification.issueCode(admin, { testType: 'confirmed' }));
    const unanalyzedIssueMs = Math.round(((performance.now() - unanalyzed) / 300) * 100) / 100;
    await sql.raw(database === 'postgres' ? 'vacuum analyze' : 'analyze').execute(runtime.db);
    const issueMs = await median(() => runtime.services.verification.issueCode(admin, { testType: 'confirmed' }));
    const verifyMs = await median((i) => post(base, '/api/v1/verify', { code: live[i].code }));
    return { database, fill, fillSeconds: Math.round(fillSeconds), unanalyzedIssueMs, issueMs, verifyMs };
  } finally {
    agent.destroy();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function print(r) {
  process.stdout.write(`${r.database}: with ${r.fill.toLocaleString('en')} past codes (filled in ${r.fillSeconds} s): issuing a code ${r.issueMs} ms (before the tables were analyzed: ${r.unanalyzedIssueMs} ms on average), a phone's verify over HTTP ${r.verifyMs} ms (medians of ${RUNS})\n`);
}

await onBothDatabases(run, print, json);
