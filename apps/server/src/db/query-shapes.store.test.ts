import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../test-support/databases.js';
import { QueryShapes } from './query-shapes.js';

describeEachDialect('query shapes', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect);
  });
  afterAll(async () => t?.close());

  const insert = (shapes: QueryShapes, rows: { jti: string; used_at: string; expires_at: string }[]) =>
    shapes.execute(t.db, `insert:${rows.length}`, rows.flatMap((r) => [r.jti, r.used_at, r.expires_at]), () => t.db.insertInto('verification_tokens_used').values(rows));

  it('runs each call with its own values on the text compiled for the first', async () => {
    const shapes = new QueryShapes();
    await insert(shapes, [{ jti: 'q1', used_at: 'u1', expires_at: 'e1' }, { jti: 'q2', used_at: 'u2', expires_at: 'e2' }]);
    await insert(shapes, [{ jti: 'q3', used_at: 'u3', expires_at: 'e3' }, { jti: 'q4', used_at: 'u4', expires_at: 'e4' }]);
    await insert(shapes, [{ jti: 'q5', used_at: 'u5', expires_at: 'e5' }]);
    const { rows } = await sql<{ jti: string; used_at: string; expires_at: string }>`select jti, used_at, expires_at from verification_tokens_used where jti like 'q%' order by jti`.execute(t.db);
    expect(rows).toEqual([1, 2, 3, 4, 5].map((i) => ({ jti: `q${i}`, used_at: `u${i}`, expires_at: `e${i}` })));
  });

  it('answers rows and counts as kysely does', async () => {
    const shapes = new QueryShapes();
    const select = (jti: string) => shapes.execute(t.db, 'select', [jti], () => t.db.selectFrom('verification_tokens_used').select(['jti', 'expires_at']).where('jti', '=', jti));
    expect((await select('q1')).rows).toEqual([{ jti: 'q1', expires_at: 'e1' }]);
    expect((await select('q4')).rows).toEqual([{ jti: 'q4', expires_at: 'e4' }]);
    const remove = (jti: string) => shapes.execute(t.db, 'delete', [jti], () => t.db.deleteFrom('verification_tokens_used').where('jti', '=', jti));
    expect(Number((await remove('q5')).numAffectedRows)).toBe(1);
    expect(Number((await remove('q5')).numAffectedRows)).toBe(0);
  });

  it('refuses parameters that are not the ones the query compiles, in order', async () => {
    const shapes = new QueryShapes();
    const rows = [{ jti: 'r1', used_at: 'u', expires_at: 'e' }];
    await expect(shapes.execute(t.db, 'x', ['u', 'r1', 'e'], () => t.db.insertInto('verification_tokens_used').values(rows))).rejects.toThrow(/query shape x/);
    await expect(shapes.execute(t.db, 'y', ['r1', 'u'], () => t.db.insertInto('verification_tokens_used').values(rows))).rejects.toThrow(/query shape y/);
    expect((await sql`select jti from verification_tokens_used where jti = 'r1'`.execute(t.db)).rows).toEqual([]);
  });
});
