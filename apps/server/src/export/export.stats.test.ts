import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../test-support/databases.js';
import { insertExposures } from '../test-support/exposures.js';
import { createTestApp, login, type TestApp } from '../test-support/test-app.js';

// The export files as health officers see them in the exposure-notification statistics.
describeEachDialect('export files in GET /api/v1/stats/exposure-notification', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.services.signingKeys.ensureActiveKey();
    await insertExposures(t.database.db, [{ keyData: new Uint8Array(16).fill(7), rollingStartInterval: 2_990_000, availableAt: new Date(t.clock.now().getTime() - 60_000).toISOString() }]);
    await t.services.export.cutBatch('now');
  });
  afterAll(async () => t?.close());

  it('lists the live files with their names, windows and sizes', async () => {
    const admin = await login(t.app);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/stats/exposure-notification', headers: admin.headers });
    expect(response.statusCode).toBe(200);
    const { exportFiles } = response.json<{ exportFiles: Array<Record<string, unknown>> }>();
    expect(exportFiles).toHaveLength(1);
    expect(exportFiles[0]).toMatchObject({ region: 'VN', batchNum: 1, batchSize: 1, name: expect.stringMatching(/^VN\/\d+-\d+-00001\.zip$/) });
    // Padding makes every file hold at least the minimum: its key count says nothing about how many published.
    expect(exportFiles[0]!.keys).toBeGreaterThanOrEqual(1000);
    expect(exportFiles[0]!.bytes).toBeGreaterThan(0);
  });
});
