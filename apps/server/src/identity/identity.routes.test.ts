import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, createTestApp, errorCode, login, sessionCookie, type TestApp, TOP_VIEWER } from '../test-support/test-app.js';

describe('sign-in, sessions and CSRF over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => void (t = await createTestApp()));
  afterAll(async () => t?.close());

  it('signs in, sets a strict HttpOnly cookie, and answers me with the same CSRF token', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'Admin', password: ADMIN_PASSWORD } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'bz_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const body = response.json();
    expect(body.user).toMatchObject({ username: 'admin', role: 'admin', unitCode: '20', unitName: 'Lạng Sơn', locale: 'vi' });
    expect(body.user.passwordHash).toBeUndefined();
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: sessionCookie(response) } });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(body.csrfToken);
  });

  it('answers me without a session, or with a forged cookie, with 401 unauthenticated', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    expect(none.statusCode).toBe(401);
    expect(errorCode(none)).toBe('unauthenticated');
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'bz_session=forged' } });
    expect(errorCode(forged)).toBe('unauthenticated');
  });

  it('refuses a state-changing request without the CSRF token, and accepts it with the token', async () => {
    const session = await login(t.app);
    const without = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: { cookie: session.cookie }, payload: { locale: 'en' } });
    expect(without.statusCode).toBe(403);
    expect(errorCode(without)).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload: { locale: 'en' },
    });
    expect(errorCode(wrong)).toBe('csrf_failed');
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.json().user.locale).toBe('vi');
    const ok = await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: session.headers, payload: { locale: 'en' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe('en');
    // The language is remembered: a new session starts in English.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: (await login(t.app)).headers })).json().user.locale).toBe('en');
  });

  it('logs out: the cookie stops working', async () => {
    const session = await login(t.app);
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(errorCode(noToken)).toBe('csrf_failed');
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const session = await login(t.app);
    t.clock.advance(t.config.identity.sessionIdleSeconds + 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(401);
  });

  it('says the same thing for an unknown user and a wrong password', async () => {
    const unknown = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'whatever' } });
    const wrong = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'whatever' } });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(errorCode(wrong)).toBe('invalid_credentials');
    // Reset the failure count so later tests start clean.
    await login(t.app);
  });

  it('changes the password, ending the other sessions', async () => {
    const other = await login(t.app);
    const session = await login(t.app);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: 'not it', newPassword: 'a new long password' },
    });
    expect(errorCode(wrong)).toBe('invalid_credentials');
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: ADMIN_PASSWORD, newPassword: 'a new long password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: other.headers })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers })).statusCode).toBe(200);
    await login(t.app, 'admin', 'a new long password');
  });
});

describe('lockout and rate limiting', () => {
  let t: TestApp;
  beforeAll(async () => void (t = await createTestApp('sqlite', { BLUEZONE_LOCKOUT_THRESHOLD: '3', BLUEZONE_LOGIN_RATE_LIMIT: '8' })));
  afterAll(async () => t?.close());

  const attempt = (password: string, ip = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password }, remoteAddress: ip });

  it('locks the account after too many wrong passwords, even against the right one, until the lock ends', async () => {
    for (let i = 0; i < 3; i++) expect(errorCode(await attempt('wrong password'))).toBe('invalid_credentials');
    const locked = await attempt(ADMIN_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(errorCode(locked)).toBe('account_locked');
    t.clock.advance(t.config.identity.lockoutSeconds + 1);
    expect((await attempt(ADMIN_PASSWORD)).statusCode).toBe(200);
    const audit = await t.services.audit.list(TOP_VIEWER, { limit: 5 });
    expect(audit.entries.map((e) => e.action)).toEqual([
      'auth.login',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
    ]);
    expect(audit.entries[1]?.detail).toEqual({ reason: 'locked' });
  });

  it('counts wrong current passwords of a password change towards the lockout, and ends the sessions when it locks', async () => {
    t.clock.advance(t.config.identity.lockoutSeconds + 1);
    await t.services.users.create(SYSTEM_ACTOR, { username: 'guesser', displayName: 'G', password: 'right password', role: 'unit_officer', unitCode: '20' });
    const session = await login(t.app, 'guesser', 'right password', '10.0.0.50');
    const change = (currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: session.headers, payload: { currentPassword, newPassword: 'a new password' }, remoteAddress: '10.0.0.50' });
    expect(errorCode(await change('guess one'))).toBe('invalid_credentials');
    expect(errorCode(await change('guess two'))).toBe('invalid_credentials');
    // The third wrong guess locks the account and ends its sessions: the stolen session cannot go on guessing.
    expect(errorCode(await change('guess three'))).toBe('invalid_credentials');
    expect(errorCode(await change('right password'))).toBe('unauthenticated');
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'guesser', password: 'right password' }, remoteAddress: '10.0.0.51' });
    expect(errorCode(again)).toBe('account_locked');
  });

  it('limits password checks of password changes per address, as sign-ins are', async () => {
    t.clock.advance(t.config.identity.loginRateWindowSeconds + 1);
    await t.services.users.create(SYSTEM_ACTOR, { username: 'changer', displayName: 'C', password: 'right password', role: 'unit_officer', unitCode: '20' });
    const session = await login(t.app, 'changer', 'right password', '10.0.0.60');
    const change = () =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: session.headers, payload: { currentPassword: 'right password', newPassword: 'right password' }, remoteAddress: '10.0.0.60' });
    // One sign-in and seven changes use up the eight attempts of the window; the ninth is refused.
    for (let i = 0; i < 7; i++) expect((await change()).statusCode).toBe(204);
    expect(errorCode(await change())).toBe('rate_limited');
  });

  it('limits sign-in attempts per address, whatever the account', async () => {
    t.clock.advance(t.config.identity.loginRateWindowSeconds);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: `u${i}`, password: 'x' }, remoteAddress: '10.0.0.9' });
      statuses.push(r.statusCode);
    }
    expect(statuses.slice(0, 8).every((s) => s === 401)).toBe(true);
    expect(statuses[8]).toBe(429);
    // Another address is not affected.
    expect((await attempt(ADMIN_PASSWORD, '10.0.0.10')).statusCode).toBe(200);
  });
});
