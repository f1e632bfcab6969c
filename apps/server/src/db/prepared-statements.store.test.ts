import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { prepared, preparedName } from './prepared-statements.js';

const HOT = prepared('select $1::integer + 1 as n');

describeEachDialect('hot statements prepared once a connection', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => t?.close());

  it('names each hot text once, and leaves other texts unnamed', () => {
    expect(prepared(HOT)).toBe(HOT);
    expect(preparedName(HOT)).toMatch(/^bluezone_\d+$/);
    expect(preparedName('select 2')).toBeUndefined();
  });

  it('runs a hot text, on PostgreSQL as a named statement planned for each run\'s parameters', async () => {
    await t.db.connection().execute(async (db) => {
      const hot = dialect === 'postgres' ? HOT : prepared('select ? + 1 as n');
      for (const n of [1, 2, 3, 4, 5, 6, 7]) {
        const { rows } = await db.executeQuery<{ n: number }>(CompiledQuery.raw(hot, [n]));
        expect(rows).toEqual([{ n: n + 1 }]);
      }
      if (dialect !== 'postgres') return;
      await db.executeQuery(CompiledQuery.raw('select 1 + $1::integer as cold', [1]));
      const statements = await sql<{ name: string; statement: string; generic_plans: number | string }>`select name, statement, generic_plans from pg_prepared_statements`.execute(db);
      expect(statements.rows.map((r) => r.name)).toContain(preparedName(HOT));
      expect(statements.rows.some((r) => r.statement.includes('cold'))).toBe(false);
      expect(statements.rows.find((r) => r.name === preparedName(HOT))).toMatchObject({ statement: HOT });
      // Seven runs, none on a generic plan (PostgreSQL would consider one after five).
      expect(Number(statements.rows.find((r) => r.name === preparedName(HOT))!.generic_plans)).toBe(0);
      const mode = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(db);
      expect(mode.rows[0]!.plan_cache_mode).toBe('force_custom_plan');
    });
  });
});
