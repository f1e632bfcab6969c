import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseTransactions } from '../db/transactions.js';
import { IdentityStore } from '../identity/identity.store.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { officialProvinceUnits } from '../units/units.seed.js';
import { UnitsStore } from '../units/units.store.js';
import { NoticesStore } from './notices.store.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 8, minute));

describeEachDialect('the notices store', (dialect) => {
  let t: TestDatabase;
  let notices: NoticesStore;
  let author: number;
  const publish = (title: string, unitCode: string, minute: number) => notices.insert({ title, body: 'Nội dung', titleEn: null, bodyEn: null, unitCode, createdBy: author }, at(minute));

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    await new UnitsStore(t.db).insertMissing(officialProvinceUnits('20'), at(0));
    author = await new IdentityStore(t.db).insert({ username: 'cdc', displayName: 'Bác sĩ Lan', passwordHash: 'h', role: 'health_officer', unitCode: '20', locale: 'vi' }, at(0));
    notices = new NoticesStore(t.db);
  });
  afterAll(async () => t?.close());

  it('stores a notice with its unit’s names in both languages and its author’s name', async () => {
    const id = await notices.insert({ title: 'Tiêu đề', body: 'Nội dung', titleEn: 'Title', bodyEn: 'Text', unitCode: '06184', createdBy: author }, at(1));
    expect(await notices.get(id)).toEqual({
      id,
      title: 'Tiêu đề',
      body: 'Nội dung',
      titleEn: 'Title',
      bodyEn: 'Text',
      publisher: 'Xã Đồng Đăng',
      publisherEn: 'Dong Dang Commune',
      publishedAt: at(1).toISOString(),
      unitCode: '06184',
      createdBy: author,
      createdByName: 'Bác sĩ Lan',
      retiredAt: null,
    });
    expect(await notices.get(id + 1000)).toBeUndefined();
  });

  it('lists the live notices newest first, up to a limit, and retires each once', async () => {
    const older = await publish('Cũ', '20', 2);
    const newer = await publish('Mới', '05977', 3);
    expect((await notices.listLive(2)).map((n) => n.id)).toEqual([newer, older]);
    expect(await notices.retire(newer, author, at(4))).toBe(true);
    expect(await notices.retire(newer, author, at(5))).toBe(false);
    expect((await notices.get(newer))?.retiredAt).toBe(at(4).toISOString());
    expect((await notices.listLive(10)).map((n) => n.title)).toEqual(['Cũ', 'Tiêu đề']);
  });

  it('lists a unit’s subtree newest first, and pages by (time, id) through notices of the same minute', async () => {
    const same = [await publish('A', '06184', 10), await publish('B', '06184', 10), await publish('C', '06184', 10)];
    const commune = await notices.list('06184', 10);
    expect(commune.map((n) => n.title)).toEqual(['C', 'B', 'A', 'Tiêu đề']);
    expect(commune.slice(0, 3).map((n) => n.id)).toEqual([...same].reverse());
    expect((await notices.list('05977', 10)).map((n) => n.title)).toEqual(['Mới']);
    expect(await notices.list('20', 100)).toHaveLength(6);

    const first = await notices.list('06184', 2);
    const last = first.at(-1)!;
    const rest = await notices.list('06184', 10, [last.publishedAt, last.id]);
    expect([...first, ...rest].map((n) => n.id)).toEqual(commune.map((n) => n.id));
  });

  it('rolls a notice back with the transaction it was written in', async () => {
    const transactions = databaseTransactions(t.db);
    const count = (await notices.list('20', 100)).length;
    await expect(
      transactions.run(async () => {
        await publish('Không lưu', '20', 20);
        throw new Error('the audit row failed');
      }),
    ).rejects.toThrow('the audit row failed');
    expect(await notices.list('20', 100)).toHaveLength(count);
  });
});
