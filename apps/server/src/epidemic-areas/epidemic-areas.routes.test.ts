import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { describeEachDialect } from '../test-support/databases.js';
import { declarationRequest } from '../test-support/declarations.js';
import { createTestApp, errorCode, login, type Session, type TestApp } from '../test-support/test-app.js';

const PASSWORD = 'officer password';

// Areas change after people declared: screening runs again over the open declarations the change concerns.
describeEachDialect('epidemic areas over HTTP', (dialect) => {
  let t: TestApp;
  let cdc: Session;
  let officer: Session;
  let admin: Session;
  const as = (session: Session, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload !== undefined && { payload }), headers: session.headers });
  const declare = async (overrides: NonNullable<Parameters<typeof declarationRequest>[0]>) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest(overrides), remoteAddress: '198.51.100.40' });
    expect(response.statusCode).toBe(201);
    const list = (await as(officer, 'GET', '/api/v1/declarations?limit=500')).json<{ declarations: { id: number; fullName: string }[] }>().declarations;
    return list.find((d) => d.fullName === overrides.fullName)!.id;
  };
  const read = async (id: number) => (await as(officer, 'GET', `/api/v1/declarations/${id}`)).json<{ declaration: { suspected: boolean; arrivalFromEpidemicArea: boolean; monitoringUntil: string | null; history: { kind: string }[] } }>().declaration;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.services.users.create(SYSTEM_ACTOR, { username: 'cdc', displayName: 'CDC', password: PASSWORD, role: 'health_officer', unitCode: '20' });
    await t.services.users.create(SYSTEM_ACTOR, { username: 'dongdang', displayName: 'Đồng Đăng', password: PASSWORD, role: 'unit_officer', unitCode: '06184' });
    cdc = await login(t.app, 'cdc', PASSWORD);
    officer = await login(t.app, 'dongdang', PASSWORD);
    admin = await login(t.app);
  });
  afterAll(async () => t?.close());

  it('screens earlier declarations again when an area is added, changed and removed', async () => {
    const traveller = await declare({ fullName: 'Đi Quảng Tây', symptoms: ['cough'], visits: [{ place: 'Bằng Tường, Quảng Tây, Trung Quốc', from: '2026-11-18', to: '2026-11-20' }] });
    const closed = await declare({ fullName: 'Đã đóng', visits: [{ place: 'Quảng Tây', from: '2026-11-18', to: '2026-11-20' }] });
    await as(officer, 'PATCH', `/api/v1/declarations/${closed}`, { status: 'closed' });
    const stayed = await declare({ fullName: 'Ở nhà', symptoms: ['fever'] });
    expect(await read(traveller)).toMatchObject({ suspected: false, arrivalFromEpidemicArea: false });

    const added = await as(cdc, 'POST', '/api/v1/epidemic-areas', { name: 'Quảng Tây', place: 'Quảng Tây', from: '2026-11-15', reason: 'Dịch tại tỉnh giáp biên' });
    expect(added.statusCode).toBe(201);
    expect(added.json().rescreened).toBe(1);
    const flagged = await read(traveller);
    expect(flagged).toMatchObject({ suspected: true, arrivalFromEpidemicArea: true, monitoringUntil: '2026-12-04' });
    expect(flagged.history.map((e) => e.kind)).toEqual(['assessment']);
    expect(await read(closed)).toMatchObject({ arrivalFromEpidemicArea: false });
    expect(await read(stayed)).toMatchObject({ suspected: false });
    await t.services.declarations.alerts.settled();
    const told = (await as(officer, 'GET', '/api/v1/notifications?unread=true')).json<{ notifications: { kind: string }[] }>().notifications;
    expect(told.map((n) => n.kind)).toContain('declaration.suspected');

    const areaId = added.json().area.id;
    // Narrowed to days after the visit: the traveller is no longer an arrival.
    const narrowed = await as(cdc, 'PATCH', `/api/v1/epidemic-areas/${areaId}`, { from: '2026-11-21' });
    expect(narrowed.json()).toMatchObject({ area: { from: '2026-11-21', place: 'Quảng Tây' }, rescreened: 1 });
    expect(await read(traveller)).toMatchObject({ suspected: false, arrivalFromEpidemicArea: false });

    const widened = await as(cdc, 'PATCH', `/api/v1/epidemic-areas/${areaId}`, { from: '2026-11-15' });
    expect(widened.json().rescreened).toBe(1);
    const removed = await as(cdc, 'DELETE', `/api/v1/epidemic-areas/${areaId}`);
    expect(removed.json()).toMatchObject({ area: { id: areaId }, rescreened: 1 });
    expect(await read(traveller)).toMatchObject({ suspected: false, arrivalFromEpidemicArea: false });
    expect(errorCode(await as(cdc, 'DELETE', `/api/v1/epidemic-areas/${areaId}`))).toBe('not_found');
  });

  it('screens by unit: a province made an epidemic area flags a visit to one of its wards', async () => {
    const visitor = await declare({ fullName: 'Về từ Hải Vân', visits: [{ unitCode: '20194', from: '2026-11-19', to: '2026-11-19' }] });
    const added = await as(cdc, 'POST', '/api/v1/epidemic-areas', { name: 'Đà Nẵng', unitCode: '48', from: '2026-11-18', to: '2026-11-30' });
    expect(added.json().rescreened).toBe(1);
    expect(await read(visitor)).toMatchObject({ arrivalFromEpidemicArea: true, monitoringUntil: '2026-12-03' });
    // A change of its unit to a place abroad clears the unit (and the visitor's flag).
    const moved = await as(cdc, 'PATCH', `/api/v1/epidemic-areas/${added.json().area.id}`, { place: 'Viêng Chăn' });
    expect(moved.json()).toMatchObject({ area: { unitCode: null, place: 'Viêng Chăn' }, rescreened: 1 });
  });

  it('refuses an area without a place, with both, or ending before it starts; audits every change', async () => {
    expect((await as(cdc, 'POST', '/api/v1/epidemic-areas', { name: 'x', from: '2026-11-01' })).json().error.fields).toEqual([{ field: 'unitCode', problem: 'required' }]);
    expect((await as(cdc, 'POST', '/api/v1/epidemic-areas', { name: 'x', unitCode: '48', place: 'y', from: '2026-11-01' })).statusCode).toBe(400);
    expect((await as(cdc, 'POST', '/api/v1/epidemic-areas', { name: 'x', unitCode: '48', from: '2026-11-05', to: '2026-11-01' })).json().error.fields).toEqual([{ field: 'to', problem: 'invalid_value' }]);
    const list = (await as(cdc, 'GET', '/api/v1/epidemic-areas')).json<{ areas: { id: number }[] }>().areas;
    expect(errorCode(await as(cdc, 'PATCH', `/api/v1/epidemic-areas/${list[0]!.id}`, { to: '2026-01-01' }))).toBe('validation_failed');
    const actions = (await as(admin, 'GET', '/api/v1/audit?limit=100')).json<{ entries: { action: string }[] }>().entries.map((e) => e.action);
    for (const action of ['epidemic_area.create', 'epidemic_area.update', 'epidemic_area.delete', 'declaration.rescreen']) expect(actions).toContain(action);
  });
});
