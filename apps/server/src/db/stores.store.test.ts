import { afterAll, beforeAll, expect, it } from 'vitest';
import { AgenciesStore } from '../agencies/agencies.store.js';
import { AuditStore } from '../audit/audit.store.js';
import { IdentityStore } from '../identity/identity.store.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { searchWords } from '../platform/search-text.js';
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
    const children = await units.children('20', 100);
    expect(children).toHaveLength(65);
    expect(children.filter((u) => u.level === 'ward')).toHaveLength(4);
    expect(children.filter((u) => u.level === 'commune')).toHaveLength(61);
    expect(await units.insertMissing(officialProvinceUnits('20'), at)).toBe(0);
    expect((await units.get('20'))?.parentCode).toBeNull();
  });

  it('pages children by code: a page, then the rest after its last code, with none repeated', async () => {
    const first = await units.children('20', 40);
    const rest = await units.children('20', 40, first.at(-1)!.code);
    expect(first).toHaveLength(40);
    expect(rest).toHaveLength(25);
    expect(new Set([...first, ...rest].map((u) => u.code)).size).toBe(65);
  });

  it('searches by every word, without diacritics, or by code prefix, and treats LIKE wildcards literally', async () => {
    const found = await units.search(searchWords('dong dang'), undefined, 50);
    expect(found.map((u) => u.code)).toContain('06184');
    expect((await units.search(['lang', 'son'], undefined, 50)).map((u) => u.code)).toContain('20');
    expect((await units.search(['0618'], '0618', 50)).map((u) => u.code)).toEqual(['06184', '06187']);
    expect(await units.search(['%'], undefined, 50)).toEqual([]);
    expect(await units.search(['_'], '_', 50)).toEqual([]);
  });

  it('walks the tree up and down at any depth, with recursive queries', async () => {
    await units.insert({ code: 'T-1', parentCode: '06184', level: 'village', name: 'Thôn 1', fullName: 'Thôn 1', nameEn: 'Hamlet 1', fullNameEn: 'Hamlet 1' }, at);
    await units.insert({ code: 'T-1-A', parentCode: 'T-1', level: 'group', name: 'Tổ A', fullName: 'Tổ A', nameEn: 'Group A', fullNameEn: 'Group A' }, at);
    expect(await units.ancestors('T-1-A')).toEqual(['T-1-A', 'T-1', '06184', '20']);
    expect(await units.ancestors('20')).toEqual(['20']);
    expect(await units.ancestors('nope')).toEqual([]);
    expect((await units.subtree('06184')).sort()).toEqual(['06184', 'T-1', 'T-1-A']);
    expect(await units.subtree('20')).toHaveLength(68);
    expect(await units.subtree('nope')).toEqual([]);
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
    // A unit filter takes its whole subtree: the province holds its wards' officials.
    expect(await identity.list({ q: 'NVA', unit: '20' }, 10)).toHaveLength(1);
    expect(await identity.list({ unit: '06184' }, 10)).toHaveLength(1);
    expect(await identity.list({ unit: '05977' }, 10)).toHaveLength(0);
    expect(await identity.list({ role: 'unit_officer', unit: '20' }, 10)).toHaveLength(1);
    expect(await identity.list({ unit: '20' }, 10, 'nva')).toHaveLength(0);
    await identity.update(id, { disabled: true, locale: 'en', unitCode: '20' }, at);
    expect(await identity.findById(id)).toMatchObject({ disabled: true, locale: 'en', unitCode: '20', unitName: 'Lạng Sơn' });
    await identity.setLoginFailures(id, 3, '2026-11-23T09:00:00.000Z');
    expect(await identity.findById(id)).toMatchObject({ failedLogins: 3, lockedUntil: '2026-11-23T09:00:00.000Z' });
  });

  it('finds users by every word of their name, with or without diacritics, and follows a rename', async () => {
    const id = (await identity.findByUsername('nva'))!.id;
    await identity.update(id, { displayName: 'Lê Văn Nam' }, at);
    expect((await identity.list({ q: 'le van', unit: '20' }, 10)).map((u) => u.username)).toEqual(['nva']);
    expect((await identity.list({ q: 'LÊ  NAM', unit: '20' }, 10)).map((u) => u.username)).toEqual(['nva']);
    expect(await identity.list({ q: 'nam nvb', unit: '20' }, 10)).toHaveLength(0);
    expect(await identity.list({ q: '%', unit: '20' }, 10)).toHaveLength(0);
    await identity.update(id, { displayName: 'Trần Thị Hoa' }, at);
    expect(await identity.list({ q: 'le van', unit: '20' }, 10)).toHaveLength(0);
    expect((await identity.list({ q: 'tran hoa', unit: '20' }, 10)).map((u) => u.username)).toEqual(['nva']);
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
    expect((await agencies.list('20', 10)).map((a) => a.name)).toEqual(['Sở Y tế']);
    expect((await agencies.list(undefined, 10)).map((a) => a.name)).toEqual(['Sở Y tế', 'UBND xã Đồng Đăng']);
    expect((await agencies.list(undefined, 10, ['Sở Y tế', id])).map((a) => a.name)).toEqual(['UBND xã Đồng Đăng']);
    await expect(agencies.insert({ code: '20-001', name: 'x', unitCode: '20', group: null }, at)).rejects.toMatchObject({ code: 'conflict' });
    await agencies.update(id, { group: null, name: 'Sở Y tế Lạng Sơn' }, at);
    expect(await agencies.get(id)).toMatchObject({ group: null, name: 'Sở Y tế Lạng Sơn', createdAt: at.toISOString() });
  });

  it('appends audit entries, pages them newest first, and filters by actor, action, Vietnamese day and unit scope', async () => {
    const actions = ['auth.login', 'user.create', 'user.update', 'unit.create', 'auth.logout'] as const;
    for (let i = 0; i < 5; i++) {
      const actor = i % 2 ? { id: 1, username: 'admin', unitCode: '20' } : { id: 2, username: 'nva', unitCode: '06184' };
      // One entry an hour from 15:00 UTC: 15:00 and 16:00 are on the 23rd in Vietnam, 17:00 on is the 24th.
      await audit.append({ actor, action: actions[i]!, targetType: 'user', targetId: i, detail: { i } }, new Date(Date.UTC(2026, 10, 23, 15 + i)));
    }
    await audit.append({ actor: { id: null, username: 'ghost', unitCode: null }, action: 'auth.login_failed' }, new Date(Date.UTC(2026, 10, 23, 20)));
    const everything = { scopeUnit: '20' };
    const page = await audit.list(everything, 2);
    expect(page.map((e) => e.action)).toEqual(['auth.login_failed', 'auth.logout']);
    expect(page[1]).toMatchObject({ actorId: 2, actorUsername: 'nva', actorUnitCode: '06184', targetId: '4', detail: { i: 4 } });
    expect((await audit.list(everything, 2, page[1]!.id)).map((e) => e.action)).toEqual(['unit.create', 'user.update']);
    expect((await audit.list({ ...everything, actor: 'admin' }, 10)).map((e) => e.action)).toEqual(['unit.create', 'user.create']);
    expect(await audit.list({ ...everything, action: 'auth.login' }, 10)).toHaveLength(1);
    expect((await audit.list({ ...everything, to: '2026-11-23' }, 10)).map((e) => e.action)).toEqual(['user.create', 'auth.login']);
    expect((await audit.list({ ...everything, from: '2026-11-24', to: '2026-11-24' }, 10))).toHaveLength(4);
    // A ward's administrator sees the entries of the ward's officials, not the province's, nor unit-less ones.
    expect((await audit.list({ scopeUnit: '06184' }, 10)).map((e) => e.actorUsername)).toEqual(['nva', 'nva', 'nva']);
  });
});
