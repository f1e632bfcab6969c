import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
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
    await t.services.agencies.create(SYSTEM_ACTOR, { code: 'DD-01', name: 'Trung tâm Văn hóa Đồng Đăng', unitCode: '06184' });
    await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: { ...officer, username: 'reporter', role: 'agency_reporter', agencyCode: 'DD-01' } });
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

  it('links an agency reporter to one agency of their unit subtree, and refuses every other combination, writing nothing', async () => {
    await t.services.agencies.create(SYSTEM_ACTOR, { code: 'DK-01', name: 'Hội Phụ nữ phường Đông Kinh', unitCode: '05977' });
    const reporter = { ...officer, username: 'reporter.dk', role: 'agency_reporter', unitCode: '05977', agencyCode: 'DK-01', email: 'pn.dongkinh@example.vn', phone: '0912 345 678' };
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload: reporter });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ agencyCode: 'DK-01', agencyName: 'Hội Phụ nữ phường Đông Kinh', email: 'pn.dongkinh@example.vn', phone: '0912 345 678' });

    const before = await countUsers();
    const refusals: [object, string, string, string][] = [
      [{ ...reporter, username: 'rep1', agencyCode: undefined }, 'validation_failed', 'agencyCode', 'required'],
      [{ ...reporter, username: 'rep2', agencyCode: 'NOPE' }, 'unknown_agency', 'agencyCode', 'not_found'],
      [{ ...reporter, username: 'rep3', unitCode: '06184' }, 'validation_failed', 'agencyCode', 'out_of_scope'],
      [{ ...reporter, username: 'rep4', role: 'unit_officer' }, 'validation_failed', 'agencyCode', 'invalid_value'],
      [{ ...reporter, username: 'rep5', email: 'not an address' }, 'validation_failed', 'email', 'invalid_format'],
    ];
    for (const [payload, code, field, problem] of refusals) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/users', headers: admin.headers, payload });
      expect([response.statusCode < 500, errorCode(response), response.json().error.fields?.[0]]).toEqual([true, code, expect.objectContaining({ field, problem })]);
    }
    expect(await countUsers()).toBe(before);

    // Leaving the role drops the agency; an agency reporter cannot lose it while keeping the role.
    const id = created.json().user.id;
    const cleared = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.headers, payload: { agencyCode: null } });
    expect(errorCode(cleared)).toBe('validation_failed');
    const demoted = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: admin.headers, payload: { role: 'unit_officer' } });
    expect(demoted.json().user).toMatchObject({ role: 'unit_officer', agencyId: null, agencyCode: null });
  });

  it('keeps an admin from disabling themselves', async () => {
    const me = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.headers })).json().user;
    const response = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${me.id}`, headers: admin.headers, payload: { disabled: true } });
    expect(errorCode(response)).toBe('forbidden');
  });
});
