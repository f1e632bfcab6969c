import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test-support/databases.js';
import { ensureExposuresTable, insertExposures } from '../test-support/exposures.js';
import { createTestApp, errorCode, login, type TestApp } from '../test-support/test-app.js';

describeEachDialect('GET /api/v1/export-files', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureExposuresTable(t.database.db);
    await t.services.signingKeys.ensureActiveKey();
    await insertExposures(t.database.db, [{ keyData: new Uint8Array(16).fill(7), rollingStartInterval: 2_990_000, availableAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }]);
    await t.services.export.cutBatch('now');
  });
  afterAll(async () => t?.close());

  it('lists the live files with their sizes to health officers and administrators', async () => {
    const admin = await login(t.app);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/export-files', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const { files } = response.json<{ files: Array<Record<string, unknown>> }>();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ region: 'VN', batchNum: 1, batchSize: 1, name: expect.stringMatching(/^VN\/\d+-\d+-00001\.zip$/) });
    expect(files[0]!.keys).toBeGreaterThanOrEqual(1000);
    expect(files[0]!.bytes).toBeGreaterThan(0);

    await t.services.users.create({ id: 1, username: 'admin' }, { username: 'ward', displayName: 'Ward', password: 'ward password 1', role: 'unit_officer', unitCode: '06184' });
    const ward = await login(t.app, 'ward', 'ward password 1');
    expect(errorCode(await t.app.inject({ method: 'GET', url: '/api/v1/export-files', headers: ward.headers }))).toBe('forbidden');
    expect(errorCode(await t.app.inject({ method: 'GET', url: '/api/v1/export-files' }))).toBe('unauthenticated');
  });
});
