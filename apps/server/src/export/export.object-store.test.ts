import { readExportZip, verifyExportZip } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { startTestS3, type TestS3 } from '../test-support/s3-server.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { EXPORT_FILE_CACHE_CONTROL, EXPORT_INDEX_CACHE_CONTROL } from './export.cache.js';

// The export domain as configured for an object store: the same batches, put into a bucket with the AWS SDK.
describe('export files in an S3-compatible bucket', () => {
  let s3: TestS3;
  let t: TestApp;
  const env = () => ({
    BLUEZONE_EXPORT_S3_BUCKET: 'bluezone-exports',
    BLUEZONE_EXPORT_S3_ENDPOINT: s3.endpoint,
    BLUEZONE_EXPORT_S3_PREFIX: 'lang-son/',
    BLUEZONE_EXPORTS_PUBLIC_URL: 'https://cdn.example.vn/exports',
    BLUEZONE_EXPORT_SETTLE: '0',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });

  beforeAll(async () => {
    s3 = await startTestS3();
    // The SDK reads credentials from the environment, as in production.
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' });
    t = await createTestApp('sqlite', env());
    await t.services.signingKeys.ensureActiveKey();
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('puts every file and index.txt with their types and caching, and the files verify', async () => {
    const batch = await t.services.export.cutBatch('now');
    expect(batch!.files).toHaveLength(1);
    const name = batch!.files[0]!.name;
    const zip = s3.objects.get(`/bluezone-exports/lang-son/${name}`)!;
    expect(zip).toMatchObject({ contentType: 'application/zip', cacheControl: EXPORT_FILE_CACHE_CONTROL });
    const [key] = await t.services.signingKeys.listPublished();
    expect(verifyExportZip(new Uint8Array(zip.body), key!.publicKeyPem)).toMatchObject({ valid: true });
    expect(readExportZip(new Uint8Array(zip.body)).export.keys.length).toBeGreaterThanOrEqual(1000);
    const index = s3.objects.get('/bluezone-exports/lang-son/VN/index.txt')!;
    expect(index).toMatchObject({ contentType: 'text/plain; charset=utf-8', cacheControl: EXPORT_INDEX_CACHE_CONTROL });
    expect(index.body.toString()).toBe(`${name}\n`);
    // The file went up before the index that lists it.
    const order = s3.requests.filter((r) => r.startsWith('PUT'));
    expect(order.indexOf(`PUT /bluezone-exports/lang-son/${name}`)).toBeLessThan(order.lastIndexOf('PUT /bluezone-exports/lang-son/VN/index.txt'));
  });

  it('sends phones asking this server for /exports/ to the public URL', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/exports/VN/index.txt' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('https://cdn.example.vn/exports/VN/index.txt');
  });

  it('removes expired files from the bucket, index first', async () => {
    t.clock.advance(15 * 86400);
    const before = [...s3.objects.keys()].filter((k) => k.endsWith('.zip'));
    const { filesDeleted } = await t.services.export.applyRetention();
    expect(filesDeleted).toBe(before.length);
    expect([...s3.objects.keys()].filter((k) => k.endsWith('.zip'))).toEqual([]);
    expect(s3.objects.get('/bluezone-exports/lang-son/VN/index.txt')!.body.toString()).toBe('');
  });

  it('refuses a half configuration at start, naming the variable', () => {
    expect(() => loadConfig({ BLUEZONE_EXPORT_S3_ENDPOINT: 'http://minio:9000' })).toThrow(/BLUEZONE_EXPORT_S3_BUCKET/);
    expect(() => loadConfig({ BLUEZONE_EXPORT_S3_BUCKET: 'Not_A_Bucket' })).toThrow(/not a bucket name/);
    expect(() => loadConfig({ BLUEZONE_EXPORT_S3_BUCKET: 'b-1', BLUEZONE_EXPORT_S3_PREFIX: 'no-slash' })).toThrow(/BLUEZONE_EXPORT_S3_PREFIX/);
  });
});
