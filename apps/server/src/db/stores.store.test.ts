import { afterAll, beforeAll, expect, it } from 'vitest';
import { AgenciesStore } from '../agencies/agencies.store.js';
import { AuditStore } from '../audit/audit.store.js';
import { IdentityStore } from '../identity/identity.store.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { searchText } from '../units/units.model.js';
import { officialProvinceUnits } from '../units/units.seed.js';
import { UnitsStore } from '../units/units.store.js';
import { migrateToLatest } from './migrate.js';

const at = new Date('2026-11-23T08:00:00.000Z');

// One conformance suite: every store must behave the same on SQLite and PostgreSQL.
describeEachDialect('stores', (dialect) => {
  let t: TestDatabase;
  let units: UnitsStore;
  let identity: IdentityStore;
  let agencies: AgenciesStore;
  let audit: AuditStore;

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    units = new UnitsStore(t.db);
    identity = new IdentityStore(t.db);
    agencies = new AgenciesStore(t.db);
    audit = new AuditStore(t.db);
    await units.insertMissing(officialProvinceUnits('20'), at);
  });
  afterAll(async () => t?.close());

  it('applies migrations once: a second run has nothing to do', async () => {
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('seeds Lạng Sơn with its 65 wards and communes, and seeding again adds nothing', async () => {
    const children = await units.children('20');
    expect(children).toHaveLength(65);
    expect(children.filter((u) => u.level === 'ward')).toHaveLength(4);
    expect(children.filter((u) => u.level === 'commune')).toHaveLength(61);
    expect(await units.insertMissing(officialProvinceUnits('20'), at)).toBe(0);
    expect((await units.get('20'))?.parentCode).toBeNull();
  });

  it('searches by every word, without diacritics, and treats LIKE wildcards literally', async () => {
    const found = await units.search(searchText('dong dang').split(' '), 50);
    expect(found.map((u) => u.code)).toContain('06184');
    expect((await units.search(['lang', 'son'], 50)).map((u) => u.code)).toContain('20');
    expect(await units.search(['%'], 50)).toEqual([]);
    expect(await units.search(['_'], 50)).toEqual([]);
  });

  it('stores users with their unit name, and refuses a taken username as conflict', async () => {
    const id = await identity.insert(
      { username: 'nva', displayName: "Robert'); DROP TABLE users;--", passwordHash: 'h', role: 'unit_officer', unitCode: '06184', locale: 'vi' },
      at,
    );
    const user = await identity.findById(id);
    expect(user).toMatchObject({ username: 'nva', displayName: "Robert'); DROP TABLE users;--", unitName: 'Đồng Đăng', disabled: false });
    await expect(
      identity.insert({ username: 'nva', displayName: 'x', passwordHash: 'h', role: 'admin', unitCode: '20', locale: 'vi' }, at),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect(await identity.count()).toBe(1);
  });

  it('refuses a user in a unit that does not exist (foreign key)', async () => {
    await expect(
      identity.insert({ username: 'ghost', displayName: 'x', passwordHash: 'h', role: 'admin', unitCode: 'nope', locale: 'vi' }, at),
    ).rejects.toThrow();
    expect(await identity.findByUsername('ghost')).toBeUndefined();
  });

  it('filters users by text, unit and role, and updates them', async () => {
    const id = (await identity.findByUsername('nva'))!.id;
    expect(await identity.list({ q: 'NVA' })).toHaveLength(1);
    expect(await identity.list({ unit: '20' })).toHaveLength(0);
    expect(await identity.list({ role: 'unit_officer' })).toHaveLength(1);
    await identity.update(id, { disabled: true, locale: 'en', unitCode: '20' }, at);
    expect(await identity.findById(id)).toMatchObject({ disabled: true, locale: 'en', unitCode: '20', unitName: 'Lạng Sơn' });
    await identity.setLoginFailures(id, 3, '2026-11-23T09:00:00.000Z');
    expect(await identity.findById(id)).toMatchObject({ failedLogins: 3, lockedUntil: '2026-11-23T09:00:00.000Z' });
  });

  it('finds users by every word of their name, with or without diacritics, and follows a rename', async () => {
    const id = (await identity.findByUsername('nva'))!.id;
    await identity.update(id, { displayName: 'Lê Văn Nam' }, at);
    expect((await identity.list({ q: 'le van' })).map((u) => u.username)).toEqual(['nva']);
    expect((await identity.list({ q: 'LÊ  NAM' })).map((u) => u.username)).toEqual(['nva']);
    expect(await identity.list({ q: 'nam nvb' })).toHaveLength(0);
    expect(await identity.list({ q: '%' })).toHaveLength(0);
    await identity.update(id, { displayName: 'Trần Thị Hoa' }, at);
    expect(await identity.list({ q: 'le van' })).toHaveLength(0);
    expect((await identity.list({ q: 'tran hoa' })).map((u) => u.username)).toEqual(['nva']);
  });

  it('keeps sessions by token hash and ends them one by one or per user', async () => {
    const id = (await identity.findByUsername('nva'))!.id;
    for (const hash of ['a', 'b']) {
      await identity.insertSession({ tokenHash: hash, userId: id, csrfToken: 'c', createdAt: at.toISOString(), expiresAt: '2026-11-24T00:00:00.000Z' });
    }
    expect(await identity.findSession('a')).toMatchObject({ userId: id, csrfToken: 'c', lastSeenAt: at.toISOString() });
    await identity.touchSession('a', new Date('2026-11-23T08:05:00.000Z'));
    expect((await identity.findSession('a'))?.lastSeenAt).toBe('2026-11-23T08:05:00.000Z');
    await identity.deleteSessionsOfUser(id, 'a');
    expect(await identity.findSession('b')).toBeUndefined();
    expect(await identity.findSession('a')).toBeDefined();
    await identity.deleteExpiredSessions(new Date('2026-11-25T00:00:00.000Z'));
    expect(await identity.findSession('a')).toBeUndefined();
  });

  it('stores agencies, counts them per unit and refuses duplicate codes', async () => {
    const id = await agencies.insert({ code: '20-001', name: 'Sở Y tế', unitCode: '20', group: 'sở, ban, ngành' }, at);
    await agencies.insert({ code: '06184-001', name: 'UBND xã Đồng Đăng', unitCode: '06184', group: null }, at);
    expect(await agencies.countInUnit('20')).toBe(1);
    expect((await agencies.list('20')).map((a) => a.name)).toEqual(['Sở Y tế']);
    expect(await agencies.list()).toHaveLength(2);
    await expect(agencies.insert({ code: '20-001', name: 'x', unitCode: '20', group: null }, at)).rejects.toMatchObject({ code: 'conflict' });
    await agencies.update(id, { group: null, name: 'Sở Y tế Lạng Sơn' }, at);
    expect(await agencies.get(id)).toMatchObject({ group: null, name: 'Sở Y tế Lạng Sơn', createdAt: at.toISOString() });
  });

  it('appends audit entries and pages them newest first', async () => {
    for (let i = 0; i < 5; i++) {
      await audit.append({ actor: { id: 1, username: i % 2 ? 'admin' : 'nva' }, action: `test.${i}`, targetType: 'user', targetId: i, detail: { i } }, at);
    }
    const page = await audit.list({ limit: 2 });
    expect(page.map((e) => e.action)).toEqual(['test.4', 'test.3']);
    expect(page[0]).toMatchObject({ actorId: 1, actorUsername: 'nva', targetId: '4', detail: { i: 4 }, at: at.toISOString() });
    const next = await audit.list({ limit: 2, before: page[1]!.id });
    expect(next.map((e) => e.action)).toEqual(['test.2', 'test.1']);
    expect((await audit.list({ limit: 10, actor: 'admin' })).map((e) => e.action)).toEqual(['test.3', 'test.1']);
    expect(await audit.list({ limit: 10, action: 'test.0' })).toHaveLength(1);
  });
});
