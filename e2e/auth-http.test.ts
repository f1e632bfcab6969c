import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, errorCode } from './support/http.js';
import { type RunningServer, startServer } from './support/server.js';

// The sign-in and CSRF rules, through real HTTP against the real server process.
describe('authentication over HTTP', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('is ready and refuses anonymous calls with the documented error', async () => {
    const anonymous = new HttpSession(server.baseUrl);
    expect((await anonymous.request('GET', '/readyz')).status).toBe(200);
    const me = await anonymous.request('GET', '/api/v1/auth/me');
    expect(me.status).toBe(401);
    expect(errorCode(me.json)).toBe('unauthenticated');
    expect(typeof (me.json?.error as { message?: unknown }).message).toBe('string');
  });

  it('rejects a wrong password without creating a session', async () => {
    const session = new HttpSession(server.baseUrl);
    const result = await session.login('admin', 'not-the-password');
    expect(result.status).toBe(401);
    expect(errorCode(result.json)).toBe('invalid_credentials');
    expect((await session.request('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('signs in, demands the CSRF token on changes, and signs out', async () => {
    const admin = new HttpSession(server.baseUrl);
    const login = await admin.login('admin', server.adminPassword);
    expect(login.status).toBe(200);
    expect((login.json?.user as { role?: string }).role).toBe('admin');
    expect(typeof login.json?.csrfToken).toBe('string');
    const sessionCookie = admin.lastSetCookies.find((c) => /httponly/i.test(c));
    expect(sessionCookie, admin.lastSetCookies.join('\n')).toBeDefined();
    expect(sessionCookie).toMatch(/samesite=(lax|strict)/i);

    const me = await admin.request('GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect((me.json?.user as { username?: string }).username).toBe('admin');

    const noToken = await admin.request('PATCH', '/api/v1/auth/me', { locale: 'en' }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(errorCode(noToken.json)).toBe('csrf_failed');

    const wrongToken = new HttpSession(server.baseUrl);
    await wrongToken.login('admin', server.adminPassword);
    wrongToken.csrfToken = `${wrongToken.csrfToken ?? ''}x`;
    expect(errorCode((await wrongToken.request('PATCH', '/api/v1/auth/me', { locale: 'en' })).json)).toBe(
      'csrf_failed',
    );

    const changed = await admin.request('PATCH', '/api/v1/auth/me', { locale: 'en' });
    expect(changed.status).toBe(200);
    expect((changed.json?.user as { locale?: string }).locale).toBe('en');

    expect((await admin.request('POST', '/api/v1/auth/logout', undefined, { csrf: false })).status).toBe(403);
    expect((await admin.request('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await admin.request('GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('lets an administrator create a ward officer who is then refused the administration API', async () => {
    const admin = new HttpSession(server.baseUrl);
    await admin.login('admin', server.adminPassword);
    const created = await admin.request('POST', '/api/v1/users', {
      username: 'http-officer',
      displayName: 'Cán bộ phường Đông Kinh',
      password: 'officer-Pass-2026',
      role: 'unit_officer',
      unitCode: '05977',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.json?.user).toMatchObject({ username: 'http-officer', role: 'unit_officer', unitCode: '05977' });

    const duplicate = await admin.request('POST', '/api/v1/users', {
      username: 'http-officer',
      displayName: 'Again',
      password: 'officer-Pass-2026',
      role: 'unit_officer',
      unitCode: '05977',
    });
    expect(errorCode(duplicate.json)).toBe('conflict');

    const badUnit = await admin.request('POST', '/api/v1/users', {
      username: 'nowhere-officer',
      displayName: 'Nowhere',
      password: 'officer-Pass-2026',
      role: 'unit_officer',
      unitCode: '99999',
    });
    expect(errorCode(badUnit.json)).toBe('unknown_unit');

    const officer = new HttpSession(server.baseUrl);
    expect((await officer.login('http-officer', 'officer-Pass-2026')).status).toBe(200);
    const list = await officer.request('GET', '/api/v1/users');
    expect(list.status).toBe(403);
    expect(errorCode(list.json)).toBe('forbidden');
    const audit = await officer.request('GET', '/api/v1/audit');
    expect(errorCode(audit.json)).toBe('forbidden');
    const create = await officer.request('POST', '/api/v1/users', {
      username: 'sneaky',
      displayName: 'Sneaky',
      password: 'officer-Pass-2026',
      role: 'admin',
      unitCode: '05977',
    });
    expect(create.status).toBe(403);
  });
});
