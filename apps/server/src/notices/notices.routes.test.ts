import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test-support/databases.js';
import { createTestApp, errorCode, login, type Session, type TestApp } from '../test-support/test-app.js';

const person = (username: string, role: string, unitCode: string) => ({ username, displayName: `Cán bộ ${username}`, password: 'officer password', role, unitCode });
const notice = { title: 'Tiêm vắc-xin tại trạm y tế', body: 'Người dân trên 18 tuổi đến trạm y tế phường từ thứ Hai.', titleEn: 'Vaccination at the health station', bodyEn: 'Adults may come from Monday.' };

describeEachDialect('notices over HTTP', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let officer: Session;
  let issuer: Session;
  let wardOfficer: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await login(t.app);
    for (const [username, role, unit] of [['cdc', 'health_officer', '20'], ['stttt', 'campaign_issuer', '20'], ['ward', 'unit_officer', '06184']] as const) {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: person(username, role, unit) });
      expect(created.statusCode, created.body).toBe(201);
    }
    officer = await login(t.app, 'cdc', 'officer password');
    issuer = await login(t.app, 'stttt', 'officer password');
    wardOfficer = await login(t.app, 'ward', 'officer password');
  });
  afterAll(async () => t?.close());

  it('lets health officers and campaign issuers publish, and the app read them anonymously, newest first', async () => {
    const first = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: officer.headers, payload: notice });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().notice).toMatchObject({ title: notice.title, titleEn: notice.titleEn, publisher: 'Tỉnh Lạng Sơn', createdByName: 'Cán bộ cdc', retiredAt: null });
    t.clock.advance(60);
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: issuer.headers, payload: { title: 'Khai báo y tế', body: 'Hãy khai báo y tế trung thực.' } });
    expect(second.statusCode).toBe(201);
    expect(second.json().notice).toMatchObject({ titleEn: null, bodyEn: null });

    const publicList = await t.app.inject({ method: 'GET', url: '/api/v1/notices/public' });
    expect(publicList.statusCode).toBe(200);
    const notices = publicList.json().notices;
    expect(notices.map((n: { title: string }) => n.title)).toEqual(['Khai báo y tế', notice.title]);
    // The app learns the unit, never who wrote it.
    expect(Object.keys(notices[0]).sort()).toEqual(['body', 'bodyEn', 'id', 'publishedAt', 'publisher', 'title', 'titleEn']);
    const audit = (await t.services.audit.list({ limit: 50 })).entries.filter((e) => e.action === 'notice.create');
    expect(audit).toHaveLength(2);
  });

  it('refuses others before reading the body, and checks the body', async () => {
    const ward = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: wardOfficer.headers, payload: { nonsense: true } });
    expect(ward.statusCode).toBe(403);
    expect(errorCode(ward)).toBe('forbidden');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notices', payload: notice })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notices', headers: wardOfficer.headers })).statusCode).toBe(403);
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: officer.headers, payload: { title: ' ', body: 'x' } });
    expect(empty.statusCode).toBe(400);
    expect(errorCode(empty)).toBe('validation_failed');
  });

  it('retires a notice: it leaves the app, stays in the console list, and a second retire changes nothing', async () => {
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: officer.headers, payload: { title: 'Tạm thời', body: 'Sẽ gỡ.' } })).json().notice;
    const retired = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${created.id}/retire`, headers: issuer.headers });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().notice.retiredAt).not.toBeNull();
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${created.id}/retire`, headers: admin.headers });
    expect(again.json().notice.retiredAt).toBe(retired.json().notice.retiredAt);
    const publicTitles = (await t.app.inject({ method: 'GET', url: '/api/v1/notices/public' })).json().notices.map((n: { title: string }) => n.title);
    expect(publicTitles).not.toContain('Tạm thời');
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/notices', headers: officer.headers })).json().notices;
    expect(all.find((n: { id: number }) => n.id === created.id)).toMatchObject({ title: 'Tạm thời' });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notices/99999/retire', headers: admin.headers })).statusCode).toBe(404);
  });

  it('lets only the publishing unit or an administrator retire a notice', async () => {
    const wardIssuer = person('ward-issuer', 'campaign_issuer', '06184');
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: wardIssuer })).statusCode).toBe(201);
    const other = await login(t.app, 'ward-issuer', 'officer password');
    const created = (await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: officer.headers, payload: { title: 'Của tỉnh', body: 'Nội dung.' } })).json().notice;
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${created.id}/retire`, headers: other.headers });
    expect(refused.statusCode).toBe(403);
  });
});
