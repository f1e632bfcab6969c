import { ROLES, type Role } from '@bluezone/contract';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { declarationRequest, insertDeclaration } from '../test-support/declarations.js';
import { createTestApp, login, type TestApp } from '../test-support/test-app.js';
import { routeAccessTable } from './access.js';

/**
 * The authorization matrix: every API route × every role × a target in the official's own unit, in another unit
 * beside it, and in the unit above it. The expected rule of each route is written here, independently of the route's
 * own declaration, and the table must cover every route the server has: a new route without a line here fails.
 *
 * The officials under test all belong to the commune of Đồng Đăng (06184); "other" is the ward of Đông Kinh (05977)
 * and "parent" the province (20). Each request runs on a fresh session, since some (sign-out) end theirs.
 */
const UNITS = { own: '06184', other: '05977', parent: '20' } as const;
type Relation = keyof typeof UNITS;
const PASSWORD = 'matrix password';

interface Target {
  unit: string;
  userId: number;
  agencyId: number;
  noticeId: number;
  /** A campaign issued in the unit, addressed to the unit itself and to agencies filed there. */
  campaignId: number;
  // Health declarations and epidemic areas.
  areaId: number;
  declarationId: number;
  n: number;
}

type Rule =
  | { who: 'public' | 'signed_in'; request: (target: Target) => InjectOptions }
  | { who: readonly Role[]; scoped: boolean; request: (target: Target) => InjectOptions };

const get = (url: string): InjectOptions => ({ method: 'GET', url });
const send = (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object): InjectOptions => ({ method, url, payload });
const del = (url: string): InjectOptions => ({ method: 'DELETE', url });

// Campaign reporting.
const directive = (unit: string) => ({
  documentNumber: '1/MATRIX',
  title: 'V/v thử quyền',
  issuedOn: '2026-11-20',
  recipients: { unitCodes: [unit] },
  rounds: [{ name: 'Đợt 1', periodEnd: '2026-11-30', deadline: '2026-11-30' }],
});
const ISSUER: readonly Role[] = ['campaign_issuer'];
const REPORTERS: readonly Role[] = ['unit_officer', 'agency_reporter'];
const round = (t: Target) => `/api/v1/campaigns/${t.campaignId}/rounds/1`;
const pdf: InjectOptions = { method: 'POST', payload: Buffer.from('%PDF-1.4\n%matrix\n'), headers: { 'content-type': 'application/pdf' } };

