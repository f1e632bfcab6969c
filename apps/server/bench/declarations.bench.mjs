#!/usr/bin/env node
// Declarations benchmark, on SQLite and on PostgreSQL:
//  1. declarations accepted per second over HTTP on loopback (the public POST: checked, screened against the epidemic
//     areas, stored with routes and visits, its officers notified), 8 at a time;
//  2. the time of a ward's queue query with N declarations in the province (default 1,000,000).
//
//   npm run build && node apps/server/bench/declarations.bench.mjs [--declarations 2000] [--fill 1000000] [--json]
//
// Each database is fresh: SQLite in a new temporary data directory; PostgreSQL in a new database (created and dropped)
// on BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, skipped with the
// reason when unreachable. Two officers per ward or commune receive the notifications, three epidemic areas are in
// force, 30% of declarations name a place visited and 5% a symptom.
//
// The fill then writes N declarations straight through SQL (made over the last 30 days: a fifth of them in the ward
// of Đông Kinh, the busiest unit, the rest spread over the 65 wards and communes; 2% suspected, 5% arrivals, 70%
// closed), analyzes the tables (VACUUM ANALYZE on PostgreSQL, ANALYZE on SQLite, as autovacuum or a periodic job
// would by then), and times the store's queue query (median of 21 runs after a warm-up) for Đông Kinh's first page, its
// suspected ones, its open ones, its second page, a small commune, and the whole province for a health officer;
// then the same first page through HTTP as the ward's officer sees it (session, scope check, audit row, JSON).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { buildApp, loadConfig, prepareRuntime } from '../dist/index.js';
import { DeclarationListsStore } from '../dist/declarations/declaration-lists.store.js';
import { benchArgs, numberOption, onBothDatabases, timed } from './bench-support.mjs';

const options = benchArgs('node apps/server/bench/declarations.bench.mjs [--declarations 2000] [--fill 1000000] [--json]', {
  declarations: { type: 'string' },
  fill: { type: 'string' },
  json: { type: 'boolean' },
});
const declarations = numberOption(options, 'declarations', 2000);
const fill = numberOption(options, 'fill', 1_000_000);
const concurrency = 8;
const json = options.json === true;
if (![declarations, fill].every((n) => Number.isSafeInteger(n) && n >= 1)) throw new Error('--declarations and --fill must be positive integers');

const DONG_KINH = '05977';
const PASSWORD = 'bench officer password';

async function request(base, method, route, body, headers = {}, retried = false) {
  let response;
  try {
    response = await fetch(`${base}${route}`, { method, headers: { ...(body && { 'content-type': 'application/json' }), ...headers }, ...(body && { body: JSON.stringify(body) }) });
  } catch (error) {
    // A kept-alive connection the server closed while the fill ran: open a new one, once.
    if (retried) throw error;
    return request(base, method, route, body, headers, true);
  }
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return { body: text ? JSON.parse(text) : undefined, cookie: response.headers.get('set-cookie') };
}

const vnDay = (date) => new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (n) => vnDay(new Date(Date.now() - n * 86_400_000));

function publicDeclaration(i, wards) {
  return {
    kind: 'domestic',
    fullName: `Người khai ${i}`,
    yearOfBirth: 1950 + (i % 60),
    gender: i % 2 ? 'male' : 'female',
    phone: `0912 ${String(i).padStart(6, '0')}`,
    residence: { unitCode: wards[i % wards.length], address: `Thôn ${i % 30}` },
    visits: i % 10 < 3 ? [{ unitCode: i % 2 ? '48' : '01', from: daysAgo(5), to: daysAgo(3) }] : [],
    symptoms: i % 20 === 0 ? ['fever'] : [],
    contacts: { confirmedOrSuspectedCase: false, fromEpidemicArea: false, feverOrCough: false },
    consent: true,
  };
}

/** Writes `count` declarations with their routes through SQL, in batches; returns the seconds it took. */
async function fillDeclarations(db, count, wards) {
  const started = performance.now();
  const now = Date.now();
  const batch = 500;
  const statuses = ['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'new', 'contacted', 'home_isolation'];
  for (let from = 0; from < count; from += batch) {
    const rows = [];
    const routes = [];
    for (let i = from; i < Math.min(count, from + batch); i++) {
      // A fifth in the busiest ward, the rest spread evenly.
      const unit = (i * 7919) % 5 === 0 ? DONG_KINH : wards[(i * 31) % wards.length];
      const at = new Date(now - ((i * 2_654_435_761) % (30 * 86_400_000)));
      const suspected = i % 50 === 0 ? 1 : 0;
      const arrival = suspected || i % 20 === 0 ? 1 : 0;
      const status = statuses[i % statuses.length];
      rows.push({
        receipt: `B${i.toString(32).toUpperCase().padStart(7, '0')}`,
        kind: 'domestic', full_name: `Người ${i}`, year_of_birth: 1950 + (i % 60), gender: i % 2 ? 'male' : 'female',
        nationality: null, id_number: null, phone: `09${String(i).padStart(8, '0')}`, email: null,
        residence_unit_code: unit, residence_address: `Thôn ${i % 30}`, declared_by: null,
        symptoms: suspected ? '["fever"]' : '[]', other_symptom: null, contact_case: 0, contact_arrival: 0, contact_fever: 0,
        chronic_conditions: null, warned_by_app: null, entry: null, suspected, arrival,
        reasons: '[]', rule: 'moh-3468-2020', monitoring_until: null, status, next_follow_up: null,
        declared_at: at.toISOString(), declared_day: vnDay(at), receipt_expires_at: new Date(at.getTime() + 14 * 86_400_000).toISOString(), updated_at: at.toISOString(),
      });
    }
    await db.transaction().execute(async (trx) => {
      const ids = await trx.insertInto('declarations').values(rows).returning('id').execute();
      ids.forEach(({ id }, k) => {
        const r = rows[k];
        routes.push({ declaration_id: Number(id), unit_code: r.residence_unit_code, primary_unit_code: r.residence_unit_code, priority: r.suspected ? 2 : r.arrival ? 1 : 0, suspected: r.suspected, arrival: r.arrival, status: r.status, declared_at: r.declared_at, declared_day: r.declared_day });
      });
      await trx.insertInto('declaration_routes').values(routes).execute();
    });
  }
  return (performance.now() - started) / 1000;
}

/** Median milliseconds of `runs` calls after one warm-up. */
async function median(task, runs = 21) {
  await task();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(runs / 2)] * 100) / 100;
}

