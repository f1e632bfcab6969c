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
  // Health declarations, epidemic areas, places and notifications. A declaration's unit is the one it is routed to.
  'GET /api/v1/places': { who: 'public', request: () => get('/api/v1/places?q=dong') },
  'GET /api/v1/places/:code': { who: 'public', request: (t) => get(`/api/v1/places/${t.unit}`) },
  'GET /api/v1/epidemic-areas': { who: 'signed_in', request: () => get('/api/v1/epidemic-areas') },
  'POST /api/v1/epidemic-areas': { who: ['health_officer'], scoped: true, request: (t) => send('POST', '/api/v1/epidemic-areas', { name: `Vùng ${t.n}`, unitCode: t.unit, from: '2026-11-01' }) },
  'PATCH /api/v1/epidemic-areas/:id': { who: ['health_officer'], scoped: true, request: (t) => send('PATCH', `/api/v1/epidemic-areas/${t.areaId}`, { reason: `Lý do ${t.n}` }) },
  'DELETE /api/v1/epidemic-areas/:id': { who: ['health_officer'], scoped: true, request: (t) => del(`/api/v1/epidemic-areas/${t.areaId}`) },
  'POST /api/v1/declarations': { who: 'public', request: () => send('POST', '/api/v1/declarations', declarationRequest()) },
  'GET /api/v1/declarations': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations?unit=${t.unit}`) },
  'GET /api/v1/declarations/export.xlsx': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations/export.xlsx?unit=${t.unit}`) },
  'GET /api/v1/declarations/stats': { who: ['health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations/stats?unit=${t.unit}`) },
  // A checkpoint reads any receipt a citizen shows it; the look-up is audited.
  'GET /api/v1/declarations/by-receipt/:receipt': { who: ['unit_officer', 'health_officer'], scoped: false, request: () => get('/api/v1/declarations/by-receipt/2222-2222') },
  'GET /api/v1/declarations/:id': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => get(`/api/v1/declarations/${t.declarationId}`) },
  'PATCH /api/v1/declarations/:id': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => send('PATCH', `/api/v1/declarations/${t.declarationId}`, { note: `Ghi chú ${t.n}` }) },
  'POST /api/v1/declarations/:id/checks': { who: ['unit_officer', 'health_officer'], scoped: true, request: (t) => send('POST', `/api/v1/declarations/${t.declarationId}/checks`, { day: '2026-11-23', symptoms: [] }) },
  'GET /api/v1/health-stations/:code': { who: ['unit_officer', 'health_officer', 'admin'], scoped: true, request: (t) => get(`/api/v1/health-stations/${t.unit}`) },
  'PUT /api/v1/health-stations/:code': { who: ['unit_officer', 'health_officer', 'admin'], scoped: true, request: (t) => send('PUT', `/api/v1/health-stations/${t.unit}`, { phone: `0205 38${String(t.n).padStart(5, '0')}`, notificationEmail: '' }) },
  'GET /api/v1/notifications': { who: 'signed_in', request: () => get('/api/v1/notifications') },
  'GET /api/v1/notifications/unread': { who: 'signed_in', request: () => get('/api/v1/notifications/unread') },
  'POST /api/v1/notifications/read': { who: 'signed_in', request: () => send('POST', '/api/v1/notifications/read', { all: true }) },
};

describe('authorization matrix', () => {
  let t: TestApp;
  const targets = {} as Record<Relation, Omit<Target, 'n'>>;
  let n = 0;
  beforeAll(async () => {
    t = await createTestApp();
    for (const role of ROLES) {
      await t.services.users.create(SYSTEM_ACTOR, { username: `matrix.${role}`, displayName: role, password: PASSWORD, role, unitCode: UNITS.own });
    }
    await t.services.users.create(SYSTEM_ACTOR, { username: 'matrix.login', displayName: 'Login', password: PASSWORD, role: 'unit_officer', unitCode: UNITS.own });
    for (const [relation, unit] of Object.entries(UNITS) as [Relation, string][]) {
      const user = await t.services.users.create(SYSTEM_ACTOR, { username: `matrix.target.${relation}`, displayName: 'Đích', password: PASSWORD, role: 'unit_officer', unitCode: unit });
      const agency = await t.services.agencies.create(SYSTEM_ACTOR, { name: `Cơ quan ${relation}`, unitCode: unit });
      const area = await t.database.db.insertInto('epidemic_areas').values({ name: `Vùng ${relation}`, unit_code: unit, from_day: '2026-11-01', created_at: '2026-11-23T08:00:00.000Z', updated_at: '2026-11-23T08:00:00.000Z' }).returning('id').executeTakeFirstOrThrow();
      const declarationId = await insertDeclaration(t.database.db, [unit]);
      targets[relation] = { unit, userId: user.id, agencyId: agency.id, areaId: Number(area.id), declarationId };
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
