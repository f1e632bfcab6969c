import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandler } from './errors.js';
import { installInputGuard } from './input-guard.js';

/** The guard alone, on a route that echoes its body: what it refuses, and the field it names. */
async function guarded(body: unknown) {
  const app = Fastify();
  installErrorHandler(app);
  installInputGuard(app);
  app.post('/echo', async (request) => request.body);
  const response = await app.inject({ method: 'POST', url: '/echo', payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  await app.close();
  return { status: response.statusCode, body: response.json() };
}

const nested = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { a: nested(depth - 1, leaf) });

describe('input guard', () => {
  it('lets a phone\'s publish through untouched', async () => {
    const body = { temporaryExposureKeys: [{ key: 'AAAAAAAAAAAAAAAAAAAAAA==', rollingStartNumber: 1, rollingPeriod: 144, transmissionRisk: 0 }], traveler: false, note: 'line\nbreak\ttab' };
    expect(await guarded(body)).toEqual({ status: 200, body });
  });

  it('names the path of a control character in a nested string, and in a key', async () => {
    const value = await guarded({ keys: [{ key: 'ok' }, { key: 'a\u0000b' }] });
    expect(value.body.error.fields).toEqual([{ field: 'keys.1.key', problem: 'control_character' }]);
    const key = await guarded({ outer: { 'bad\u0007key': 1 } });
    expect(key.body.error.fields).toEqual([{ field: 'outer', problem: 'control_character' }]);
    expect((await guarded({ 'x\u0001': 1 })).body.error.fields).toEqual([{ field: 'body', problem: 'control_character' }]);
  });

  it('refuses nesting deeper than 16 levels, whatever the leaf, and accepts 16', async () => {
    expect((await guarded(nested(16, 1))).status).toBe(200);
    expect((await guarded(nested(16, 'x'))).status).toBe(200);
    for (const leaf of [1, null, true, 'x', {}]) {
      const deep = await guarded(nested(17, leaf));
      expect(deep.status).toBe(400);
      expect(deep.body.error.fields).toEqual([{ field: Array(16).fill('a').join('.'), problem: 'too_big', limit: 16 }]);
    }
  });
});
