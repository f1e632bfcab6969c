import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { describeEachDialect } from '../test-support/databases.js';
import { declarationRequest } from '../test-support/declarations.js';
import { databaseSnapshot } from '../test-support/snapshot.js';
import { createTestApp, errorCode, login, type Session, type TestApp } from '../test-support/test-app.js';

const PASSWORD = 'officer password';
const fever = { symptoms: ['fever' as const] };
const toDaNang = { visits: [{ unitCode: '20194', from: '2026-11-18', to: '2026-11-19' }] };

describeEachDialect('health declarations over HTTP', (dialect) => {
  let t: TestApp;
  let province: Session; // health officer of the province
  let dongDang: Session; // unit officer of the commune of Đồng Đăng (06184)
  let dongKinh: Session; // unit officer of the ward of Đông Kinh (05977)
  let admin: Session;
  const as = (session: Session | undefined, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload !== undefined && { payload }), headers: session?.headers ?? {}, remoteAddress: '203.0.113.9' });
  const declare = (body: object, remoteAddress = '198.51.100.7') => t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: body, remoteAddress });
  const body = (r: LightMyRequestResponse) => r.json<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  let suspectedId: number;
  let suspectedReceipt: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    for (const [username, role, unitCode] of [
      ['cdc', 'health_officer', '20'],
      ['dongdang', 'unit_officer', '06184'],
      ['dongkinh', 'unit_officer', '05977'],
      ['tram.dongdang', 'health_officer', '06184'],
    ] as const) {
      await t.services.users.create(SYSTEM_ACTOR, { username, displayName: username, password: PASSWORD, role, unitCode });
    }
    province = await login(t.app, 'cdc', PASSWORD);
    dongDang = await login(t.app, 'dongdang', PASSWORD);
    dongKinh = await login(t.app, 'dongkinh', PASSWORD);
    admin = await login(t.app);
  });
  afterAll(async () => t?.close());

  it('lets the province’s health officer add an epidemic area anywhere, a commune’s only in its commune, a unit officer nowhere', async () => {
    const added = await as(province, 'POST', '/api/v1/epidemic-areas', { name: 'Đà Nẵng', unitCode: '48', from: '2026-11-10', reason: 'Ca bệnh trong cộng đồng' });
    expect(added.statusCode).toBe(201);
    expect(body(added).area).toMatchObject({ unitCode: '48', unitName: 'Thành phố Đà Nẵng', to: null });
    const station = await login(t.app, 'tram.dongdang', PASSWORD);
    expect((await as(station, 'POST', '/api/v1/epidemic-areas', { name: 'Đà Nẵng', unitCode: '48', from: '2026-11-10' })).statusCode).toBe(403);
    const local = await as(station, 'POST', '/api/v1/epidemic-areas', { name: 'Thôn Nà Lầu', unitCode: '06184', from: '2026-11-01', to: '2026-11-02' });
    expect(local.statusCode).toBe(201);
    expect((await as(dongDang, 'POST', '/api/v1/epidemic-areas', { name: 'x', unitCode: '06184', from: '2026-11-01' })).statusCode).toBe(403);
    expect(errorCode(await as(province, 'POST', '/api/v1/epidemic-areas', { name: 'x', unitCode: '99999', from: '2026-11-01' }))).toBe('unknown_unit');
    const listed = body(await as(dongKinh, 'GET', '/api/v1/epidemic-areas?on=2026-11-23'));
    expect(listed.areas.map((a: { name: string }) => a.name)).toEqual(['Đà Nẵng']);
    const audit = body(await as(admin, 'GET', '/api/v1/audit?action=epidemic_area.create'));
    expect(audit.entries.map((e: { actorUsername: string }) => e.actorUsername).sort()).toEqual(['cdc', 'tram.dongdang']);
  });

  it('takes a declaration without an account, judges it suspected and routes it to the commune of residence', async () => {
    const response = await declare(declarationRequest({ ...fever, ...toDaNang, fullName: '<script>alert("xss")</script>' }));
    expect(response.statusCode).toBe(201);
    const answer = body(response);
    expect(answer.receipt).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(answer.receiptExpiresAt).toBe('2026-12-07T08:00:00.000Z');
    expect(answer.assessment).toMatchObject({ suspected: true, arrivalFromEpidemicArea: true, monitoringUntil: '2026-12-03' });
    expect(answer.assessment.reasons.map((r: { code: string }) => r.code)).toEqual(['symptoms', 'epidemic_area']);
    expect(answer.routedTo).toEqual(['06184']);
    expect(answer.nextSteps).toContain('call_health_station_now');
    expect(answer.healthStation).toMatchObject({ unitCode: '06184', unitName: 'Xã Đồng Đăng', phone: null });
    suspectedReceipt = answer.receipt;
  });

  it('tells the commune’s officers at once, and no one else', async () => {
    await t.services.declarations.alerts.settled();
    const list = body(await as(dongDang, 'GET', '/api/v1/notifications'));
    expect(list.unread).toBe(1);
    expect(body(await as(dongKinh, 'GET', '/api/v1/notifications')).unread).toBe(0);
    expect(body(await as(province, 'GET', '/api/v1/notifications')).unread).toBe(0);
    expect(list.notifications[0]).toMatchObject({ kind: 'declaration.received', params: { flag: 'suspected', units: '06184', unitNames: 'Xã Đồng Đăng', unitNamesEn: 'Dong Dang Commune' }, readAt: null });
    expect(JSON.stringify(list)).not.toContain('script');
    suspectedId = list.notifications[0].params.declarationId;
    expect(list.notifications[0].link).toBe(`/declarations/${suspectedId}`);
    expect(body(await as(dongDang, 'POST', '/api/v1/notifications/read', { all: true })).unread).toBe(0);
  });

  it('puts it first in the commune’s queue; the ward beside it neither lists nor reads it', async () => {
    const queue = body(await as(dongDang, 'GET', '/api/v1/declarations?flag=suspected'));
    expect(queue.declarations.map((d: { id: number }) => d.id)).toEqual([suspectedId]);
    expect(queue.declarations[0]).toMatchObject({ suspected: true, fullName: '<script>alert("xss")</script>', status: 'new' });
    expect(body(await as(dongKinh, 'GET', '/api/v1/declarations')).declarations).toEqual([]);
    expect((await as(dongKinh, 'GET', `/api/v1/declarations?unit=06184`)).statusCode).toBe(403);
    expect(errorCode(await as(dongKinh, 'GET', `/api/v1/declarations/${suspectedId}`))).toBe('forbidden');
    expect(errorCode(await as(dongKinh, 'PATCH', `/api/v1/declarations/${suspectedId}`, { status: 'contacted' }))).toBe('forbidden');
    expect(errorCode(await as(admin, 'GET', `/api/v1/declarations/${suspectedId}`))).toBe('forbidden');
    expect((await as(province, 'GET', `/api/v1/declarations/${suspectedId}`)).statusCode).toBe(200);
    expect(errorCode(await as(dongDang, 'GET', '/api/v1/declarations/999999'))).toBe('not_found');
  });

  it('follows it up to tested, negative, closed; refuses a turn the follow-up does not take', async () => {
    const steps = [{ status: 'contacted', note: 'Đã gọi điện' }, { status: 'tested', nextFollowUp: '2026-11-25' }, { status: 'negative' }, { status: 'closed', note: 'Kết thúc theo dõi' }];
    for (const step of steps) {
      const response = await as(dongDang, 'PATCH', `/api/v1/declarations/${suspectedId}`, step);
      expect(response.statusCode, JSON.stringify(step)).toBe(200);
      expect(body(response).declaration.status).toBe(step.status);
    }
    const refused = await as(dongDang, 'PATCH', `/api/v1/declarations/${suspectedId}`, { status: 'positive' });
    expect(refused.statusCode).toBe(409);
    expect(body(refused).error).toMatchObject({ code: 'status_not_allowed', fields: [{ field: 'status', problem: 'invalid_value' }] });
    const read = body(await as(dongDang, 'GET', `/api/v1/declarations/${suspectedId}`)).declaration;
    expect(read.history.filter((e: { kind: string }) => e.kind === 'status').map((e: { toStatus: string }) => e.toStatus)).toEqual(['contacted', 'tested', 'negative', 'closed']);
    expect(read.history[0]).toMatchObject({ actor: 'dongdang', note: 'Đã gọi điện', fromStatus: 'new' });
    expect(read.nextFollowUp).toBe('2026-11-25');
    expect(body(await as(dongDang, 'GET', '/api/v1/declarations?status=open')).declarations.map((d: { id: number }) => d.id)).not.toContain(suspectedId);
  });

  it('writes every read, list and change in the audit log, with who and when, and no note text', async () => {
    const reads = body(await as(admin, 'GET', '/api/v1/audit?action=declaration.read')).entries;
    expect(reads.map((e: { actorUsername: string; targetId: string }) => `${e.actorUsername} ${e.targetId}`)).toEqual(expect.arrayContaining([`dongdang ${suspectedId}`, `cdc ${suspectedId}`]));
    expect(reads.every((e: { at: string }) => e.at === '2026-11-23T08:00:00.000Z')).toBe(true);
    const updates = body(await as(admin, 'GET', '/api/v1/audit?action=declaration.update')).entries;
    expect(updates).toHaveLength(4);
    expect(JSON.stringify(updates)).not.toContain('Đã gọi điện');
    expect(body(await as(admin, 'GET', '/api/v1/audit?action=declaration.list')).entries.length).toBeGreaterThan(0);
  });

  it('puts an arrival without symptoms on the arrivals list with its 14-day monitoring; a check with fever makes it suspected', async () => {
    const answer = body(await declare(declarationRequest({ fullName: 'Lê Thị Hoa', ...toDaNang })));
    expect(answer.assessment).toMatchObject({ suspected: false, arrivalFromEpidemicArea: true, monitoringUntil: '2026-12-03' });
    expect(answer.nextSteps).toEqual(['stay_home', 'self_monitor', 'report_new_symptoms', 'wear_mask', 'show_receipt']);
    const arrivals = body(await as(dongDang, 'GET', '/api/v1/declarations?flag=arrival&status=open')).declarations;
    const arrival = arrivals.find((d: { fullName: string }) => d.fullName === 'Lê Thị Hoa');
    expect(arrival).toMatchObject({ arrivalFromEpidemicArea: true, suspected: false, monitoringUntil: '2026-12-03' });

    const quiet = await as(dongDang, 'POST', `/api/v1/declarations/${arrival.id}/checks`, { day: '2026-11-23', symptoms: [] });
    expect(body(quiet).declaration).toMatchObject({ suspected: false, checks: [{ day: '2026-11-23', symptoms: [] }] });
    expect(errorCode(await as(dongDang, 'POST', `/api/v1/declarations/${arrival.id}/checks`, { day: '2026-11-24', symptoms: [] }))).toBe('validation_failed');

    // A day later (sessions end when idle, so the officers sign in again).
    t.clock.advance(86_400);
    await signInAgain();
    await as(dongDang, 'POST', '/api/v1/notifications/read', { all: true });
    const sick = body(await as(dongDang, 'POST', `/api/v1/declarations/${arrival.id}/checks`, { day: '2026-11-24', symptoms: ['cough'], note: 'Ho khan' })).declaration;
    expect(sick.suspected).toBe(true);
    expect(sick.assessment.reasons).toContainEqual({ code: 'monitoring_check', day: '2026-11-24' });
    await t.services.declarations.alerts.settled();
    const told = body(await as(dongDang, 'GET', '/api/v1/notifications?unread=true')).notifications;
    expect(told.map((n: { kind: string }) => n.kind)).toEqual(['declaration.suspected']);
    // Only arrivals are monitored day by day.
    await declare(declarationRequest({ fullName: 'Không đi đâu' }));
    const plain = await firstId(dongDang, 'Không đi đâu');
    expect(errorCode(await as(dongDang, 'POST', `/api/v1/declarations/${plain}/checks`, { day: '2026-11-24', symptoms: [] }))).toBe('validation_failed');
  });

  async function signInAgain() {
    province = await login(t.app, 'cdc', PASSWORD);
    dongDang = await login(t.app, 'dongdang', PASSWORD);
    dongKinh = await login(t.app, 'dongkinh', PASSWORD);
    admin = await login(t.app);
  }

  async function firstId(session: Session, fullName: string): Promise<number> {
    const list = body(await as(session, 'GET', '/api/v1/declarations?limit=500')).declarations;
    return list.find((d: { fullName: string }) => d.fullName === fullName).id;
  }

  it('shows a checkpoint the declaration of a receipt, typed any way, to any officer, and audits the look-up', async () => {
    const typed = suspectedReceipt.replace('-', ' ').toLowerCase();
    const seen = body(await as(dongKinh, 'GET', `/api/v1/declarations/by-receipt/${encodeURIComponent(typed)}`)).declaration;
    expect(seen).toMatchObject({ id: suspectedId, receipt: suspectedReceipt, receiptValid: true, suspected: true, inScope: false, residence: { unitCode: '06184' } });
    expect(seen).not.toHaveProperty('phone');
    expect(body(await as(dongDang, 'GET', `/api/v1/declarations/by-receipt/${suspectedReceipt}`)).declaration.inScope).toBe(true);
    expect(errorCode(await as(dongDang, 'GET', '/api/v1/declarations/by-receipt/2222-2222'))).toBe('not_found');
    expect(errorCode(await as(dongDang, 'GET', '/api/v1/declarations/by-receipt/not-one'))).toBe('not_found');
    const audit = body(await as(admin, 'GET', '/api/v1/audit?action=declaration.read_by_receipt')).entries;
    expect(audit.map((e: { actorUsername: string }) => e.actorUsername)).toEqual(['dongdang', 'dongkinh']);
    t.clock.advance(14 * 86_400);
    await signInAgain();
    expect(body(await as(dongKinh, 'GET', `/api/v1/declarations/by-receipt/${suspectedReceipt}`)).declaration.receiptValid).toBe(false);
    t.clock.advance(-14 * 86_400);
    await signInAgain();
  });

  it('exports the commune’s list as a spreadsheet in the officer’s language, and audits the export', async () => {
    const response = await as(dongDang, 'GET', '/api/v1/declarations/export.xlsx?flag=arrival');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('T%E1%BB%9D%20khai%20y%20t%E1%BA%BF%2006184%202026-11-24.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Mã biên nhận');
    expect(sheet.rowCount).toBe(4);
    const names = [sheet.getRow(3).getCell(4).value, sheet.getRow(4).getCell(4).value];
    expect(names).toEqual(['Lê Thị Hoa', '<script>alert("xss")</script>']);
    expect(sheet.getRow(3).getCell(18).value).toBe('Phường Hải Vân (2026-11-18 → 2026-11-19)');
    expect(sheet.getRow(3).getCell(11).value).toBe('Có');
    expect(sheet.getRow(3).getCell(12).value).toBe('Có');
    // Lê Thị Hoa's latest daily check, the cough of the 24th (the other arrival was never checked).
    expect([sheet.getRow(2).getCell(14).value, sheet.getRow(3).getCell(14).value, sheet.getRow(4).getCell(14).value]).toEqual(['Báo sức khỏe gần nhất', '2026-11-24', null]);
    const audit = body(await as(admin, 'GET', '/api/v1/audit?action=declaration.export')).entries;
    expect(audit[0]).toMatchObject({ actorUsername: 'dongdang', detail: { flag: 'arrival', unit: '06184', count: 2 } });
  });

  it('tells declarants the health station’s telephone once their commune has set it', async () => {
    const put = await as(dongDang, 'PUT', '/api/v1/health-stations/06184', { phone: '0205 3851 234' });
    expect(body(put)).toMatchObject({ unitCode: '06184', phone: '0205 3851 234' });
    expect((await as(dongKinh, 'PUT', '/api/v1/health-stations/06184', { phone: '0205 0000 000' })).statusCode).toBe(403);
    const answer = body(await declare(declarationRequest({ fullName: 'Người thứ tư' })));
    expect(answer.healthStation).toMatchObject({ unitCode: '06184', phone: '0205 3851 234' });
  });

  it('counts declarations, suspected cases and arrivals per day and per commune for health officers', async () => {
    const stats = body(await as(province, 'GET', '/api/v1/declarations/stats?from=2026-11-23&to=2026-11-24'));
    expect(stats.total).toEqual({ declarations: 4, suspected: 2, arrivals: 2 });
    expect(stats.days.map((d: { date: string }) => d.date)).toEqual(['2026-11-23', '2026-11-24']);
    expect(stats.units).toHaveLength(65);
    expect(stats.units.find((u: { unitCode: string }) => u.unitCode === '06184')).toMatchObject({ unitName: 'Xã Đồng Đăng', declarations: 4, suspected: 2, arrivals: 2 });
    expect((await as(dongDang, 'GET', '/api/v1/declarations/stats')).statusCode).toBe(403);
  });
});

