#!/usr/bin/env node
// Campaign reporting benchmark: a round's summary and both exports with 10,000 submitted reports, on SQLite and on
// PostgreSQL, each measured in a fresh process of its own so its peak memory is its own.
//
//   npm run build && node apps/server/bench/campaigns.bench.mjs [--reports 10000] [--json]
//
// Setup (not timed): a fresh store (SQLite in a temporary data directory; PostgreSQL in a new database on
// BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, skipped with the reason
// when unreachable), the province's 65 wards and communes, `reports − 65` agencies in four groups, one campaign to
// all of them through the service (one pick: every ward and commune, every agency of the groups), and one submitted
// report per recipient with the five indicators, written in bulk. Then `summary`, `docx` and `xlsx` each run once in
// a child process: the time of the call and the process's peak RSS (getrusage maxrss).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchArgs, numberOption, withPostgres } from './bench-support.mjs';

const options = benchArgs('node apps/server/bench/campaigns.bench.mjs [--reports 10000] [--json]', {
  reports: { type: 'string' },
  json: { type: 'boolean' },
  // The child that measures one output: --measure summary|docx|xlsx --campaign ID --issuer ID.
  measure: { type: 'string' },
  campaign: { type: 'string' },
  issuer: { type: 'string' },
});
const GROUPS = ['sở, ban, ngành', 'đoàn thể', 'trung tâm văn hóa', 'doanh nghiệp'];
const INDICATORS = ['radio', 'news', 'loudspeaker', 'collaborators', 'other'];
const viewer = (id) => ({ id, username: 'bench.issuer', displayName: 'Sở TTTT', role: 'campaign_issuer', unitCode: '20', unitName: 'Lạng Sơn', locale: 'vi', disabled: false, createdAt: '', agencyId: null, agencyCode: null, agencyName: null, email: null, phone: null });

async function runtimeFor(env) {
  const { loadConfig, prepareRuntime } = await import('../dist/index.js');
  const config = loadConfig({ BLUEZONE_EXPORT_PERIOD: '0', BLUEZONE_ADMIN_PASSWORD: randomBytes(12).toString('base64'), BLUEZONE_SCRYPT_COST: '1024', ...env });
  return prepareRuntime(config, () => undefined);
}

