import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PublishStore } from '../publish/publish.store.js';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { countPerVnDay } from './vn-day.js';

describeEachDialect('counts per Vietnamese day', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    const store = new PublishStore(t.db);
    // Midnight in Hà Nội is 17:00 UTC the day before: the first two keys are a millisecond apart and a day apart.
    for (const createdAt of ['2026-11-23T16:59:59.999Z', '2026-11-23T17:00:00.000Z', '2026-11-24T10:00:00.000Z', '2026-11-25T17:00:00.000Z']) {
      const key = { keyData: randomBytes(16), rollingStartInterval: 2_000_000, rollingPeriod: 144, transmissionRisk: 2, daysSinceOnset: 1, availableAt: createdAt };
      await store.save([key], { reportType: 'confirmed', traveler: false, healthAuthority: 'vn.bluezone', createdAt }, []);
    }
  });
  afterAll(async () => t?.close());

  it('counts each row on the day it was in Vietnam, days without rows as 0', async () => {
    expect(await countPerVnDay(t.db, 'exposures', 'created_at', ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'])).toEqual([
      { date: '2026-11-22', count: 0 },
      { date: '2026-11-23', count: 1 },
      { date: '2026-11-24', count: 2 },
      { date: '2026-11-25', count: 0 },
      { date: '2026-11-26', count: 1 },
    ]);
  });

  it('answers the days in the order asked, and nothing for no days', async () => {
    expect(await countPerVnDay(t.db, 'exposures', 'created_at', ['2026-11-26', '2026-11-24'])).toEqual([
      { date: '2026-11-26', count: 1 },
      { date: '2026-11-24', count: 2 },
    ]);
    expect(await countPerVnDay(t.db, 'exposures', 'created_at', [])).toEqual([]);
  });
});
