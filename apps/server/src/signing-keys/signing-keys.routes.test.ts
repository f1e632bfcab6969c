import { verifyExportSignature } from '@bluezone/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

describe('GET /api/v1/export-keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.services.signingKeys.ensureActiveKey();
  });
  afterAll(async () => t?.close());

  it('lists the active key to anyone, without a session, in the documented shape', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/export-keys' });
    expect(response.statusCode).toBe(200);
    const keys = response.json<Array<Record<string, string>>>();
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]!).sort()).toEqual(['algorithm', 'keyId', 'publicKeyPem', 'version']);
    expect(keys[0]).toMatchObject({ keyId: 'bluezone_vn', version: 'v1', algorithm: '1.2.840.10045.4.3.2' });
    expect(keys[0]!.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    // The listed key is a usable P-256 key: a signature-less check fails on the signature, not on the key.
    expect(verifyExportSignature(new Uint8Array(16), [], keys[0]!.publicKeyPem!)).toMatchObject({ valid: false, code: 'export_signature_missing' });
  });
});
