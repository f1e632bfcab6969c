import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { VerificationStore } from './verification.store.js';

const HOUR = 3_600_000;

describeEachDialect('erasing the hashes of dead codes', (dialect) => {
  let t: TestDatabase;
  const now = new Date('2026-11-20T03:00:00Z');
  const at = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();
  const code = (i: number, hash: string | null, expiresInHours: number) => ({
    uuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    code_hash: hash,
    long_code_hash: hash && `long-${hash}`,
    test_type: 'confirmed',
    issued_by: null,
    issued_at: at(expiresInHours - 1),
    expires_at: at(expiresInHours),
    long_expires_at: at(expiresInHours + 23),
  });

  beforeAll(async () => {
    t = await openTestDatabase(dialect);
    // A year of codes whose hashes were erased long ago, and no statistics: as after a restore or a bulk import.
    for (let from = 0; from < 4000; from += 500) {
      await t.db.insertInto('verification_codes').values(Array.from({ length: 500 }, (_, k) => code(from + k, null, -1000 - from - k))).execute();
    }
    await t.db
      .insertInto('verification_codes')
      .values([code(5001, 'dead-both', -30), code(5002, 'dead-short', -2), code(5003, 'live', 1)])
      .execute();
  });
  afterAll(async () => t?.close());

  it('reads the live codes through their partial indexes, not every code', async () => {
    const store = new VerificationStore(t.db);
    const plans = await Promise.all(
      store.deadHashErasures(now).map(async (statement) => {
        const { sql, parameters } = statement.compile();
        const explain = dialect === 'sqlite' ? `explain query plan ${sql}` : `explain ${sql}`;
        return (await t.db.executeQuery(CompiledQuery.raw(explain, [...parameters]))).rows;
      }),
    );
    const text = plans.map((rows) => JSON.stringify(rows));
    expect(text[0]).toContain('verification_codes_live_expiry');
    expect(text[1]).toContain('verification_codes_live_long_expiry');
  });

  it('erases the hashes past their expiry and keeps the others', async () => {
    await new VerificationStore(t.db).eraseDeadHashes(now);
    const rows = await t.db.selectFrom('verification_codes').select(['uuid', 'code_hash', 'long_code_hash']).where('uuid', 'like', '%00000000138_').orderBy('uuid').execute();
    expect(rows.map((r) => [r.code_hash, r.long_code_hash])).toEqual([
      [null, null],
      [null, 'long-dead-short'],
      ['live', 'long-live'],
    ]);
  });
});
