import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { describeEachDialect } from '../test-support/databases.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

describeEachDialect('access log', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  it('writes one line a request, when it completes, with its method, path, status and time', async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({ write: (chunk, _encoding, done) => void (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) });
    const app = await buildApp({ config: t.config, services: t.services, logger: { level: 'info', stream } });
    try {
      await app.inject({ method: 'POST', url: '/api/v1/verify', payload: { code: '00000000' } });
      await app.inject({ method: 'GET', url: '/api/v1/units?q=x' });
      await app.inject({ method: 'GET', url: '/healthz' });
      expect(lines.map((l) => l.msg)).toEqual(['request completed', 'request completed', 'request completed']);
      expect(lines.map((l) => [l.req, (l.res as { statusCode: number }).statusCode])).toEqual([
        [{ method: 'POST', url: '/api/v1/verify' }, 400],
        [{ method: 'GET', url: '/api/v1/units' }, 401],
        [{ method: 'GET', url: '/healthz' }, 200],
      ]);
      for (const line of lines) expect(typeof line.responseTime).toBe('number');
    } finally {
      await app.close();
    }
  });
});
