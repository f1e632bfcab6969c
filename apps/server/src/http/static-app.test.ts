import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

describe('the citizen app’s web demo at /app/', () => {
  const opened: TestApp[] = [];
  afterAll(async () => Promise.all(opened.map((t) => t.close())));

  it('serves the built app, its scripts, and its page for any path under /app/', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bluezone-app-'));
    mkdirSync(path.join(dir, '_expo'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Bluezone app</title>');
    writeFileSync(path.join(dir, '_expo', 'index-abc.js'), 'console.log(1)');
    const t = await createTestApp('sqlite', { BLUEZONE_APP_DIR: dir });
    opened.push(t);
    // Its scripts are named from the root (/app/_expo/...), so /app without the slash works as well.
    expect((await t.app.inject({ method: 'GET', url: '/app' })).body).toContain('Bluezone app');
    const page = await t.app.inject({ method: 'GET', url: '/app/' });
    expect([page.statusCode, page.body]).toEqual([200, '<!doctype html><title>Bluezone app</title>']);
    const script = await t.app.inject({ method: 'GET', url: '/app/_expo/index-abc.js' });
    expect([script.statusCode, script.body]).toEqual([200, 'console.log(1)']);
    const deep = await t.app.inject({ method: 'GET', url: '/app/settings' });
    expect([deep.statusCode, deep.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect((await t.app.inject({ method: 'GET', url: '/app/_expo/missing.js' })).body).toContain('Bluezone app');
  });

  it('gives the app’s pages their own Content-Security-Policy, and leaves the console’s strict', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bluezone-app-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Bluezone app</title>');
    const t = await createTestApp('sqlite', { BLUEZONE_APP_DIR: dir });
    opened.push(t);
    const policy = async (url: string) => String((await t.app.inject({ method: 'GET', url })).headers['content-security-policy']);
    for (const url of ['/app/', '/app', '/app/settings?speed=60']) {
      const app = await policy(url);
      expect(app, url).toContain("script-src 'self' 'wasm-unsafe-eval';");
      expect(app, url).not.toContain("'unsafe-eval'");
      expect(app, url).toContain("style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';");
      expect(app, url).toContain("frame-ancestors 'none'");
      expect(app, url).not.toContain('unsafe-inline');
    }
    for (const url of ['/', '/notices', '/application', '/api/v1/notices/public']) {
      const strict = await policy(url);
      expect(strict, url).toContain("script-src 'self';");
      expect(strict, url).not.toContain('unsafe-eval');
    }
  });

  it('says how to build it when it is not built, in both languages', async () => {
    const t = await createTestApp('sqlite', { BLUEZONE_APP_DIR: path.join(tmpdir(), 'bluezone-no-app-here') });
    opened.push(t);
    const response = await t.app.inject({ method: 'GET', url: '/app/' });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('npm run build:mobile');
    expect(response.body).toContain('chưa được build');
  });
});
