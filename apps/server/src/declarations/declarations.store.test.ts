import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { storedDeclaration } from '../test-support/declarations.js';
import { officialProvinceUnits } from '../units/units.seed.js';
import { UnitsStore } from '../units/units.store.js';
import { DeclarationListsStore } from './declaration-lists.store.js';
import type { NewDeclaration } from './declarations.model.js';
import { DeclarationsStore } from './declarations.store.js';

const at = new Date('2026-11-23T08:00:00.000Z');
const DONG_DANG = '06184';
const DONG_KINH = '05977';
const VILLAGE = 'DD-THON-1';

// The queues, the scope rule and retention: the same on SQLite and PostgreSQL.
describeEachDialect('declaration stores', (dialect) => {
  let t: TestDatabase;
  let store: DeclarationsStore;
  let lists: DeclarationListsStore;
  const ids: Record<string, number> = {};

  const add = async (name: string, routes: string[], fields: Partial<NewDeclaration>) => {
    ids[name] = await store.insert(storedDeclaration({ fullName: name, residenceUnitCode: routes[0]!, ...fields }), routes);
  };

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    store = new DeclarationsStore(t.db);
    lists = new DeclarationListsStore(t.db);
    const units = new UnitsStore(t.db);
    await units.insertMissing(officialProvinceUnits('20'), at);
    await units.insert({ code: VILLAGE, parentCode: DONG_DANG, level: 'village', name: 'Thôn 1', fullName: 'Thôn 1', nameEn: 'Hamlet 1', fullNameEn: 'Hamlet 1' }, at);
    await add('plain old', [DONG_DANG], { declaredAt: '2026-11-20T01:00:00.000Z', declaredDay: '2026-11-20' });
    await add('plain new', [DONG_DANG], { declaredAt: '2026-11-22T01:00:00.000Z', declaredDay: '2026-11-22' });
    await add('suspected', [DONG_DANG], { suspected: true, arrival: true, declaredAt: '2026-11-19T01:00:00.000Z', declaredDay: '2026-11-19', visits: [{ unitCode: '48', place: null, from: '2026-11-15', to: '2026-11-16' }] });
    await add('arrival', [VILLAGE], { arrival: true, monitoringUntil: '2026-12-01', declaredAt: '2026-11-21T01:00:00.000Z', declaredDay: '2026-11-21', visits: [{ unitCode: null, place: 'Quảng Tây', from: '2026-11-17', to: '2026-11-17' }] });
    // An entry through Đồng Đăng, living in Đông Kinh: routed to both.
    await add('entry', [DONG_KINH, DONG_DANG], { kind: 'entry', declaredAt: '2026-11-22T03:00:00.000Z', declaredDay: '2026-11-22' });
    await add('elsewhere', [DONG_KINH], { suspected: true, declaredAt: '2026-11-22T05:00:00.000Z', declaredDay: '2026-11-22' });
  });
  afterAll(async () => t?.close());

  const names = (rows: { fullName: string }[]) => rows.map((r) => r.fullName);

  it('queues a ward’s declarations suspected first, then arrivals, then newest, with the units below it', async () => {
    expect(names(await lists.queue({ root: DONG_DANG }, 50))).toEqual(['suspected', 'arrival', 'entry', 'plain new', 'plain old']);
    expect(names(await lists.queue({ root: VILLAGE }, 50))).toEqual(['arrival']);
    expect(names(await lists.queue({ root: DONG_KINH }, 50))).toEqual(['elsewhere', 'entry']);
  });

  it('shows a declaration routed to two units of the subtree once', async () => {
    const province = names(await lists.queue({ root: '20' }, 50));
    expect(province).toHaveLength(6);
    expect(province.filter((n) => n === 'entry')).toHaveLength(1);
  });

  it('pages by the queue key without repeating or skipping', async () => {
    const seen: string[] = [];
    let after: readonly [number, string, number] | undefined;
    for (;;) {
      const page = await lists.queue({ root: '20' }, 2, after);
      seen.push(...names(page));
      if (page.length < 2) break;
      const last = page.at(-1)!;
      after = [last.priority, last.declaredAt, last.id];
    }
    expect(seen).toEqual(names(await lists.queue({ root: '20' }, 50)));
  });

  it('filters by flag, status and days', async () => {
    expect(names(await lists.queue({ root: '20', flag: 'suspected' }, 50))).toEqual(['elsewhere', 'suspected']);
    expect(names(await lists.queue({ root: DONG_DANG, flag: 'arrival' }, 50))).toEqual(['suspected', 'arrival']);
    expect(names(await lists.queue({ root: DONG_DANG, fromAt: '2026-11-21T00:00:00.000Z', toAt: '2026-11-22T02:00:00.000Z' }, 50))).toEqual(['arrival', 'plain new']);
    await store.setFollowUp(ids['plain old']!, { status: 'closed' }, at.toISOString());
    expect(names(await lists.queue({ root: DONG_DANG, status: 'open' }, 50))).not.toContain('plain old');
    expect(names(await lists.queue({ root: DONG_DANG, status: 'closed' }, 50))).toEqual(['plain old']);
  });

  it('finds a route inside an official’s subtree, as the scope rule reads it', async () => {
    expect(await store.routeWithin(ids.entry!, DONG_DANG)).toBe(DONG_DANG);
    expect(await store.routeWithin(ids.entry!, DONG_KINH)).toBe(DONG_KINH);
    expect(await store.routeWithin(ids.elsewhere!, DONG_DANG)).toBeUndefined();
    expect(await store.routeWithin(ids.arrival!, DONG_DANG)).toBe(VILLAGE);
    expect(await store.routes(ids.entry!)).toEqual([DONG_KINH, DONG_DANG]);
    expect(await store.routes(999_999)).toEqual([]);
  });

  it('stores strings as given, markup and quotes included', async () => {
    const id = await store.insert(storedDeclaration({ fullName: '<script>alert(1)</script> O\'Brien', residenceAddress: 'Số 1 "Lê Lợi"' }), [DONG_KINH]);
    expect(await store.get(id)).toMatchObject({ fullName: '<script>alert(1)</script> O\'Brien', residenceAddress: 'Số 1 "Lê Lợi"' });
  });

  it('keeps one check a day, the last one written', async () => {
    await store.putCheck(ids.arrival!, { day: '2026-11-22', symptoms: [], note: null, at: at.toISOString(), actorId: null, actorName: 'a' });
    await store.putCheck(ids.arrival!, { day: '2026-11-22', symptoms: ['fever'], note: 'sốt nhẹ', at: at.toISOString(), actorId: null, actorName: 'b' });
    expect(await store.checks(ids.arrival!)).toEqual([{ day: '2026-11-22', symptoms: ['fever'], note: 'sốt nhẹ', at: at.toISOString(), actorId: null, actorName: 'b' }]);
  });

  it('moves a declaration up its queue when it becomes suspected', async () => {
    await store.setAssessment(ids['plain new']!, { suspected: true, arrival: false, reasons: [{ code: 'contact_with_case' }], rule: 'r', monitoringUntil: null }, at.toISOString());
    expect(names(await lists.queue({ root: DONG_DANG }, 2))).toEqual(['plain new', 'suspected']);
  });

  it('counts per unit and day, and per day with each declaration once', async () => {
    const byUnit = await lists.countsByUnitAndDay('20', '2026-11-19', '2026-11-22');
    expect(byUnit.find((r) => r.unitCode === DONG_KINH && r.day === '2026-11-22')).toEqual({ unitCode: DONG_KINH, day: '2026-11-22', declarations: 2, suspected: 1, arrivals: 0 });
    const byDay = await lists.countsByDay('20', '2026-11-19', '2026-11-22');
    expect(byDay.find((r) => r.day === '2026-11-22')).toEqual({ day: '2026-11-22', declarations: 3, suspected: 2, arrivals: 0 });
    expect((await lists.subtreeParents(DONG_DANG)).map((u) => u.code).sort()).toEqual([DONG_DANG, VILLAGE]);
  });

  it('finds the open declarations an area may concern, by place and day', async () => {
    expect(await lists.visitingUnits(['48', '20194'], '2026-11-16', null)).toEqual([ids.suspected]);
    expect(await lists.visitingUnits(['48'], '2026-11-17', null)).toEqual([]);
    expect(await lists.visitingUnits(['48'], '2026-11-01', '2026-11-14')).toEqual([]);
    const abroad = await lists.abroadBetween('2026-11-10', '2026-11-20');
    expect(abroad.sort()).toEqual([ids.arrival, ids.entry].sort());
  });

  it('exports a queue’s rows with their visits', async () => {
    const rows = await lists.exportRows({ root: DONG_DANG }, 10);
    expect(rows.find((r) => r.fullName === 'suspected')?.visits).toEqual([{ unitCode: '48', place: null, from: '2026-11-15', to: '2026-11-16' }]);
  });

  it('purges declarations older than the cutoff with everything that hangs from them, in batches', async () => {
    await store.addEvent(ids['plain old']!, { at: at.toISOString(), actorId: null, actorName: 'x', kind: 'note', fromStatus: null, toStatus: null, note: 'n', nextFollowUp: null });
    expect(await store.purgeBatch('2026-11-21T00:00:00.000Z', 1)).toBe(1);
    expect(await store.purgeBatch('2026-11-21T00:00:00.000Z', 10)).toBe(1);
    expect(await store.purgeBatch('2026-11-21T00:00:00.000Z', 10)).toBe(0);
    expect(await store.get(ids['plain old']!)).toBeUndefined();
    expect(await store.get(ids.suspected!)).toBeUndefined();
    expect(await store.get(ids.arrival!)).toBeDefined();
    for (const table of ['declaration_routes', 'declaration_visits', 'declaration_events', 'declaration_checks'] as const) {
      const left = await t.db.selectFrom(table).select('declaration_id').where('declaration_id', 'in', [ids['plain old']!, ids.suspected!]).execute();
      expect(left, table).toEqual([]);
    }
  });
});
