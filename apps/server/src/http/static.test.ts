import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_FILE_CACHE_CONTROL, EXPORT_INDEX_CACHE_CONTROL } from '../export/export.cache.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

// What a phone and a CDN in front of the server see of /exports/.
describe('export files over HTTP', () => {
  let t: TestApp;
  const zip = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7) & 0xff));
  const name = 'VN/1795910400-1795914000-00001.zip';

  beforeAll(async () => {
    t = await createTestApp();
    mkdirSync(path.join(t.config.exportsDir, 'VN'), { recursive: true });
    writeFileSync(path.join(t.config.exportsDir, name), zip);
    writeFileSync(path.join(t.config.exportsDir, 'VN/index.txt'), `${name}\n`);
    writeFileSync(path.join(t.config.exportsDir, `${name}.123.tmp`), zip.subarray(0, 10));
  });
  afterAll(async () => t?.close());

  it('serves a zip for a year with its type, an ETag and byte ranges, and index.txt for a minute', async () => {
    const file = await t.app.inject({ method: 'GET', url: `/exports/${name}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(zip);
    expect(file.headers).toMatchObject({ 'content-type': 'application/zip', 'cache-control': EXPORT_FILE_CACHE_CONTROL, 'accept-ranges': 'bytes' });
    expect(file.headers.etag).toBeTruthy();
    expect(file.headers['last-modified']).toBeTruthy();
    const index = await t.app.inject({ method: 'GET', url: '/exports/VN/index.txt' });
    expect(index.statusCode).toBe(200);
    expect(index.body).toBe(`${name}\n`);
    expect(index.headers['cache-control']).toBe(EXPORT_INDEX_CACHE_CONTROL);
  });

  it('answers 304 to a phone that has the file already, and 206 to a resumed download', async () => {
    const { headers } = await t.app.inject({ method: 'GET', url: '/exports/VN/index.txt' });
    const again = await t.app.inject({ method: 'GET', url: '/exports/VN/index.txt', headers: { 'if-none-match': String(headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const rest = await t.app.inject({ method: 'GET', url: `/exports/${name}`, headers: { range: 'bytes=4000-' } });
    expect(rest.statusCode).toBe(206);
    expect(rest.headers['content-range']).toBe(`bytes 4000-4999/${zip.length}`);
    expect(rest.rawPayload).toEqual(zip.subarray(4000));
  });

  it('never serves a file still being written, nor anything outside the exports directory', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/exports/${name}.123.tmp` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/exports/../bluezone.sqlite' })).statusCode).toBe(404);
  });
});
