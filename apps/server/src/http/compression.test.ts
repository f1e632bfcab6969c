import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { CSRF_TOKEN_ROUTES } from './compression.js';

// What a browser, a phone and a CDN get back in bytes and headers: compressed where it helps and hides nothing,
// cached for a year where a file's name changes with its content.
describe('compression and caching of answers', () => {
  let t: TestApp;
  const script = `export const reasons = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `lý do ${i}`))};\n`;
  const page = `<!doctype html><title>Bluezone</title><script type="module" src="/assets/main-4f2a9c.js"></script>${'<!-- -->'.repeat(200)}`;
  // At other levels than the server compresses with as it answers (brotli 4, gzip 6), so an answer sent from these
  // files is told from one compressed anew (checked in the first test).
  const builtBrotli = brotliCompressSync(Buffer.from(script), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  const builtGzip = gzipSync(Buffer.from(script), { level: 1 });

  beforeAll(async () => {
    const consoleDir = mkdtempSync(path.join(tmpdir(), 'bluezone-console-'));
    mkdirSync(path.join(consoleDir, 'assets'));
    writeFileSync(path.join(consoleDir, 'index.html'), page);
    writeFileSync(path.join(consoleDir, 'assets', 'main-4f2a9c.js'), script);
    writeFileSync(path.join(consoleDir, 'assets', 'main-4f2a9c.js.br'), builtBrotli);
    writeFileSync(path.join(consoleDir, 'assets', 'main-4f2a9c.js.gz'), builtGzip);
    const appDir = mkdtempSync(path.join(tmpdir(), 'bluezone-app-'));
    mkdirSync(path.join(appDir, '_expo', 'static', 'js', 'web'), { recursive: true });
    writeFileSync(path.join(appDir, 'index.html'), '<!doctype html><title>Bluezone app</title>');
    writeFileSync(path.join(appDir, '_expo', 'static', 'js', 'web', 'index-9b1e.js'), script);
    writeFileSync(path.join(appDir, 'reset.css'), `html{margin:0}${' '.repeat(2000)}`);
    t = await createTestApp('sqlite', { BLUEZONE_CONSOLE_DIR: consoleDir, BLUEZONE_APP_DIR: appDir });
    mkdirSync(path.join(t.config.exportsDir, 'VN'), { recursive: true });
    writeFileSync(path.join(t.config.exportsDir, 'VN', 'index.txt'), 'VN/1795910400-1795914000-00001.zip\n'.repeat(100));
  });
  afterAll(async () => t?.close());

  const get = (url: string, acceptEncoding?: string) => t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends the console’s scripts from the .br or .gz its build wrote, cached for a year, and plain to a client that accepts neither', async () => {
    expect(builtBrotli).not.toEqual(brotliCompressSync(Buffer.from(script), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }));
    expect(builtGzip).not.toEqual(gzipSync(Buffer.from(script)));
    const brotli = await get('/assets/main-4f2a9c.js', 'gzip, deflate, br');
    expect(brotli.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding' });
    expect(brotli.rawPayload).toEqual(builtBrotli);
    const gzip = await get('/assets/main-4f2a9c.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.rawPayload).toEqual(builtGzip);
    const plain = await get('/assets/main-4f2a9c.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('accept-encoding');
    expect(plain.body).toBe(script);
  });

  it('has the console’s page revalidated on every visit, so a new build’s scripts are found at once', async () => {
    for (const url of ['/', '/khai-bao']) {
      const response = await get(url, 'br');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(page);
    }
  });

  it('compresses the app’s files as it sends them, its hashed bundles cached for a year and its other files revalidated', async () => {
    const plainBundle = await get('/app/_expo/static/js/web/index-9b1e.js');
    expect(plainBundle.headers).toMatchObject({ vary: 'accept-encoding', 'cache-control': 'public, max-age=31536000, immutable' });
    const bundle = await get('/app/_expo/static/js/web/index-9b1e.js', 'gzip');
    expect(bundle.headers).toMatchObject({ 'content-encoding': 'gzip', 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding' });
    expect(gunzipSync(bundle.rawPayload).toString()).toBe(script);
    const styles = await get('/app/reset.css', 'br');
    expect(styles.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'no-cache' });
  });

  it('compresses the API’s longer answers, and leaves the short ones as they are', async () => {
    const long = await get('/api/v1/openapi.json', 'br');
    expect(long.headers).toMatchObject({ 'content-encoding': 'br', 'cache-control': 'no-store' });
    expect(JSON.parse(brotliDecompressSync(long.rawPayload).toString()).openapi).toMatch(/^3\./);
    const short = await get('/healthz', 'br');
    expect(short.statusCode).toBe(200);
    expect(short.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses a phone’s upload answers, whose padded length must not depend on what they say', async () => {
    for (const [url, body] of [
      ['/api/v1/verify', { code: '00000000' }],
      ['/api/v1/certificate', { token: 'x', ekeyhmac: 'y' }],
      ['/api/v1/publish', {}],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url, payload: body, headers: { 'accept-encoding': 'br, gzip' } });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.headers['content-encoding'], url).toBeUndefined();
      expect(response.body.length, url).toBeGreaterThan(3000);
      expect(JSON.parse(response.body).padding, url).toBeTruthy();
    }
  });

  it('leaves uncompressed every answer that carries the CSRF token, as the API document lists them', async () => {
    const document = JSON.parse((await get('/api/v1/openapi.json')).body) as { paths: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
    const carrying = Object.entries(document.paths)
      .filter(([, methods]) => Object.values(methods).some((operation) => JSON.stringify(operation.responses?.['200'] ?? {}).includes('"csrfToken"')))
      .map(([path]) => path);
    expect(carrying.sort()).toEqual([...CSRF_TOKEN_ROUTES].sort());
  });

  it('never compresses export files, which a CDN caches by path alone', async () => {
    const index = await get('/exports/VN/index.txt', 'br, gzip');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-encoding']).toBeUndefined();
    expect(index.body).toContain('VN/1795910400-1795914000-00001.zip\n');
  });
});