/** The child: one measurement, printed as one JSON line. */
async function measure(what, campaignId, issuerId) {
  const env = { BLUEZONE_DATA_DIR: process.env.BLUEZONE_DATA_DIR, ...(process.env.DATABASE_URL && { DATABASE_URL: process.env.DATABASE_URL }) };
  const runtime = await runtimeFor(env);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const s = runtime.services.campaignSummary;
  let size;
  let sentBytes;
  if (what === 'summary') {
    const json = JSON.stringify(await s.summary(viewer(issuerId), campaignId, 1));
    size = Buffer.byteLength(json);
    // What the issuer's browser downloads: the server compresses JSON as it answers (http/compression.ts, brotli 4).
    sentBytes = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
  }
  else if (what === 'docx') size = (await s.exportDocx(viewer(issuerId), campaignId, 1)).body.length;
  else size = (await s.exportXlsx(viewer(issuerId), campaignId, 1)).body.length;
  const seconds = (performance.now() - started) / 1000;
  await runtime.close();
  process.stdout.write(`${JSON.stringify({ what, seconds, bytes: size, sentBytes, rssBeforeMB: before / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

async function setup(env, reports) {
  const runtime = await runtimeFor(env);
  const { db, services } = runtime;
  try {
    const now = new Date().toISOString();
    const agencies = reports - 65;
    for (let i = 0; i < agencies; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(agencies, i + 500); j++) rows.push({ code: `B-${j}`, name: `Cơ quan ${String(j).padStart(5, '0')}`, unit_code: '20', group_name: GROUPS[j % GROUPS.length], created_at: now, updated_at: now });
      await db.insertInto('agencies').values(rows).execute();
    }
    const { SYSTEM_ACTOR } = await import('../dist/index.js');
    const issuer = await services.users.create(SYSTEM_ACTOR, { username: 'bench.issuer', displayName: 'Sở TTTT', password: 'bench password', role: 'campaign_issuer', unitCode: '20' });
    const campaign = await services.campaigns.create(issuer, {
      documentNumber: '1405/STTTT-TTBCXB',
      title: 'V/v tăng cường tuyên truyền phòng, chống dịch Covid-19',
      issuedOn: '2026-11-20',
      recipients: { unitCodes: [], localUnitsUnder: ['20'], agencyIds: [], agencyGroups: GROUPS },
      rounds: [{ name: 'Đợt 1', periodEnd: '2026-11-25', deadline: '2026-11-25' }],
    });
    if (campaign.recipientCount !== reports) throw new Error(`${campaign.recipientCount} recipients, not ${reports}`);
    const round = await db.selectFrom('campaign_rounds').select('id').where('campaign_id', '=', campaign.id).executeTakeFirstOrThrow();
    const recipients = await db.selectFrom('campaign_recipients').select('id').where('campaign_id', '=', campaign.id).orderBy('id').execute();
    for (let i = 0; i < recipients.length; i += 500) {
      const chunk = recipients.slice(i, i + 500);
      const inserted = await db
        .insertInto('campaign_reports')
        .values(chunk.map((r, k) => {
          const staff = 20 + ((i + k) % 180);
          return { round_id: round.id, recipient_id: r.id, status: 'submitted', staff_total: staff, staff_installed: Math.floor(staff * 0.8), proposals: (i + k) % 10 === 0 ? 'Đề nghị cấp thêm tài liệu tuyên truyền.' : null, submitted_at: now, late: (i + k) % 7 === 0 ? 1 : 0, created_at: now, updated_at: now, updated_by: issuer.id };
        }))
        .returning('id')
        .execute();
      await db
        .insertInto('campaign_report_values')
        .values(inserted.flatMap((r, k) => INDICATORS.map((indicator, n) => ({ report_id: r.id, indicator, quantity: (i + k + n) % 13, percent: null, note: null }))))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    return { campaignId: campaign.id, issuerId: issuer.id };
  } finally {
    await runtime.close();
  }
}

async function run(database, env, reports) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-campaigns-bench-'));
  try {
    const childEnv = { ...process.env, BLUEZONE_DATA_DIR: dataDir, ...env };
    const { campaignId, issuerId } = await setup({ BLUEZONE_DATA_DIR: dataDir, ...env }, reports);
    const out = { database, reports };
    for (const what of ['summary', 'docx', 'xlsx']) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', what, '--campaign', String(campaignId), '--issuer', String(issuerId)], { env: childEnv, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${what}: ${child.stderr}`);
      out[what] = JSON.parse(child.stdout.trim().split('\n').pop());
    }
    return out;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (options.measure !== undefined) {
  await measure(options.measure, numberOption(options, 'campaign'), numberOption(options, 'issuer'));
} else {
  const reports = numberOption(options, 'reports', 10_000);
  if (!Number.isSafeInteger(reports) || reports < 100) throw new Error('--reports must be a whole number of at least 100');
  const results = [await run('sqlite', {}, reports), await withPostgres((url) => run('postgres', { DATABASE_URL: url }, reports))];
  if (options.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else {
    for (const r of results) {
      if (r.skipped) {
        process.stdout.write(`${r.database}: skipped (${r.skipped})\n`);
        continue;
      }
      const line = (m) =>
        `${m.seconds.toFixed(2)} s, peak RSS ${m.peakRssMB.toFixed(0)} MB (${m.rssBeforeMB.toFixed(0)} MB before), ${(m.bytes / 1024).toFixed(0)} kB${m.sentBytes === undefined ? '' : ` (${(m.sentBytes / 1024).toFixed(0)} kB sent with brotli)`}`;
      process.stdout.write(`${r.database}: ${r.reports} submitted reports\n  summary: ${line(r.summary)}\n  .docx:   ${line(r.docx)}\n  .xlsx:   ${line(r.xlsx)}\n`);
    }
  }
}
