import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test-support/databases.js';
import { createTestApp, errorCode, login, TOP_VIEWER, type Session, type TestApp } from '../test-support/test-app.js';

const PASSWORD = 'officer password';
const person = (username: string, role: string, unitCode: string) => ({ username, displayName: `Cán bộ ${username}`, password: PASSWORD, role, unitCode });
const notice = { title: 'Tiêm vắc-xin tại trạm y tế', body: 'Người dân trên 18 tuổi đến trạm y tế phường từ thứ Hai.', titleEn: 'Vaccination at the health station', bodyEn: 'Adults may come from Monday.' };
type Listed = { id: number; title: string; unitCode: string; retiredAt: string | null };

describeEachDialect('notices over HTTP', (dialect) => {
  let t: TestApp;
  let admin: Session;
  /** The province's CDC officer and communication issuer, a commune's health officer, and a commune's officer. */
  let cdc: Session;
  let issuer: Session;
  let communeHealth: Session;
  let communeOfficer: Session;
  const publish = async (session: Session, payload: object) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: session.headers, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ notice: Listed }>().notice;
  };
  const list = async (session: Session, query = '') => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/notices${query}`, headers: session.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ notices: Listed[]; nextCursor: string | null }>();
  };
  const retire = (session: Session, id: number) => t.app.inject({ method: 'POST', url: `/api/v1/notices/${id}/retire`, headers: session.headers, payload: {} });
  const publicTitles = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/notices/public' })).json<{ notices: Listed[] }>().notices.map((n) => n.title);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await login(t.app);
    const people = [['cdc', 'health_officer', '20'], ['stttt', 'campaign_issuer', '20'], ['dongdang', 'health_officer', '06184'], ['ward', 'unit_officer', '06184']] as const;
    for (const [username, role, unit] of people) {
      const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: person(username, role, unit) });
      expect(created.statusCode, created.body).toBe(201);
    }
    cdc = await login(t.app, 'cdc', PASSWORD);
    issuer = await login(t.app, 'stttt', PASSWORD);
    communeHealth = await login(t.app, 'dongdang', PASSWORD);
    communeOfficer = await login(t.app, 'ward', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('lets health officers and campaign issuers publish, and the app read them anonymously, newest first', async () => {
    const first = await publish(cdc, notice);
    expect(first).toMatchObject({ title: notice.title, titleEn: notice.titleEn, publisher: 'Tỉnh Lạng Sơn', publisherEn: 'Lang Son Province', unitCode: '20', createdByName: 'Cán bộ cdc', retiredAt: null });
    t.clock.advance(60);
    expect(await publish(issuer, { title: 'Khai báo y tế', body: 'Hãy khai báo y tế trung thực.' })).toMatchObject({ titleEn: null, bodyEn: null });

    const answer = await t.app.inject({ method: 'GET', url: '/api/v1/notices/public' });
    expect(answer.statusCode).toBe(200);
    const notices = answer.json<{ notices: Record<string, unknown>[] }>().notices;
    expect(notices.map((n) => n.title)).toEqual(['Khai báo y tế', notice.title]);
    // The app learns the unit, never who wrote it.
    expect(Object.keys(notices[0]!).sort()).toEqual(['body', 'bodyEn', 'id', 'publishedAt', 'publisher', 'publisherEn', 'title', 'titleEn']);
    const audit = (await t.services.audit.list(TOP_VIEWER, { action: 'notice.create', limit: 50 })).entries.filter((e) => e.targetId === String(first.id));
    expect(audit).toEqual([expect.objectContaining({ actorUsername: 'cdc', actorUnitCode: '20', detail: { title: notice.title, unitCode: '20' } })]);
  });

  it('refuses other roles before reading the body, and checks the body field by field', async () => {
    const ward = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: communeOfficer.headers, payload: { nonsense: true } });
    expect([ward.statusCode, errorCode(ward)]).toEqual([403, 'forbidden']);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/notices', payload: notice })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notices', headers: communeOfficer.headers })).statusCode).toBe(403);
    const empty = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: cdc.headers, payload: { title: ' ', body: 'x', extra: 1 } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'validation_failed', fields: expect.arrayContaining([{ field: 'title', problem: 'too_short', limit: 1 }]) });
    const long = await t.app.inject({ method: 'POST', url: '/api/v1/notices', headers: cdc.headers, payload: { title: 'x'.repeat(121), body: 'x' } });
    expect(long.json().error.fields).toEqual([{ field: 'title', problem: 'too_long', limit: 120 }]);
  });

  it('withdraws a notice: it leaves the app, stays in the console marked, and a second withdrawal changes nothing', async () => {
    const created = await publish(cdc, { title: 'Tạm thời', body: 'Sẽ gỡ.' });
    const retired = await retire(issuer, created.id);
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json().notice.retiredAt).toBe(t.clock.now().toISOString());
    t.clock.advance(60);
    const again = await retire(admin, created.id);
    expect(again.json().notice.retiredAt).toBe(retired.json().notice.retiredAt);
    expect(await publicTitles()).not.toContain('Tạm thời');
    expect((await list(cdc)).notices.find((n) => n.id === created.id)).toMatchObject({ title: 'Tạm thời', retiredAt: retired.json().notice.retiredAt });
    const audit = (await t.services.audit.list(TOP_VIEWER, { action: 'notice.retire', limit: 50 })).entries.filter((e) => e.targetId === String(created.id));
    expect(audit.map((e) => e.actorUsername)).toEqual(['stttt']);
    const withFields = await t.app.inject({ method: 'POST', url: `/api/v1/notices/${created.id}/retire`, headers: admin.headers, payload: { reason: 'x' } });
    expect(withFields.json().error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'reason', problem: 'unknown_field' }] });
    const missing = await retire(admin, 99999);
    expect([missing.statusCode, errorCode(missing)]).toEqual([404, 'not_found']);
  });

  it('keeps each official to the notices of their own unit and the units below it', async () => {
    const commune = await publish(communeHealth, { title: 'Của xã Đồng Đăng', body: 'Nội dung.' });
    expect(commune).toMatchObject({ unitCode: '06184', publisher: 'Xã Đồng Đăng', publisherEn: 'Dong Dang Commune' });
    const province = await publish(cdc, { title: 'Của tỉnh', body: 'Nội dung.' });
    // Every app shows both: the app is national.
    expect(await publicTitles()).toEqual(expect.arrayContaining(['Của xã Đồng Đăng', 'Của tỉnh']));

    expect((await list(communeHealth)).notices.map((n) => n.unitCode)).toEqual(['06184']);
    expect((await list(cdc)).notices.map((n) => n.title)).toEqual(expect.arrayContaining(['Của xã Đồng Đăng', 'Của tỉnh']));
    expect((await list(cdc, '?unit=06184')).notices.map((n) => n.id)).toEqual([commune.id]);
    const above = await t.app.inject({ method: 'GET', url: '/api/v1/notices?unit=20', headers: communeHealth.headers });
    expect([above.statusCode, errorCode(above)]).toEqual([403, 'forbidden']);
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/notices?unit=99999', headers: cdc.headers });
    expect(unknown.json().error).toMatchObject({ code: 'unknown_unit', fields: [{ field: 'unit', problem: 'not_found' }] });

    const refused = await retire(communeHealth, province.id);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'forbidden']);
    expect((await retire(issuer, commune.id)).statusCode).toBe(200);
  });

  it('pages the console list newest first by cursor, with none repeated or skipped', async () => {
    const before = (await list(cdc, '?limit=500')).notices.length;
    for (let i = 0; i < 5; i++) await publish(cdc, { title: `Trang ${i}`, body: 'Nội dung.' });
    const seen: Listed[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await list(cdc, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.notices.length).toBeLessThanOrEqual(2);
      seen.push(...page.notices);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(before + 5);
    expect(new Set(seen.map((n) => n.id)).size).toBe(seen.length);
    expect(seen.slice(0, 5).map((n) => n.title)).toEqual(['Trang 4', 'Trang 3', 'Trang 2', 'Trang 1', 'Trang 0']);
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/notices?cursor=bm9wZQ', headers: cdc.headers });
    expect(forged.json().error).toMatchObject({ code: 'validation_failed', fields: [{ field: 'cursor', problem: 'invalid_value' }] });
  });
});
