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

  it('makes a one-statement write durable before it answers, joining an open transaction like grouped', async () => {
    const transactions = databaseTransactions(t.db);
    const seen = await Promise.all(Array.from({ length: 10 }, (_, i) => transactions.groupedStatement(insert(`d${i}`)).then(count)));
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(1);
    const rows = async () => (await sql<{ jti: string }>`select jti from verification_tokens_used where jti like 'd%'`.execute(t.db)).rows;
    expect(await rows()).toHaveLength(10);
    await expect(transactions.groupedStatement(insert('d1'))).rejects.toThrow();
    await expect(
      transactions.run(async () => {
        await transactions.groupedStatement(insert('e1'));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await sql<{ jti: string }>`select jti from verification_tokens_used where jti = 'e1'`.execute(t.db)).rows).toEqual([]);
  });

  it('runs a one-statement write on PostgreSQL as its own transaction, with no BEGIN before it', async () => {
    if (dialect !== 'postgres') return;
    const transactions = databaseTransactions(t.db);
    // Inside BEGIN … COMMIT the transaction starts before the statement; alone, both start together.
    const alone = () => async () =>
      (await sql<{ alone: boolean }>`select xact_start = query_start as alone from pg_stat_activity where pid = pg_backend_pid()`.execute(executorFor(t.db))).rows[0]!.alone;
    expect(await transactions.groupedStatement(alone())).toBe(true);
    expect(await transactions.grouped(alone())).toBe(false);
  });
});
