import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bufferIo } from '../io.js';
import { ROLES } from '@bluezone/server';
import { main } from '../main.js';
import { ACCOUNT_ROLES } from './server.js';

describe('bluezone db / admin', () => {
  beforeEach(() => {
    vi.stubEnv('BLUEZONE_DATA_DIR', mkdtempSync(path.join(tmpdir(), 'bluezone-cli-')));
    vi.stubEnv('BLUEZONE_SCRYPT_COST', '1024');
    vi.stubEnv('BLUEZONE_ADMIN_PASSWORD', 'first admin password');
    vi.stubEnv('DATABASE_URL', '');
  });
  afterEach(() => vi.unstubAllEnvs());

  const run = async (...args: string[]) => {
    const io = bufferIo();
    const code = await main(args, io);
    return { code, out: io.stdout(), err: io.stderr() };
  };
  const createUser = (...extra: string[]) =>
    run('admin', 'create-user', '--username', 'officer', '--password', 'officer password', '--role', 'unit_officer', '--unit', '06184', ...extra);

  it('migrates once, then reports the database up to date', async () => {
    // Every migration applies on the first run, the first one first; later domains add theirs after it.
    expect(await run('db', 'migrate')).toMatchObject({ code: 0, out: expect.stringMatching(/^applied 0001_initial\n(applied \w+\n)*$/) });
    expect(await run('db', 'migrate')).toMatchObject({ code: 0, out: 'database is up to date\n' });
  });

  it('creates a user, and refuses the same username again', async () => {
    const first = await createUser('--display-name', 'Nguyễn Văn A');
    expect(first.code).toBe(0);
    expect(first.out).toContain('created user "officer"');
    expect(first.out).toContain('Đồng Đăng');
    const again = await createUser();
    expect(again.code).toBe(1);
    expect(again.err).toBe('error: username officer is taken\n');
  });

  it('refuses an unknown unit, an unknown role and a short password with messages naming the flags', async () => {
    const unit = await run('admin', 'create-user', '--username', 'abc1', '--password', 'long password', '--role', 'admin', '--unit', '99999');
    expect(unit).toMatchObject({ code: 1, err: 'error: no unit with code 99999\n' });
  });

  it('lists in its help exactly the roles the contract accepts', async () => {
    expect(ACCOUNT_ROLES).toEqual(ROLES);
    expect((await run('admin', 'create-user', '--help')).out.replace(/\s+/g, ' ')).toContain(ROLES.join(', '));
  });

  it('refuses bad values as usage errors (exit 2), in sentences that name the flag rather than schema text', async () => {
    const bad = await run('admin', 'create-user', '--username', 'abc2', '--password', 'short', '--role', 'root', '--unit', '20');
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toContain('--password must be at least 10 characters');
    expect(bad.err).toContain('--role must be one of: admin, health_officer, unit_officer, agency_reporter, campaign_issuer');
    const name = await run('admin', 'create-user', '--username', 'lê văn', '--password', 'long password', '--role', 'admin', '--unit', '20');
    expect(name).toMatchObject({ code: 2, out: '' });
    expect(name.err).toContain('--username may contain only lower-case letters, digits, ".", "-" and "_"');
    const short = await run('admin', 'create-user', '--username', 'ab', '--password', 'x'.repeat(300), '--role', 'admin', '--unit', 'a b');
    expect(short.code).toBe(2);
    expect(short.err).toContain('--username must be at least 3 characters');
    expect(short.err).toContain('--password must be at most 256 characters');
    expect(short.err).toContain('--unit may contain only letters, digits, "-" and "_"');
    for (const result of [bad, name, short]) expect(result.err).not.toMatch(/Too small|Too big|Invalid|expected string/);
  });

  it('creates an agency reporter for an agency of their unit, and refuses one without an agency or with an unknown one', async () => {
    expect((await run('db', 'migrate')).code).toBe(0);
    // The agency is added the way the console does it, through the server's services on the same data directory.
    const { loadConfig, prepareRuntime, SYSTEM_ACTOR } = await import('@bluezone/server');
    const runtime = await prepareRuntime(loadConfig(process.env), () => undefined);
    await runtime.services.agencies.create(SYSTEM_ACTOR, { code: 'DD-VH', name: 'Trung tâm Văn hóa Đồng Đăng', unitCode: '06184' });
    await runtime.close();

    const reporter = await run('admin', 'create-user', '--username', 'vh.dd', '--password', 'reporter password', '--role', 'agency_reporter', '--unit', '06184', '--agency', 'DD-VH', '--email', 'vh.dd@example.vn');
    expect(reporter).toMatchObject({ code: 0, out: expect.stringContaining('agency DD-VH Trung tâm Văn hóa Đồng Đăng') });
    const without = await run('admin', 'create-user', '--username', 'vh.dd2', '--password', 'reporter password', '--role', 'agency_reporter', '--unit', '06184');
    expect(without).toMatchObject({ code: 2, err: expect.stringContaining('--agency: an agency_reporter needs the agency they report for\n') });
    const unknown = await run('admin', 'create-user', '--username', 'vh.dd3', '--password', 'reporter password', '--role', 'agency_reporter', '--unit', '06184', '--agency', 'NOPE');
    expect(unknown).toMatchObject({ code: 1, err: 'error: no agency with code NOPE\n' });
    const officer = await run('admin', 'create-user', '--username', 'vh.dd4', '--password', 'officer password', '--role', 'unit_officer', '--unit', '06184', '--agency', 'DD-VH');
    expect(officer).toMatchObject({ code: 2, err: expect.stringContaining('--agency: only an agency_reporter reports for an agency\n') });
  });

  it('refuses to serve on bad configuration, listing every problem', async () => {
    vi.stubEnv('PORT', 'eighty');
    vi.stubEnv('BLUEZONE_PROVINCE', '99');
    const result = await run('serve');
    expect(result.code).toBe(1);
    expect(result.err).toContain('PORT: "eighty" is not a whole number');
    expect(result.err).toContain('BLUEZONE_PROVINCE: "99"');
  });
});
