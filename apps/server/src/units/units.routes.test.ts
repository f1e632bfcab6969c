import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, login, type Session, type TestApp } from '../test-support/test-app.js';

describe('units and agencies over HTTP', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app);
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin.headers });

  it('starts the tree at the installation province, then its 65 wards and communes', async () => {
    expect((await get('/api/v1/units')).json().units).toEqual([{ code: '20', name: 'Lạng Sơn', fullName: 'Tỉnh Lạng Sơn', nameEn: 'Lang Son', fullNameEn: 'Lang Son Province', level: 'province', parentCode: null }]);
    const children = (await get('/api/v1/units?parent=20&limit=100')).json().units;
    expect(children).toHaveLength(65);
    expect(children.filter((u: { level: string }) => u.level === 'ward')).toHaveLength(4);
    // English names come with every listed unit, so an English console need not fetch each unit's detail.
    expect(children.find((u: { code: string }) => u.code === '05977')).toMatchObject({
      name: 'Đông Kinh',
      fullName: 'Phường Đông Kinh',
      nameEn: 'Dong Kinh',
      fullNameEn: 'Dong Kinh Ward',
    });
  });

  it('searches with and without diacritics', async () => {
    for (const q of ['lang son', 'Lạng Sơn', 'LANG SON']) {
      expect((await get(`/api/v1/units?q=${encodeURIComponent(q)}`)).json().units.map((u: { code: string }) => u.code)).toContain('20');
    }
    for (const q of ['dong dang', 'Đồng Đăng', 'xa dong dang']) {
      expect((await get(`/api/v1/units?q=${encodeURIComponent(q)}`)).json().units.map((u: { code: string }) => u.code)).toEqual(['06184']);
    }
    expect((await get('/api/v1/units?q=hanoi')).json()).toEqual({ units: [], nextCursor: null });
  });

  it('finds units by code or the start of a code, and pages children with a cursor', async () => {
    expect((await get('/api/v1/units?q=06184')).json().units.map((u: { code: string }) => u.code)).toEqual(['06184']);
    expect((await get('/api/v1/units?q=0618')).json().units.map((u: { code: string }) => u.code)).toEqual(['06184', '06187']);
    const first = (await get('/api/v1/units?parent=20&limit=60')).json();
    expect(first.units).toHaveLength(60);
    const rest = (await get(`/api/v1/units?parent=20&limit=60&cursor=${first.nextCursor}`)).json();
    expect(rest.units).toHaveLength(5);
    expect(rest.nextCursor).toBeNull();
    expect(first.units.map((u: { code: string }) => u.code)).not.toContain(rest.units[0].code);
    const forged = await get('/api/v1/units?parent=20&cursor=bm90LWpzb24');
    expect(forged.json().error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'cursor', problem: 'invalid_value' }] });
  });

  it('serves the map of the province: one outline per ward and commune, small', async () => {
    const response = await get('/api/v1/units/boundaries');
    expect(response.statusCode).toBe(200);
    const map = response.json();
    expect(map.features).toHaveLength(65);
    expect(new Set(map.features.map((f: { properties: { code: string } }) => f.properties.code))).toEqual(
      new Set((await get('/api/v1/units?parent=20&limit=100')).json().units.map((u: { code: string }) => u.code)),
    );
    expect(response.body.length).toBeLessThan(100_000);
  });

  it('describes one unit with its English names and ancestors', async () => {
    const unit = (await get('/api/v1/units/06184')).json();
    expect(unit).toMatchObject({ code: '06184', fullName: 'Xã Đồng Đăng', fullNameEn: 'Dong Dang Commune', level: 'commune', parentCode: '20' });
    expect(unit.path.map((u: { code: string }) => u.code)).toEqual(['20']);
    expect(errorCode(await get('/api/v1/units/99999'))).toBe('not_found');
    expect(errorCode(await get('/api/v1/units?parent=99999'))).toBe('unknown_unit');
  });

  it('lets an admin add a deeper unit, found by search, with its ancestors, and rename it', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: { code: 'X06184-01', parentCode: '06184', level: 'village', name: 'Thôn Nà Lầu', nameEn: 'Na Lau Village' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().path.map((u: { code: string }) => u.code)).toEqual(['20', '06184']);
    expect((await get('/api/v1/units?q=na%20lau')).json().units.map((u: { code: string }) => u.code)).toEqual(['X06184-01']);
    expect((await get('/api/v1/units?parent=06184')).json().units).toHaveLength(1);
    const renamed = await t.app.inject({ method: 'PATCH', url: '/api/v1/units/X06184-01', headers: admin.headers, payload: { name: 'Thôn Khòn Pát', fullName: 'Thôn Khòn Pát', nameEn: 'Khon Pat', fullNameEn: 'Khon Pat Village' } });
    expect(renamed.json().name).toBe('Thôn Khòn Pát');
    expect((await get('/api/v1/units?q=khon%20pat')).json().units).toHaveLength(1);
    expect((await get('/api/v1/units?q=na%20lau')).json().units).toHaveLength(0);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: { code: 'X06184-01', parentCode: '06184', level: 'village', name: 'x' },
    });
    expect(errorCode(again)).toBe('conflict');
    const orphan = await t.app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: admin.headers,
      payload: { code: 'X1', parentCode: 'nowhere', level: 'village', name: 'x' },
    });
    expect(errorCode(orphan)).toBe('unknown_unit');
    expect(errorCode(await get('/api/v1/units/X1'))).toBe('not_found');
  });

  it('requires a session for units', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units' })).statusCode).toBe(401);
  });

  it('creates agencies with a given or generated code and lists them per unit', async () => {
    const named = await t.app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: admin.headers,
      payload: { code: 'SYT', name: 'Sở Y tế', unitCode: '20', group: 'sở, ban, ngành' },
    });
    expect(named.statusCode).toBe(201);
    const generated = await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: admin.headers, payload: { name: 'Hội Phụ nữ', unitCode: '20' } });
    expect(generated.json().agency).toMatchObject({ code: '20-002', group: null });
    expect((await get('/api/v1/agencies?unit=20')).json().agencies).toHaveLength(2);
    const id = named.json().agency.id;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/agencies/${id}`, headers: admin.headers, payload: { group: 'đoàn thể' } });
    expect(patched.json().agency.group).toBe('đoàn thể');
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/agencies', headers: admin.headers, payload: { name: 'X', unitCode: '99999' } });
    expect(errorCode(unknown)).toBe('unknown_unit');
    expect((await get('/api/v1/agencies')).json().agencies).toHaveLength(2);
  });
});
