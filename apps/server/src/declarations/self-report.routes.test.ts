import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { describeEachDialect } from '../test-support/databases.js';
import { declarationRequest, insertDeclaration } from '../test-support/declarations.js';
import { databaseSnapshot } from '../test-support/snapshot.js';
import { createTestApp, errorCode, login, type Session, type TestApp } from '../test-support/test-app.js';

const PASSWORD = 'officer password';
const toDaNang = { visits: [{ unitCode: '20194', from: '2026-11-18', to: '2026-11-19' }] };

describeEachDialect('the declarant’s daily self-report', (dialect) => {
  let t: TestApp;
  let officer: Session; // unit officer of the commune of Đồng Đăng (06184)
  let receipt: string;
  let key: string;
  let declarationId: number;
  const body = (r: LightMyRequestResponse) => r.json<Record<string, any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  const post = (url: string, payload: object, remoteAddress = '198.51.100.50') => t.app.inject({ method: 'POST', url, payload, remoteAddress });
  const status = (payload: object) => post('/api/v1/declarations/self-report', payload);
  const report = (payload: object) => post('/api/v1/declarations/self-report/checks', payload);
  const asOfficer = (method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload !== undefined && { payload }), headers: officer.headers, remoteAddress: '203.0.113.9' });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.services.users.create(SYSTEM_ACTOR, { username: 'cdc', displayName: 'CDC', password: PASSWORD, role: 'health_officer', unitCode: '20' });
    await t.services.users.create(SYSTEM_ACTOR, { username: 'dongdang', displayName: 'Đồng Đăng', password: PASSWORD, role: 'unit_officer', unitCode: '06184' });
    const cdc = await login(t.app, 'cdc', PASSWORD);
    const area = await t.app.inject({ method: 'POST', url: '/api/v1/epidemic-areas', payload: { name: 'Đà Nẵng', unitCode: '48', from: '2026-11-10' }, headers: cdc.headers });
    expect(area.statusCode).toBe(201);
    officer = await login(t.app, 'dongdang', PASSWORD);
    const answer = body(await post('/api/v1/declarations', declarationRequest({ fullName: 'Lê Thị Hoa', ...toDaNang })));
    receipt = answer.receipt;
    key = answer.selfReportKey;
    const list = body(await asOfficer('GET', '/api/v1/declarations?flag=arrival')).declarations;
    declarationId = list.find((d: { fullName: string }) => d.fullName === 'Lê Thị Hoa').id;
  });
  afterAll(async () => t?.close());

  it('gives each declaration a 128-bit key, and keeps only its hash', async () => {
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const other = body(await post('/api/v1/declarations', declarationRequest()));
    expect(other.selfReportKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(other.selfReportKey).not.toBe(key);
    const everything = await databaseSnapshot(t.database.db);
    expect(everything).not.toContain(key);
    expect(everything).not.toContain(other.selfReportKey);
  });

  it('shows the declarant their monitoring with the receipt typed any way and the key', async () => {
    const typed = receipt.toLowerCase().replace('-', ' ');
    const response = await status({ receipt: typed, key });
    expect(response.statusCode).toBe(200);
    expect(body(response).status).toEqual({
      receipt,
      declaredDay: '2026-11-23',
      monitoringUntil: '2026-12-03',
      today: '2026-11-23',
      suspected: false,
      checks: [],
      healthStation: { unitCode: '06184', unitName: 'Xã Đồng Đăng', unitNameEn: 'Dong Dang Commune', phone: null },
    });
  });

  it('answers a wrong key, an unknown receipt and a declaration without a key alike, and says nothing of which', async () => {
    const wrongKey = await status({ receipt, key: `${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}` });
    const unknown = await status({ receipt: 'ZZZZ-ZZZZ', key });
    const malformed = await status({ receipt: '12', key });
    expect([wrongKey.statusCode, unknown.statusCode]).toEqual([404, 404]);
    expect(errorCode(wrongKey)).toBe('invalid_self_report_key');
    expect(body(wrongKey)).toEqual(body(unknown));
    expect(errorCode(malformed)).toBe('validation_failed');
    await insertDeclaration(t.database.db, ['06184'], { receipt: 'KEYL3SS2', monitoringUntil: '2026-12-03', arrival: true });
    expect(errorCode(await status({ receipt: 'KEYL-3SS2', key }))).toBe('invalid_self_report_key');
    expect(errorCode(await status({ receipt, key, extra: 1 }))).toBe('validation_failed');
  });

  it('takes a day without symptoms, replaces it when reported again, and shows it to the officers as the declarant’s', async () => {
    expect(body(await report({ receipt, key, day: '2026-11-23', symptoms: ['fatigue'] })).status.checks).toEqual([{ day: '2026-11-23', symptoms: ['fatigue'], selfReported: true }]);
    const again = body(await report({ receipt, key, day: '2026-11-23', symptoms: [] })).status;
    expect(again).toMatchObject({ suspected: false, checks: [{ day: '2026-11-23', symptoms: [], selfReported: true }] });
    const declaration = body(await asOfficer('GET', `/api/v1/declarations/${declarationId}`)).declaration;
    expect(declaration.checks).toEqual([{ day: '2026-11-23', symptoms: [], note: null, at: '2026-11-23T08:00:00.000Z', actor: null, selfReported: true }]);
    expect(declaration.lastCheckDay).toBe('2026-11-23');
    // The queue shows the latest check of each arrival, so officers see who has not reported today.
    const queue = body(await asOfficer('GET', '/api/v1/declarations?flag=arrival')).declarations;
    expect(queue.map((d: { id: number; lastCheckDay: string | null }) => [d.id === declarationId, d.lastCheckDay])).toEqual([
      [false, null],
      [true, '2026-11-23'],
    ]);
    expect(declaration.history.filter((e: { kind: string }) => e.kind === 'check').map((e: { actor: string | null }) => e.actor)).toEqual([null, null]);
  });

  it('refuses a day after today or after the monitoring, and a declaration that is not monitored', async () => {
    const tomorrow = await report({ receipt, key, day: '2026-11-24', symptoms: [] });
    expect(body(tomorrow).error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'day', problem: 'too_big' }] });
    const plain = body(await post('/api/v1/declarations', declarationRequest({ fullName: 'Không đi đâu' })));
    const notMonitored = await report({ receipt: plain.receipt, key: plain.selfReportKey, day: '2026-11-23', symptoms: [] });
    expect(body(notMonitored).error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'day', problem: 'invalid_value' }] });
    expect(body(await status({ receipt: plain.receipt, key: plain.selfReportKey })).status).toMatchObject({ monitoringUntil: null, checks: [] });
    expect(errorCode(await report({ receipt, key, day: '2026-11-23', symptoms: ['fever', 'fever'] }))).toBe('validation_failed');
    expect(errorCode(await report({ receipt, key, day: '23/11/2026', symptoms: [] }))).toBe('validation_failed');
  });

  it('makes a suspected case of a day with cough and tells the commune’s officers at once', async () => {
    t.clock.advance(86_400);
    officer = await login(t.app, 'dongdang', PASSWORD);
    await asOfficer('POST', '/api/v1/notifications/read', { all: true });
    const sick = body(await report({ receipt, key, day: '2026-11-24', symptoms: ['cough'], note: 'Ho khan từ sáng' })).status;
    expect(sick).toMatchObject({ suspected: true, today: '2026-11-24' });
    expect(sick.checks.map((c: { day: string }) => c.day)).toEqual(['2026-11-23', '2026-11-24']);
    await t.services.declarations.alerts.settled();
    const told = body(await asOfficer('GET', '/api/v1/notifications?unread=true')).notifications;
    expect(told.map((n: { kind: string }) => n.kind)).toEqual(['declaration.suspected']);
    const declaration = body(await asOfficer('GET', `/api/v1/declarations/${declarationId}`)).declaration;
    expect(declaration.assessment.reasons).toContainEqual({ code: 'monitoring_check', day: '2026-11-24' });
    expect(declaration.checks.at(-1)).toMatchObject({ note: 'Ho khan từ sáng', selfReported: true });
  });

  it('tells an official’s check and the declarant’s apart, and audits the declarant’s under their commune', async () => {
    await asOfficer('POST', `/api/v1/declarations/${declarationId}/checks`, { day: '2026-11-24', symptoms: ['cough'] });
    expect(body(await status({ receipt, key })).status.checks).toEqual([
      { day: '2026-11-23', symptoms: [], selfReported: true },
      { day: '2026-11-24', symptoms: ['cough'], selfReported: false },
    ]);
    const admin = await login(t.app);
    const audit = body(await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=declaration.self_check', headers: admin.headers })).entries;
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({ actorUsername: null, targetId: String(declarationId), detail: { day: '2026-11-24', symptoms: true, becameSuspected: true } });
  });

  it('lets an officer of the declaration issue a new link for a lost one: the old key stops working, the new one reports', async () => {
    const issued = await asOfficer('POST', `/api/v1/declarations/${declarationId}/self-report-key`);
    expect(issued.statusCode).toBe(200);
    expect(issued.headers['cache-control']).toContain('no-store');
    const fresh = body(issued);
    expect(fresh).toEqual({ receipt, selfReportKey: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(fresh.selfReportKey).not.toBe(key);
    expect(errorCode(await status({ receipt, key }))).toBe('invalid_self_report_key');
    expect(body(await report({ receipt, key: fresh.selfReportKey, day: '2026-11-24', symptoms: [] })).status.checks.at(-1)).toEqual({ day: '2026-11-24', symptoms: [], selfReported: true });
    expect(await databaseSnapshot(t.database.db)).not.toContain(fresh.selfReportKey);
    const declaration = body(await asOfficer('GET', `/api/v1/declarations/${declarationId}`)).declaration;
    expect(declaration.history.filter((e: { kind: string }) => e.kind === 'self_report_key').map((e: { actor: string }) => e.actor)).toEqual(['dongdang']);
    const admin = await login(t.app);
    const audit = body(await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=declaration.self_report_key', headers: admin.headers })).entries;
    expect(audit).toMatchObject([{ actorUsername: 'dongdang', targetType: 'declaration', targetId: String(declarationId) }]);
    expect(JSON.stringify(audit)).not.toContain(fresh.selfReportKey);
    expect(errorCode(await asOfficer('POST', '/api/v1/declarations/999999/self-report-key'))).toBe('not_found');
    key = fresh.selfReportKey;
  });
});

describe('self-reports per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { BLUEZONE_SELF_REPORT_RATE_LIMIT: '3' });
  });
  afterAll(async () => t?.close());

  it('count failed attempts too, so a key cannot be guessed at speed', async () => {
    const answer = (await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest(), remoteAddress: '198.51.100.60' })).json<{ receipt: string; selfReportKey: string }>();
    const attempt = (key: string, remoteAddress = '198.51.100.61') => t.app.inject({ method: 'POST', url: '/api/v1/declarations/self-report', payload: { receipt: answer.receipt, key }, remoteAddress });
    const statuses = [];
    for (const key of ['guess-1', 'guess-2', 'guess-3', answer.selfReportKey]) statuses.push((await attempt(key)).statusCode);
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect((await attempt(answer.selfReportKey, '198.51.100.62')).statusCode).toBe(200);
  });
});
