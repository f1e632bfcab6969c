import { beforeEach, describe, expect, it } from 'vitest';
import { AuditService } from '../audit/audit.service.js';
import { EnvReader } from '../platform/env-reader.js';
import { fakeClock, fakeRandom } from '../platform/platform.js';
import { FakeAuditStore, FakeIdentityStore, FakeUnitsStore } from '../test-support/fakes.js';
import { UnitsService } from '../units/units.service.js';
import { noTransactions } from '../db/transactions.js';
import { readIdentityConfig } from './identity.config.js';
import { IdentityService, hashToken } from './identity.service.js';
import { MemoryRateLimiter } from '../platform/rate-limiter.js';
import { PasswordHasher } from './password.js';
import { UsersService } from './users.service.js';

const config = readIdentityConfig(new EnvReader({ BLUEZONE_SCRYPT_COST: '1024', BLUEZONE_LOCKOUT_THRESHOLD: '2', BLUEZONE_LOCKOUT_DURATION: '10m' }));

describe('IdentityService with fake stores', () => {
  let store: FakeIdentityStore;
  let auditStore: FakeAuditStore;
  let clock: ReturnType<typeof fakeClock>;
  let identity: IdentityService;
  let users: UsersService;

  beforeEach(async () => {
    store = new FakeIdentityStore();
    auditStore = new FakeAuditStore();
    clock = fakeClock();
    const platform = { clock, random: fakeRandom() };
    const audit = new AuditService(auditStore, clock);
    const unitsStore = new FakeUnitsStore();
    const units = new UnitsService(unitsStore, { province: '20' }, clock, audit, noTransactions);
    await units.seedOfficialUnits();
    const passwords = new PasswordHasher(config.scryptCost, platform.random);
    identity = new IdentityService(store, passwords, new MemoryRateLimiter(100, 60, clock), audit, config, platform, noTransactions);
    users = new UsersService(store, units, passwords, audit, platform, noTransactions);
  });

  it('creates the first admin once, with a generated password it returns', async () => {
    const first = await users.bootstrapAdmin(undefined);
    expect(first?.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await users.bootstrapAdmin(undefined)).toBeUndefined();
    const signIn = await identity.login('admin', first!.generatedPassword!, '1.1.1.1');
    expect(signIn.user.role).toBe('admin');
    // Only the token's hash is stored.
    expect(store.sessions.has(signIn.token)).toBe(false);
    expect(store.sessions.has(hashToken(signIn.token))).toBe(true);
  });

  it('locks after the threshold, reports the lock, and unlocks when it expires', async () => {
    await users.bootstrapAdmin('the admin password');
    await expect(identity.login('admin', 'nope', 'ip')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(identity.login('admin', 'nope', 'ip')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(identity.login('admin', 'the admin password', 'ip')).rejects.toMatchObject({ code: 'account_locked' });
    clock.advance(600);
    await expect(identity.login('admin', 'the admin password', 'ip')).resolves.toBeDefined();
    expect(store.users.get(1)).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(auditStore.actions()).toEqual(['user.create', 'auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.login']);
  });

  it('a success resets the failure count', async () => {
    await users.bootstrapAdmin('the admin password');
    await expect(identity.login('admin', 'nope', 'ip')).rejects.toThrow();
    await identity.login('admin', 'the admin password', 'ip');
    await expect(identity.login('admin', 'nope', 'ip')).rejects.toMatchObject({ code: 'invalid_credentials' });
    await expect(identity.login('admin', 'the admin password', 'ip')).resolves.toBeDefined();
  });

  it('expires sessions at their absolute lifetime even when used', async () => {
    await users.bootstrapAdmin('the admin password');
    const { token } = await identity.login('admin', 'the admin password', 'ip');
    for (let elapsed = 0; elapsed + 600 < config.sessionTtlSeconds; elapsed += 600) {
      clock.advance(600);
      expect(await identity.authenticate(token)).toBeDefined();
    }
    clock.advance(600);
    expect(await identity.authenticate(token)).toBeUndefined();
    expect(store.sessions.size).toBe(0);
  });

  it('never writes a password into the audit log', async () => {
    await users.bootstrapAdmin('the admin password');
    const user = await users.create({ id: 1, username: 'admin', unitCode: '20' }, { username: 'u1', displayName: 'U', password: 'secret password 1', role: 'unit_officer', unitCode: '06184' });
    await users.update({ id: 1, username: 'admin', unitCode: '20' }, user.id, { password: 'secret password 2' });
    const text = JSON.stringify(auditStore.entries);
    expect(text).not.toContain('secret password');
    expect(text).not.toContain('scrypt$');
    expect(auditStore.entries[0]?.detail).toMatchObject({ passwordReset: true });
  });
});
