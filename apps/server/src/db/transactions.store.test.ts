import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { AuditService, type AuditRepository } from '../audit/audit.service.js';
import { IdentityStore } from '../identity/identity.store.js';
import { PasswordHasher } from '../identity/password.js';
import { UsersService } from '../identity/users.service.js';
import { fakeClock, systemRandom } from '../platform/platform.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { officialProvinceUnits } from '../units/units.seed.js';
import { UnitsStore } from '../units/units.store.js';
import { UnitsService } from '../units/units.service.js';
import { databaseTransactions, noTransactions, type Transactions } from './transactions.js';

describeEachDialect('a change and its audit row', (dialect) => {
  let t: TestDatabase;
  const clock = fakeClock();
  const platform = { clock, random: systemRandom };
  const failingAudit: AuditRepository = {
    append: async () => {
      throw new Error('the audit log cannot be written');
    },
    list: async () => [],
  };
  const usersService = (transactions: Transactions) => {
    const audit = new AuditService(failingAudit, clock);
    const units = new UnitsService(new UnitsStore(t.db), { province: '20' }, clock, audit, transactions);
    return new UsersService(new IdentityStore(t.db), units, new PasswordHasher(1024, systemRandom), audit, platform, transactions);
  };
  const account = (username: string) => ({ username, displayName: 'X', password: 'long enough pw', role: 'unit_officer' as const, unitCode: '06184' });

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    await new UnitsStore(t.db).insertMissing(officialProvinceUnits('20'), clock.now());
  });
  afterAll(async () => t?.close());

  it('leave no account behind when the audit row cannot be written', async () => {
    await expect(usersService(databaseTransactions(t.db)).create(SYSTEM_ACTOR, account('atomic'))).rejects.toThrow('audit log');
    expect(await new IdentityStore(t.db).findByUsername('atomic')).toBeUndefined();
  });

  it('would leave one behind without the transaction (the test above can fail)', async () => {
    await expect(usersService(noTransactions).create(SYSTEM_ACTOR, account('orphan'))).rejects.toThrow('audit log');
    expect(await new IdentityStore(t.db).findByUsername('orphan')).toBeDefined();
  });

  it('nest: an inner run joins the outer transaction and rolls back with it', async () => {
    const transactions = databaseTransactions(t.db);
    const store = new UnitsStore(t.db);
    await expect(
      transactions.run(async () => {
        await transactions.run(() => store.insert({ code: 'NEST-1', parentCode: '20', level: 'village', name: 'a', fullName: 'a', nameEn: 'a', fullNameEn: 'a' }, clock.now()));
        throw new Error('outer fails after the inner run');
      }),
    ).rejects.toThrow('outer fails');
    expect(await store.get('NEST-1')).toBeUndefined();
  });
});