describe('the public declaration endpoint', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { BLUEZONE_DECLARATION_RATE_LIMIT: '3' });
  });
  afterAll(async () => t?.close());
  const count = async () => Number((await t.database.db.selectFrom('declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const declare = (payload: object, remoteAddress = '198.51.100.20') => t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload, remoteAddress });

  it('refuses a filled honeypot, unknown units and impossible days, naming each field, and writes nothing', async () => {
    const honeypot = await declare({ ...declarationRequest(), website: 'http://spam.example' });
    expect(honeypot.statusCode).toBe(400);
    expect(honeypot.json().error.fields).toEqual([{ field: 'website', problem: 'invalid_value' }]);
    const units = await declare(declarationRequest({ residence: { unitCode: '20', address: 'x' }, visits: [{ unitCode: '77777', from: '2026-11-20', to: '2026-11-20' }] }));
    expect(units.json().error).toMatchObject({ code: 'unknown_unit', fields: [{ field: 'residence.unitCode', problem: 'not_found' }, { field: 'visits.0.unitCode', problem: 'not_found' }] });
    const days = await declare(declarationRequest({ yearOfBirth: 2027, visits: [{ place: 'Bắc Kinh', from: '2026-11-20', to: '2026-11-30' }] }));
    expect(days.json().error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'yearOfBirth', problem: 'too_big', limit: 2026 }, { field: 'visits.0.to', problem: 'too_big' }] });
    const entry = await declare(declarationRequest({ kind: 'entry' }));
    expect(entry.json().error.fields).toEqual([{ field: 'entry', problem: 'required' }]);
    const both = await declare(declarationRequest({ visits: [{ unitCode: '48', place: 'Đà Nẵng', from: '2026-11-20', to: '2026-11-20' }] as never }));
    expect(both.statusCode).toBe(400);
    const noConsent = await declare({ ...declarationRequest(), consent: false });
    expect(noConsent.json().error.fields).toEqual([{ field: 'consent', problem: 'invalid_value' }]);
    const big = await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: { ...declarationRequest(), chronicConditions: 'x'.repeat(40_000) }, remoteAddress: '198.51.100.21' });
    expect(big.statusCode).toBe(413);
    expect(await count()).toBe(0);
  });

  it('routes an entry to the residence and the destination, and counts its place of departure', async () => {
    const response = await declare(
      declarationRequest({
        kind: 'entry',
        nationality: 'Việt Nam',
        residence: { unitCode: '05977', address: 'Số 5 Lê Lợi' },
        entry: { borderGate: 'Cửa khẩu quốc tế Hữu Nghị', transport: 'road', transportNumber: '12A-345.67', departurePlace: 'Nam Ninh, Trung Quốc', arrivalDate: '2026-11-23', destination: { unitCode: '06184', address: 'Khu cách ly' } },
        declaredBy: { fullName: 'Nguyễn Văn Bố', phone: '0913 000 111', relationship: 'Bố' },
      }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json().routedTo).toEqual(['05977', '06184']);
  });

  it('stores neither the client address nor its browser, and ties declarations to nothing of the key server', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest(), remoteAddress: '203.0.113.77', headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 8.1; Nokia 2) UniqueAgent/9' } });
    expect(response.statusCode).toBe(201);
    const everything = await databaseSnapshot(t.database.db);
    expect(everything).not.toContain('203.0.113.77');
    expect(everything).not.toContain('UniqueAgent');
    const tables = ['declarations', 'declaration_routes', 'declaration_visits', 'declaration_events', 'declaration_checks', 'declaration_webhooks', 'health_stations', 'epidemic_areas'];
    for (const table of tables) {
      const keys = (await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${table})`.execute(t.database.db)).rows.map((r) => r.table);
      expect(keys.filter((target) => !['declarations', 'units', 'users'].includes(target)), table).toEqual([]);
      if (table === 'declaration_routes') expect(keys.sort()).toEqual(['declarations', 'units']);
    }
  });

  it('limits declarations per address', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await declare(declarationRequest(), '198.51.100.30')).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect((await declare(declarationRequest(), '198.51.100.31')).statusCode).toBe(201);
  });

  it('documents each request field in Vietnamese and English', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const schema = document.paths['/api/v1/declarations'].post.requestBody.content['application/json'].schema;
    expect(schema.properties.fullName.description).toBe('Họ và tên (ghi chữ in hoa hoặc thường đều được) — Full name');
    for (const [field, property] of Object.entries(schema.properties as Record<string, { description?: string }>)) {
      expect(property.description, field).toMatch(/ — /);
    }
  });
});
