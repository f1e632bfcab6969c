import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, login, type Session, type TestApp } from '../test-support/test-app.js';

describe('HTTP edges: errors, limits, health, OpenAPI', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { BLUEZONE_BODY_LIMIT: '4096' });
    admin = await login(t.app);
  });
  afterAll(async () => t?.close());

  const post = (url: string, payload: string, contentType = 'application/json') =>
    t.app.inject({ method: 'POST', url, headers: { ...admin.headers, 'content-type': contentType }, payload });

  it('answers malformed JSON with malformed_json', async () => {
    const response = await post('/api/v1/agencies', '{"name": "x",');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'malformed_json', message: 'the body is not valid JSON' } });
  });

  it('answers wrong types with validation_failed naming the field and the problem, for clients to translate', async () => {
    const response = await post('/api/v1/agencies', JSON.stringify({ name: 42, unitCode: ['20'], isOfficial: true }));
    expect(response.statusCode).toBe(400);
    expect(errorCode(response)).toBe('validation_failed');
    expect(response.json().error.message).toMatch(/body\.name/);
    expect(response.json().error.fields).toEqual([
      { field: 'name', problem: 'invalid_type' },
      { field: 'unitCode', problem: 'invalid_type' },
      { field: 'isOfficial', problem: 'unknown_field' },
    ]);
    const missing = await post('/api/v1/users', JSON.stringify({ username: 'ab', password: 'short' }));
    expect(missing.json().error.fields).toEqual(
      expect.arrayContaining([
        { field: 'username', problem: 'too_short', limit: 3 },
        { field: 'displayName', problem: 'required' },
        { field: 'password', problem: 'too_short', limit: 10 },
        { field: 'role', problem: 'required' },
      ]),
    );
  });

  it('refuses a NUL character at the door, naming the field', async () => {
    const response = await post('/api/v1/auth/login', JSON.stringify({ username: 'admin\u0000', password: 'x' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual([{ field: 'username', problem: 'control_character' }]);
  });

  it('answers a body over the limit with 413 body_too_large', async () => {
    const response = await post('/api/v1/agencies', JSON.stringify({ name: 'x'.repeat(10_000), unitCode: '20' }));
    expect(response.statusCode).toBe(413);
    expect(errorCode(response)).toBe('body_too_large');
  });

  it('refuses bodies that are not JSON, text/plain included (a cross-site form can send it)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const response = await post('/api/v1/agencies', JSON.stringify({ name: 'x', unitCode: '20' }), type);
      expect(response.statusCode).toBe(415);
      expect(errorCode(response)).toBe('unsupported_media_type');
    }
  });

  it('answers an anonymous sign-out with 401, not a quiet success', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(response.statusCode).toBe(401);
    expect(errorCode(response)).toBe('unauthenticated');
  });

  it('pads every answer of the upload routes, refusals included, to the size of a success', async () => {
    const answers = [
      await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: '00000000' } }),
      await t.app.inject({ method: 'POST', url: '/api/v1/verify', payload: '{', headers: { 'content-type': 'application/json' } }),
      await t.app.inject({ method: 'POST', url: '/api/v1/certificate', payload: { token: 'x' } }),
      await t.app.inject({ method: 'POST', url: '/api/v1/publish', payload: { temporaryExposureKeys: 'x' } }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBeGreaterThanOrEqual(400);
      expect(answer.body.length).toBeGreaterThan(4000);
      expect(answer.body.length).toBeLessThan(4200);
      expect(answer.json().error.code).toMatch(/^[a-z_]+$/);
    }
  });

  it('answers unknown API routes with a JSON not_found', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(errorCode(response)).toBe('not_found');
    expect(errorCode(await t.app.inject({ method: 'DELETE', url: '/somewhere' }))).toBe('not_found');
  });

  it('never caches API answers and sets protective headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: admin.headers });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('sends a Content-Security-Policy that allows only the console\'s own scripts and styles', async () => {
    const csp = String((await t.app.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it('serves the OpenAPI document generated from the schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/{id}', '/api/v1/units', '/api/v1/audit']));
    expect(Object.keys(doc.paths['/api/v1/users'].get.responses)).toEqual(['200', '4XX', '5XX']);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['username', 'password']);
  });

  it('reports health, and readiness while the database answers', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('says plainly that the console is not built', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toMatch(/console is not built/);
  });
});

describe('static files', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    // The test app's console directory is inside its data directory; build a stand-in console there and rebuild.
    await t.close();
    const consoleDir = path.join(t.config.dataDir, 'built-console');
    mkdirSync(path.join(consoleDir, 'assets'), { recursive: true });
    writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    writeFileSync(path.join(consoleDir, 'assets', 'app.js'), 'console.log(1)');
    const exportsDir = path.join(t.config.dataDir, 'exported');
    mkdirSync(exportsDir, { recursive: true });
    writeFileSync(path.join(exportsDir, 'index.txt'), 'v1/batch-1.zip\n');
    t = await createTestApp('sqlite', { BLUEZONE_CONSOLE_DIR: consoleDir, BLUEZONE_EXPORTS_DIR: exportsDir });
  });
  afterAll(async () => t?.close());

  it('serves the console, its assets, and index.html for deep links', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/' })).body).toContain('<title>console</title>');
    expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    const deep = await t.app.inject({ method: 'GET', url: '/users/42/edit' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>console</title>');
  });

  it('serves export files, and a JSON 404 for missing ones and API paths', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/exports/index.txt' })).body).toBe('v1/batch-1.zip\n');
    expect(errorCode(await t.app.inject({ method: 'GET', url: '/exports/missing.zip' }))).toBe('not_found');
    expect(errorCode(await t.app.inject({ method: 'GET', url: '/api/v1/missing' }))).toBe('not_found');
  });
});

describe('readiness without a database', () => {
  it('answers 503 when the database is gone', async () => {
    const t = await createTestApp('sqlite');
    await t.database.close();
    const response = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({ status: 'unavailable' });
    await t.app.close();
  });
});
