import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, openRuntime } from '@bluezone/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { insertDeclaration } from '../../../server/src/test-support/declarations.js';
import { bufferIo } from '../io.js';
import { main } from '../main.js';

const run = async (...args: string[]) => {
  const io = bufferIo();
  const code = await main(args, io);
  return { code, out: io.stdout(), err: io.stderr() };
};

// `declarations purge` against the server's own data directory, as an operator runs it beside the server.
describe('bluezone declarations purge', () => {
  beforeEach(() => {
    vi.stubEnv('BLUEZONE_DATA_DIR', mkdtempSync(path.join(tmpdir(), 'bluezone-purge-')));
    vi.stubEnv('DATABASE_URL', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('deletes the declarations older than the retention and keeps the others', async () => {
    const runtime = await openRuntime(loadConfig(process.env));
    try {
      await runtime.services.units.seedOfficialUnits();
      const day = 86_400_000;
      await insertDeclaration(runtime.db, ['06184'], { declaredAt: new Date(Date.now() - 31 * day).toISOString() });
      await insertDeclaration(runtime.db, ['06184'], { declaredAt: new Date(Date.now() - 29 * day).toISOString() });
    } finally {
      await runtime.close();
    }
    const first = await run('declarations', 'purge');
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/^deleted 1 declaration made before \d{4}-\d{2}-\d{2}T[\d:.]+Z \(retention 30 days\)\n$/);
    vi.stubEnv('BLUEZONE_DECLARATION_RETENTION', '14d');
    const second = await run('declarations', 'purge', '--json');
    expect(JSON.parse(second.out)).toMatchObject({ deleted: 1 });
  });

  it('refuses a retention under the floor with the variable’s name, exit 1', async () => {
    vi.stubEnv('BLUEZONE_DECLARATION_RETENTION', '7d');
    const result = await run('declarations', 'purge');
    expect(result.code).toBe(1);
    expect(result.err).toContain('BLUEZONE_DECLARATION_RETENTION');
  });

  it('is a usage error with an unknown flag, exit 2', async () => {
    expect((await run('declarations', 'purge', '--now')).code).toBe(2);
  });
});
