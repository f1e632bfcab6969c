import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from './database.js';

/**
 * The administrative tree in SQL. Units hold only their parent; a unit's subtree (itself and every unit below it, at
 * any depth) and its ancestors are recursive queries, written once here and used by every store that filters by
 * unit scope. `with recursive` runs the same on SQLite and PostgreSQL.
 */

/** The codes of `root` and every unit below it. */
export function subtreeCodes(db: Db, root: string) {
  return db
    .withRecursive('subtree(code)', (qb) =>
      qb
        .selectFrom('units')
        .select('code')
        .where('code', '=', root)
        .unionAll((union) => union.selectFrom('units as child').innerJoin('subtree', 'subtree.code', 'child.parent_code').select('child.code')),
    )
    .selectFrom('subtree')
    .select('subtree.code');
}

/** The codes of `code` and every unit above it, nearest first (the unit itself has depth 0). */
export function ancestorCodes(db: Db, code: string) {
  return db
    .withRecursive('lineage(code, parent_code, depth)', (qb) =>
      qb
        .selectFrom('units')
        .select(['code', 'parent_code', sql<number>`0`.as('depth')])
        .where('code', '=', code)
        .unionAll((union) =>
          union
            .selectFrom('units as parent')
            .innerJoin('lineage', 'lineage.parent_code', 'parent.code')
            // The depth bound stops a cycle a hand-edited database might hold.
            .where('lineage.depth', '<', 64)
            .select(['parent.code', 'parent.parent_code', sql<number>`lineage.depth + 1`.as('depth')]),
        ),
    )
    .selectFrom('lineage')
    .select(['lineage.code', 'lineage.depth'])
    .orderBy('lineage.depth');
}

/** `column in (subtree of root)`, for a store's where clause. */
export function unitWithin(db: Db, column: string, root: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (${subtreeCodes(db, root)})`;
}