const EXPECTED: Record<string, Rule> = {
  'GET /api/v1/openapi.json': { who: 'public', request: () => get('/api/v1/openapi.json') },
  'POST /api/v1/auth/login': { who: 'public', request: () => send('POST', '/api/v1/auth/login', { username: 'matrix.login', password: PASSWORD }) },
  'POST /api/v1/auth/logout': { who: 'signed_in', request: () => send('POST', '/api/v1/auth/logout', {}) },
  'GET /api/v1/auth/me': { who: 'signed_in', request: () => get('/api/v1/auth/me') },
  'PATCH /api/v1/auth/me': { who: 'signed_in', request: () => send('PATCH', '/api/v1/auth/me', { locale: 'vi' }) },
  'POST /api/v1/auth/password': { who: 'signed_in', request: () => send('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: PASSWORD }) },
  'GET /api/v1/users': { who: ['admin'], scoped: true, request: (t) => get(`/api/v1/users?unit=${t.unit}`) },
  'POST /api/v1/users': {
    who: ['admin'],
    scoped: true,
    request: (t) => send('POST', '/api/v1/users', { username: `matrix.new${t.n}`, displayName: 'Người mới', password: PASSWORD, role: 'admin', unitCode: t.unit }),
  },
  'PATCH /api/v1/users/:id': { who: ['admin'], scoped: true, request: (t) => send('PATCH', `/api/v1/users/${t.userId}`, { displayName: `Tên ${t.n}` }) },
  'GET /api/v1/units': { who: 'signed_in', request: (t) => get(`/api/v1/units?parent=${t.unit}`) },
  'GET /api/v1/units/boundaries': { who: 'signed_in', request: () => get('/api/v1/units/boundaries') },
  'GET /api/v1/units/:code': { who: 'signed_in', request: (t) => get(`/api/v1/units/${t.unit}`) },
  'POST /api/v1/units': {
    who: ['admin'],
    scoped: true,
    request: (t) => send('POST', '/api/v1/units', { code: `M-${t.unit}-${t.n}`, parentCode: t.unit, level: 'village', name: `Thôn ${t.n}` }),
  },
  'PATCH /api/v1/units/:code': { who: ['admin'], scoped: true, request: (t) => send('PATCH', `/api/v1/units/${t.unit}`, { nameEn: `Unit ${t.n}` }) },
  'GET /api/v1/agencies': { who: 'signed_in', request: (t) => get(`/api/v1/agencies?unit=${t.unit}`) },
  'POST /api/v1/agencies': { who: ['admin'], scoped: true, request: (t) => send('POST', '/api/v1/agencies', { name: `Cơ quan ${t.n}`, unitCode: t.unit }) },
  'PATCH /api/v1/agencies/:id': { who: ['admin'], scoped: true, request: (t) => send('PATCH', `/api/v1/agencies/${t.agencyId}`, { name: `Cơ quan ${t.n}` }) },
  // The log itself is filtered to the viewer's subtree by the service (tested with the store).
  'GET /api/v1/audit': { who: ['admin'], scoped: false, request: () => get('/api/v1/audit?limit=5') },
  'GET /api/v1/audit/export.xlsx': { who: ['admin'], scoped: false, request: () => get('/api/v1/audit/export.xlsx?action=auth.login') },
  'GET /api/v1/export-keys': { who: 'public', request: () => get('/api/v1/export-keys') },
  'POST /api/v1/codes': { who: ['health_officer', 'admin'], scoped: false, request: () => send('POST', '/api/v1/codes', { testType: 'confirmed' }) },
  'GET /api/v1/codes': { who: ['health_officer', 'admin'], scoped: false, request: () => get('/api/v1/codes') },
  'POST /api/v1/verify': { who: 'public', request: () => send('POST', '/api/v1/verify', { code: '00000000' }) },
  'POST /api/v1/certificate': { who: 'public', request: () => send('POST', '/api/v1/certificate', { token: 'x', ekeyhmac: 'x' }) },
  'POST /api/v1/publish': { who: 'public', request: () => send('POST', '/api/v1/publish', {}) },
  'GET /api/v1/stats/exposure-notification': { who: ['health_officer', 'admin'], scoped: false, request: () => get('/api/v1/stats/exposure-notification') },
  // The citizen app's: its configuration and inbox are public; notices are filed under their author's unit.
  'GET /api/v1/app-config': { who: 'public', request: () => get('/api/v1/app-config') },
  'GET /api/v1/notices/public': { who: 'public', request: () => get('/api/v1/notices/public') },
  'GET /api/v1/notices': { who: ['health_officer', 'campaign_issuer', 'admin'], scoped: true, request: (t) => get(`/api/v1/notices?unit=${t.unit}`) },
  'POST /api/v1/notices': { who: ['health_officer', 'campaign_issuer', 'admin'], scoped: false, request: (t) => send('POST', '/api/v1/notices', { title: `Thông báo ${t.n}`, body: 'Nội dung' }) },
  'POST /api/v1/notices/:id/retire': { who: ['health_officer', 'campaign_issuer', 'admin'], scoped: true, request: (t) => send('POST', `/api/v1/notices/${t.noticeId}/retire`, {}) },
  // Notifications: every official reads and clears their own.
  'GET /api/v1/notifications': { who: 'signed_in', request: () => get('/api/v1/notifications') },
  'POST /api/v1/notifications/read': { who: 'signed_in', request: () => send('POST', '/api/v1/notifications/read', { all: true }) },
  // Campaign reporting: issuers within their subtree; unit officers and agency reporters for their own unit or agency.
  'POST /api/v1/campaigns': { who: ISSUER, scoped: true, request: (t) => send('POST', '/api/v1/campaigns', directive(t.unit)) },
  'GET /api/v1/campaigns': { who: ISSUER, scoped: false, request: () => get('/api/v1/campaigns') },
  'GET /api/v1/campaigns/:id': { who: [...ISSUER, ...REPORTERS], scoped: true, request: (t) => get(`/api/v1/campaigns/${t.campaignId}`) },
  'POST /api/v1/campaigns/:id/rounds': {
    who: ISSUER,
    scoped: true,
    request: (t) => send('POST', `/api/v1/campaigns/${t.campaignId}/rounds`, { name: `Đợt ${t.n}`, periodEnd: '2026-12-30', deadline: '2026-12-30' }),
  },
  'POST /api/v1/campaigns/:id/rounds/:roundNo/close': { who: ISSUER, scoped: true, request: (t) => send('POST', `${round(t)}/close`, {}) },
  'GET /api/v1/campaigns/:id/rounds/:roundNo/summary': { who: ISSUER, scoped: true, request: (t) => get(`${round(t)}/summary`) },
  'GET /api/v1/campaigns/:id/trend': { who: ISSUER, scoped: true, request: (t) => get(`/api/v1/campaigns/${t.campaignId}/trend`) },
  'GET /api/v1/campaigns/:id/rounds/:roundNo/export.docx': { who: ISSUER, scoped: true, request: (t) => get(`${round(t)}/export.docx`) },
  'GET /api/v1/campaigns/:id/rounds/:roundNo/export.xlsx': { who: ISSUER, scoped: true, request: (t) => get(`${round(t)}/export.xlsx`) },
  'GET /api/v1/campaigns/:id/export.docx': { who: ISSUER, scoped: true, request: (t) => get(`/api/v1/campaigns/${t.campaignId}/export.docx`) },
  'GET /api/v1/campaigns/:id/export.xlsx': { who: ISSUER, scoped: true, request: (t) => get(`/api/v1/campaigns/${t.campaignId}/export.xlsx`) },
  'GET /api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId': { who: ISSUER, scoped: true, request: (t) => get(`${round(t)}/reports/1`) },
  'POST /api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId/return': { who: ISSUER, scoped: true, request: (t) => send('POST', `${round(t)}/reports/1/return`, { comment: 'Xem lại.' }) },
  'POST /api/v1/campaigns/:id/rounds/:roundNo/reports/:recipientId/accept': { who: ISSUER, scoped: true, request: (t) => send('POST', `${round(t)}/reports/1/accept`, {}) },
  'POST /api/v1/campaigns/:id/attachments': { who: ISSUER, scoped: true, request: (t) => ({ ...pdf, url: `/api/v1/campaigns/${t.campaignId}/attachments?name=cong-van.pdf` }) },
  'GET /api/v1/campaigns/:id/attachments/:attachmentId': { who: [...ISSUER, ...REPORTERS], scoped: true, request: (t) => get(`/api/v1/campaigns/${t.campaignId}/attachments/1`) },
  'GET /api/v1/inbox': { who: REPORTERS, scoped: false, request: () => get('/api/v1/inbox') },
  'POST /api/v1/campaigns/:id/received': { who: REPORTERS, scoped: true, request: (t) => send('POST', `/api/v1/campaigns/${t.campaignId}/received`, {}) },
  'GET /api/v1/campaigns/:id/rounds/:roundNo/report': { who: REPORTERS, scoped: true, request: (t) => get(`${round(t)}/report`) },
  'PUT /api/v1/campaigns/:id/rounds/:roundNo/report': { who: REPORTERS, scoped: true, request: (t) => send('PUT', `${round(t)}/report`, { staffTotal: 10, staffInstalled: 5 }) },
  'POST /api/v1/campaigns/:id/rounds/:roundNo/report/submit': { who: REPORTERS, scoped: true, request: (t) => send('POST', `${round(t)}/report/submit`, {}) },
  // Health declarations, epidemic areas and places. A declaration's unit is the one it is routed to.
  'GET /api/v1/places': { who: 'public', request: () => get('/api/v1/places?q=dong') },
  'GET /api/v1/places/:code': { who: 'public', request: (t) => get(`/api/v1/places/${t.unit}`) },
  'GET /api/v1/epidemic-areas': { who: 'signed_in', request: () => get('/api/v1/epidemic-areas') },
  'POST /api/v1/epidemic-areas': { who: ['health_officer'], scoped: true, request: (t) => send('POST', '/api/v1/epidemic-areas', { name: `Vùng ${t.n}`, unitCode: t.unit, from: '2026-11-01' }) },
  'PATCH /api/v1/epidemic-areas/:id': { who: ['health_officer'], scoped: true, request: (t) => send('PATCH', `/api/v1/epidemic-areas/${t.areaId}`, { reason: `Lý do ${t.n}` }) },
  'DELETE /api/v1/epidemic-areas/:id': { who: ['health_officer'], scoped: true, request: (t) => del(`/api/v1/epidemic-areas/${t.areaId}`) },
  'POST /api/v1/declarations': { who: 'public', request: () => send('POST', '/api/v1/declarations', declarationRequest()) },
  'POST /api/v1/declarations/self-report': { who: 'public', request: () => send('POST', '/api/v1/declarations/self-report', { receipt: '2222-2222', key: 'k'.repeat(22) }) },
  'POST /api/v1/declarations/self-report/checks': {
    who: 'public',
    request: () => send('POST', '/api/v1/declarations/self-report/checks', { receipt: '2222-2222', key: 'k'.repeat(22), day: '2026-11-23', symptoms: [] }),
  },
  'GET /api/v1/declarations': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations?unit=${t.unit}`) },
  'GET /api/v1/declarations/export.xlsx': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations/export.xlsx?unit=${t.unit}`) },
  'GET /api/v1/declarations/stats': { who: ['health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations/stats?unit=${t.unit}`) },
  // A checkpoint reads any receipt a citizen shows it; the look-up is audited.
  'GET /api/v1/declarations/by-receipt/:receipt': { who: ['unit_officer', 'health_officer'], scoped: false, request: () => get('/api/v1/declarations/by-receipt/2222-2222') },
  'GET /api/v1/declarations/:id': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations/${t.declarationId}`) },
  'PATCH /api/v1/declarations/:id': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => send('PATCH', `/api/v1/declarations/${t.declarationId}`, { note: `Ghi chú ${t.n}` }) },
  'POST /api/v1/declarations/:id/checks': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => send('POST', `/api/v1/declarations/${t.declarationId}/checks`, { day: '2026-11-23', symptoms: [] }) },
  'POST /api/v1/declarations/:id/self-report-key': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => send('POST', `/api/v1/declarations/${t.declarationId}/self-report-key`, {}) },
  'GET /api/v1/health-stations/:code': { who: ['unit_officer', 'health_officer', 'admin'], scoped: true, request: (t) => get(`/api/v1/health-stations/${t.unit}`) },
  'PUT /api/v1/health-stations/:code': { who: ['unit_officer', 'health_officer', 'admin'], scoped: true, request: (t) => send('PUT', `/api/v1/health-stations/${t.unit}`, { phone: `0205 38${String(t.n).padStart(5, '0')}` }) },
};

describe('authorization matrix', () => {
  let t: TestApp;
  const targets = {} as Record<Relation, Omit<Target, 'n'>>;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp();
    // The agency reporter reports for an agency of their own unit.
    const reporterAgency = await t.services.agencies.create(SYSTEM_ACTOR, { code: 'MATRIX-OWN', name: 'Cơ quan của người báo cáo', unitCode: UNITS.own });
    for (const role of ROLES) {
      const agencyCode = role === 'agency_reporter' ? { agencyCode: reporterAgency.code } : {};
      await t.services.users.create(SYSTEM_ACTOR, { username: `matrix.${role}`, displayName: role, password: PASSWORD, role, unitCode: UNITS.own, ...agencyCode });
    }
    await t.services.users.create(SYSTEM_ACTOR, { username: 'matrix.login', displayName: 'Login', password: PASSWORD, role: 'unit_officer', unitCode: UNITS.own });
    for (const [relation, unit] of Object.entries(UNITS) as [Relation, string][]) {
      const user = await t.services.users.create(SYSTEM_ACTOR, { username: `matrix.target.${relation}`, displayName: 'Đích', password: PASSWORD, role: 'unit_officer', unitCode: unit });
      const agency = await t.services.agencies.create(SYSTEM_ACTOR, { name: `Cơ quan ${relation}`, unitCode: unit });
      const notice = await t.services.notices.create(user, { title: `Thông báo ${relation}`, body: 'Nội dung' });
      // A campaign issued in the unit, to the unit and its agencies (in the own unit: the agency reporter's too).
      const issuer = await t.services.users.create(SYSTEM_ACTOR, { username: `matrix.issuer.${relation}`, displayName: 'Nơi ban hành', password: PASSWORD, role: 'campaign_issuer', unitCode: unit });
      const agencyIds = relation === 'own' ? [agency.id, reporterAgency.id] : [agency.id];
      const campaign = await t.services.campaigns.create(issuer, { ...directive(unit), recipients: { unitCodes: [unit], agencyIds, localUnitsUnder: [], agencyGroups: [] } });
      const area = await t.database.db.insertInto('epidemic_areas').values({ name: `Vùng ${relation}`, unit_code: unit, from_day: '2026-11-01', created_at: '2026-11-23T08:00:00.000Z', updated_at: '2026-11-23T08:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
      const declarationId = await insertDeclaration(t.database.db, [unit]);
      targets[relation] = { unit, userId: user.id, agencyId: agency.id, noticeId: notice.id, campaignId: campaign.id, areaId: Number(area.id), declarationId };
    }
  });
  afterAll(async () => t?.close());

  const run = async (rule: Rule, relation: Relation, role?: Role) => {
    const options = rule.request({ ...targets[relation], n: ++n });
    // Each request from its own address: sign-ins and password checks are limited per address.
    const remoteAddress = `10.0.${n >> 8}.${n & 255}`;
    const headers = role ? (await login(t.app, `matrix.${role}`, PASSWORD, remoteAddress)).headers : {};
    const response = await t.app.inject({ ...options, remoteAddress, headers: { ...headers, ...(options.headers as object) } });
    return { status: response.statusCode, code: response.statusCode >= 400 ? (response.json() as { error: { code: string } }).error.code : undefined };
  };

  it('has a rule here for every route the server serves, and no rule for a route it does not', () => {
    const served = routeAccessTable(t.app).map((r) => `${r.method} ${r.url}`);
    expect(served.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !served.includes(route))).toEqual([]);
  });

  for (const [route, rule] of Object.entries(EXPECTED)) {
    const scoped = 'scoped' in rule && rule.scoped;
    it(`${route}: ${typeof rule.who === 'string' ? rule.who : `${rule.who.join(', ')}${scoped ? ' within their unit subtree' : ''}`}`, async () => {
      const anonymous = await run(rule, 'own');
      if (rule.who === 'public') expect(anonymous.status, 'anonymous').not.toBe(401);
      else expect(anonymous, 'anonymous').toEqual({ status: 401, code: 'unauthenticated' });
      for (const role of ROLES) {
        for (const relation of Object.keys(UNITS) as Relation[]) {
          const outcome = await run(rule, relation, role);
          const allowedRole = rule.who === 'public' || rule.who === 'signed_in' || rule.who.includes(role);
          const allowedUnit = !scoped || relation === 'own';
          const where = `${role} → ${relation} unit`;
          if (allowedRole && allowedUnit) expect([401, 403], where).not.toContain(outcome.status);
          else expect(outcome, where).toEqual({ status: 403, code: 'forbidden' });
        }
      }
    });
  }

  it('lets the administrator at the top of the tree reach every unit', async () => {
    const top = await login(t.app);
    const other = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${targets.other.userId}`, headers: top.headers, payload: { displayName: 'Đổi tên' } });
    expect(other.statusCode).toBe(200);
  });
});
