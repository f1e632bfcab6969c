import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_APP_CONFIGURATION, appConfigurationSchema } from '@bluezone/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { ConfigError } from '../platform/env-reader.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';

const dir = mkdtempSync(path.join(tmpdir(), 'bluezone-app-config-'));
const file = (name: string, value: unknown) => {
  const target = path.join(dir, name);
  writeFileSync(target, typeof value === 'string' ? value : JSON.stringify(value));
  return target;
};
const problems = (env: Record<string, string>) => {
  try {
    loadConfig({ BLUEZONE_DATA_DIR: dir, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('the app configuration', () => {
  const opened: TestApp[] = [];
  afterAll(async () => Promise.all(opened.map((t) => t.close())));
  const served = async (env: Record<string, string>) => {
    const t = await createTestApp('sqlite', env);
    opened.push(t);
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/app-config' });
    expect(response.statusCode).toBe(200);
    return appConfigurationSchema.parse(response.json());
  };

  it('serves the defaults with this server’s region and first health authority, to anyone', async () => {
    expect(await served({ BLUEZONE_REGION: 'VN_20', BLUEZONE_HEALTH_AUTHORITIES: 'vn.langson,vn.bluezone' })).toEqual({
      ...DEFAULT_APP_CONFIGURATION,
      region: 'VN_20',
      healthAuthorityId: 'vn.langson',
    });
  });

  it('takes a province’s file over the defaults', async () => {
    const settings = { version: 7, serverUrl: 'https://bluezone.langson.gov.vn', tracing: { scanIntervalSeconds: 240, scanWindowSeconds: 6, rotationMinSeconds: 600, rotationMaxSeconds: 1200 } };
    expect(await served({ BLUEZONE_APP_CONFIG_FILE: file('ok.json', settings) })).toEqual({ ...DEFAULT_APP_CONFIGURATION, ...settings });
  });

  it('refuses to start on a file that is not one JSON object, breaks the schema, or holds a risk configuration the protocol refuses', () => {
    expect(problems({ BLUEZONE_APP_CONFIG_FILE: file('bad.json', '{ nope') })[0]).toMatch(/BLUEZONE_APP_CONFIG_FILE: cannot read .* as JSON/);
    expect(problems({ BLUEZONE_APP_CONFIG_FILE: file('list.json', [1]) })).toEqual([expect.stringMatching(/must hold one JSON object/)]);
    expect(problems({ BLUEZONE_APP_CONFIG_FILE: file('schema.json', { tracing: { scanIntervalSeconds: 10, scanWindowSeconds: 4, rotationMinSeconds: 600, rotationMaxSeconds: 1200 } }) })).toEqual([
      expect.stringMatching(/^BLUEZONE_APP_CONFIG_FILE: tracing\.scanIntervalSeconds: /),
    ]);
    expect(problems({ BLUEZONE_APP_CONFIG_FILE: file('unknown.json', { scanInterval: 5 }) })).toEqual([expect.stringMatching(/^BLUEZONE_APP_CONFIG_FILE: \(root\): .*scanInterval/)]);
    const risk = { exposure: { ...DEFAULT_APP_CONFIGURATION.exposure, riskConfiguration: { minutesAtAttenuationWeights: 'no' } } };
    expect(problems({ BLUEZONE_APP_CONFIG_FILE: file('risk.json', risk) })[0]).toMatch(/exposure\.riskConfiguration/);
    expect(problems({ BLUEZONE_APP_CONFIG_FILE: path.join(dir, 'missing.json') })[0]).toMatch(/cannot read/);
  });

  it('leaves the region and health authority to the server’s own settings, so the two cannot disagree', () => {
    expect(problems({ BLUEZONE_APP_CONFIG_FILE: file('own.json', { region: 'XX', healthAuthorityId: 'other' }) })).toEqual([
      'BLUEZONE_APP_CONFIG_FILE: region: set by BLUEZONE_REGION, not in this file',
      'BLUEZONE_APP_CONFIG_FILE: healthAuthorityId: set by BLUEZONE_HEALTH_AUTHORITIES, not in this file',
    ]);
  });
});
