import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test-support/databases.js';
import { createTestApp, errorCode, login, type Session, type TestApp, TOP_VIEWER } from '../test-support/test-app.js';

const officer = { username: 'officer.dd', displayName: 'Nguyễn Văn A', password: 'officer password', role: 'unit_officer', unitCode: '06184' };

describeEachDialect('user administration over HTTP', (dialect) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await login(t.app);
  });
  afterAll(async () => t?.close());

  const countUsers = async () => (await t.services.users.list(TOP_VIEWER, { limit: 500 })).users.length;

  it('creates a user in a unit, who can then sign in', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: officer });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ username: 'officer.dd', unitName: 'Đồng Đăng', role: 'unit_officer', disabled: false });
    const session = await login(t.app, 'officer.dd', 'officer password');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.json().user.displayName).toBe('Nguyễn Văn A');
  });

  it('refuses a taken username with conflict', async () => {
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { ...officer, username: 'OFFICER.DD' } });
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('conflict');
  });

  it('refuses an unknown unit and writes nothing', async () => {
    const before = await countUsers();
    const auditBefore = (await t.services.audit.list(TOP_VIEWER, { limit: 500 })).entries.length;
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { ...officer, username: 'ghost', unitCode: '99999' } });
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('unknown_unit');
    expect(await countUsers()).toBe(before);
    // countUsers itself is audited as a read: exactly one more entry, and no user.create.
    const entries = (await t.services.audit.list(TOP_VIEWER, { limit: 500 })).entries;
    expect(entries.length).toBe(auditBefore + 1);
    expect(entries.some((e) => e.action === 'user.create' && e.detail?.username === 'ghost')).toBe(false);
  });

  it('stores SQL-looking text literally', async () => {
    const name = "x'); DROP TABLE users; --";
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { ...officer, username: 'bobby', displayName: name },
    });
    expect(response.json().user.displayName).toBe(name);
    const listed = await t.app.inject({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent("' OR '1'='1")}`, headers: admin.headers });
    expect(listed.json().users).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/users?q=bobby', headers: admin.headers })).json().users[0].displayName).toBe(name);
  });

  it('lists users by unit and role, and audits the read', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/users?unit=06184&role=unit_officer', headers: admin.headers });
    expect(response.json().users.map((u: { username: string }) => u.username).sort()).toEqual(['bobby', 'officer.dd']);
    const audit = await t.app.inject({ method: 'GET', url: '/api/v1/audit?action=user.list&limit=1', headers: admin.headers });
    expect(audit.json().entries[0]).toMatchObject({ actorUsername: 'admin', action: 'user.list', detail: { unit: '06184', role: 'unit_officer', count: 2 } });
  });

  it('disables a user: their sessions end and they cannot sign in', async () => {
    const session = await login(t.app, 'officer.dd', 'officer password');
    const id = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).json().user.id;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.headers, payload: { disabled: true } });
    expect(patched.json().user.disabled).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401);
    await expect(login(t.app, 'officer.dd', 'officer password')).rejects.toThrow(/401/);
  });

  it('forbids non-admins from users and audit, and refuses everyone without a session', async () => {
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { ...officer, username: 'reporter', role: 'agency_reporter' } });
    const reporter = await login(t.app, 'reporter', 'officer password');
    for (const [method, url] of [
      ['GET', '/api/v1/users'],
      ['GET', '/api/v1/audit'],
      ['POST', '/api/v1/users'],
      ['PATCH', '/api/v1/users/1'],
      ['POST', '/api/v1/agencies'],
    ] as const) {
      const payload = method === 'GET' ? undefined : method === 'POST' && url.endsWith('users') ? { ...officer, username: 'sneaky' } : { displayName: 'x' };
      const response = await t.app.inject({ method, url, headers: reporter.headers, ...(payload && { payload }) });
      expect([url, response.statusCode, errorCode(response)]).toEqual([url, 403, 'forbidden']);
      const anonymous = await t.app.inject({ method, url, ...(payload && { payload }) });
      expect(anonymous.statusCode).toBe(401);
    }
    expect((await t.services.users.list(TOP_VIEWER, { limit: 500, q: 'sneaky' })).users).toEqual([]);
  });

  it('keeps an admin from disabling themselves', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.headers })).json().user;
    const response = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers: admin.headers, payload: { disabled: true } });
    expect(errorCode(response)).toBe('forbidden');
  });
});