async function run(database, env) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bluezone-declarations-bench-'));
  const config = loadConfig({
    BLUEZONE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', BLUEZONE_EXPORT_PERIOD: '0', BLUEZONE_SCRYPT_COST: '1024',
    BLUEZONE_DECLARATION_RATE_LIMIT: '1000000', BLUEZONE_LOGIN_RATE_LIMIT: '100000', BLUEZONE_ADMIN_PASSWORD: randomBytes(12).toString('base64'), ...env,
  });
  const runtime = await prepareRuntime(config, () => undefined);
  const app = await buildApp({ config, services: runtime.services });
  app.addHook('onClose', async () => runtime.close());
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const system = { id: null, username: 'system', unitCode: null };
    const wards = (await runtime.db.selectFrom('units').select('code').where('parent_code', '=', '20').orderBy('code').execute()).map((u) => u.code);
    for (const ward of wards) {
      for (const n of [1, 2]) await runtime.services.users.create(system, { username: `officer.${ward}.${n}`, displayName: `Cán bộ ${ward}`, password: PASSWORD, role: 'unit_officer', unitCode: ward });
    }
    const cdc = await runtime.services.users.create(system, { username: 'cdc', displayName: 'CDC', password: PASSWORD, role: 'health_officer', unitCode: '20' });
    for (const [name, unitCode] of [['Đà Nẵng', '48'], ['Hà Nội', '01'], ['Quảng Ninh', '22']]) {
      await runtime.services.epidemicAreas.create(cdc, { name, unitCode, from: daysAgo(20) });
    }

    const accepted = await timed(declarations, concurrency, async (i) => {
      const { body } = await request(base, 'POST', '/api/v1/declarations', publicDeclaration(i, wards));
      if (!body.receipt) throw new Error('no receipt');
    });

    const fillSeconds = await fillDeclarations(runtime.db, fill, wards);
    // What autovacuum (PostgreSQL) and a periodic ANALYZE would have done by the time a ward reads its queue.
    await sql.raw(database === 'postgres' ? 'vacuum analyze' : 'analyze').execute(runtime.db);
    const lists = new DeclarationListsStore(runtime.db);
    const first = await lists.queue({ root: DONG_KINH }, 51);
    const last = first[49];
    const queries = {
      wardFirstPage: await median(() => lists.queue({ root: DONG_KINH }, 51)),
      wardSuspected: await median(() => lists.queue({ root: DONG_KINH, flag: 'suspected' }, 51)),
      wardOpen: await median(() => lists.queue({ root: DONG_KINH, status: 'open' }, 51)),
      wardSecondPage: await median(() => lists.queue({ root: DONG_KINH }, 51, [last.priority, last.declaredAt, last.id])),
      smallCommune: await median(() => lists.queue({ root: wards[40] }, 51)),
      province: await median(() => lists.queue({ root: '20' }, 51)),
    };
    const { cookie } = await request(base, 'POST', '/api/v1/auth/login', { username: `officer.${DONG_KINH}.1`, password: PASSWORD });
    const session = cookie.split(';')[0];
    const http = await median(() => request(base, 'GET', '/api/v1/declarations?limit=50', undefined, { cookie: session }));
    const wardCount = Number((await runtime.db.selectFrom('declaration_routes').select((eb) => eb.fn.countAll().as('n')).where('unit_code', '=', DONG_KINH).executeTakeFirstOrThrow()).n);
    return { database, declarations, concurrency, acceptedPerSecond: Math.round(declarations / accepted), fill, fillSeconds: Math.round(fillSeconds), wardDeclarations: wardCount, queueMs: queries, httpQueueMs: http };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function print(r) {
  const q = r.queueMs;
  process.stdout.write(
    `${r.database}: ${r.acceptedPerSecond} declarations accepted/s (${r.declarations}, ${r.concurrency} at a time); ` +
      `with ${r.fill.toLocaleString('en')} in the province (${r.wardDeclarations.toLocaleString('en')} in the ward, filled in ${r.fillSeconds} s), ` +
      `the ward's queue: first page ${q.wardFirstPage} ms, suspected ${q.wardSuspected} ms, open ${q.wardOpen} ms, page 2 ${q.wardSecondPage} ms; ` +
      `a small commune ${q.smallCommune} ms; the province ${q.province} ms; over HTTP ${r.httpQueueMs} ms\n`,
  );
}

await onBothDatabases(run, print, json);
