import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { databaseTransactions, executorFor } from './transactions.js';

// transactions.grouped: concurrent writes share a commit; one failing write fails alone.
describeEachDialect('group commit', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => t?.close());

  const insert = (jti: string) => async () => {
    await executorFor(t.db).insertInto('verification_tokens_used').values({ jti, used_at: 'x', expires_at: '9999' }).execute();
    return jti;
  };
  const count = async () => Number((await sql<{ n: number | string }>`select count(*) as n from verification_tokens_used`.execute(t.db)).rows[0]!.n);

  it('commits concurrent writes together, each answered only once its write is there', async () => {
    const transactions = databaseTransactions(t.db);
    const seen: number[] = [];
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => transactions.grouped(insert(`a${i}`)).then(async (jti) => {
        seen.push(await count());
        return jti;
      })),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => `a${i}`));
    // Every answer came after its own row was committed: a reader outside the transaction already counts it.
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(20);
  });

  it('fails only the write that fails, and keeps the others of its group', async () => {
    const transactions = databaseTransactions(t.db);
    const results = await Promise.allSettled([transactions.grouped(insert('b1')), transactions.grouped(insert('a3')), transactions.grouped(insert('b2'))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const { rows } = await sql<{ jti: string }>`select jti from verification_tokens_used where jti like 'b%' order by jti`.execute(t.db);
    expect(rows.map((r) => r.jti)).toEqual(['b1', 'b2']);
  });

  it('joins a transaction already open instead of waiting for a group', async () => {
    const transactions = databaseTransactions(t.db);
    await expect(
      transactions.run(async () => {
        await transactions.grouped(insert('c1'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await sql<{ jti: string }>`select jti from verification_tokens_used where jti = 'c1'`.execute(t.db)).rows).toEqual([]);
  });
});
