import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TOP_VIEWER, type TestApp } from '../test-support/test-app.js';

// The public place search the declaration form uses: no account, names without diacritics, a limit per address.
describe('places over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { BLUEZONE_PLACES_RATE_LIMIT: '5' });
    // A village an administrator added below a commune: a unit of the tree at any depth.
    await t.services.units.create(TOP_VIEWER, { code: 'DD-THON-1', parentCode: '06184', level: 'village', name: 'Thôn Pò Đeng' });
  });
  afterAll(async () => t?.close());
  const search = (query: string, address = '198.51.100.50') => t.app.inject({ method: 'GET', url: `/api/v1/places?${query}`, remoteAddress: address });

  it('finds this province’s units for the residence, never the province itself, and any place of Vietnam for a visit', async () => {
    const local = (await search('q=dong%20dang')).json().places;
    expect(local[0]).toMatchObject({ code: '06184', fullName: 'Xã Đồng Đăng', provinceName: 'Lạng Sơn', local: true });
    expect((await search('q=lang%20son')).json().places.map((p: { code: string }) => p.code)).not.toContain('20');
    expect((await search('q=po%20deng')).json().places.map((p: { code: string }) => p.code)).toEqual(['DD-THON-1']);
    const country = (await search('q=da%20nang&scope=country&limit=3', '198.51.100.51')).json().places;
    expect(country[0]).toMatchObject({ code: '48', level: 'province', local: false });
    expect(country).toHaveLength(3);
  });

  it('names one place by its code, and answers not_found for a code of nowhere', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/places/20194' })).json()).toMatchObject({ fullName: 'Phường Hải Vân', provinceCode: '48', local: false });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/places/DD-THON-1' })).json()).toMatchObject({ local: true, provinceCode: '20' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/places/99999' })).json().error.code).toBe('not_found');
  });

  it('limits searches per address', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await search('q=xa', '198.51.100.60')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await search('q=xa', '198.51.100.61')).statusCode).toBe(200);
  });
});
