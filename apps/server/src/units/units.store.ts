import type { Selectable } from 'kysely';
import { isUniqueViolation } from '../db/database.js';
import { columnContains, columnStartsWith } from '../db/like.js';
import type { UnitTable } from '../db/schema.js';
import { Store } from '../db/transactions.js';
import { ancestorCodes, subtreeCodes } from '../db/unit-tree.js';
import { AppError } from '../errors.js';
import { unitSearchText, type Unit } from './units.model.js';
import type { UnitsRepository } from './units.service.js';

const toUnit = (r: Selectable<UnitTable>): Unit => ({
  code: r.code,
  parentCode: r.parent_code,
  level: r.level,
  name: r.name,
  fullName: r.full_name,
  nameEn: r.name_en,
  fullNameEn: r.full_name_en,
});

const toRow = (u: Unit, at: Date) => ({
  code: u.code,
  parent_code: u.parentCode,
  level: u.level,
  name: u.name,
  full_name: u.fullName,
  name_en: u.nameEn,
  full_name_en: u.fullNameEn,
  search_text: unitSearchText(u),
  created_at: at.toISOString(),
});

export class UnitsStore extends Store implements UnitsRepository {
  async get(code: string): Promise<Unit | undefined> {
    const row = await this.db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toUnit(row) : undefined;
  }

  /** Children by code, `limit` of them after the code `after`. */
  async children(parentCode: string, limit: number, after?: string): Promise<Unit[]> {
    let query = this.db.selectFrom('units').selectAll().where('parent_code', '=', parentCode).orderBy('code').limit(limit);
    if (after !== undefined) query = query.where('code', '>', after);
    return (await query.execute()).map(toUnit);
  }

  /**
   * Units whose code starts with `codePrefix` (when given) or whose search column contains every (already normalised)
   * word, ordered by level and code, `limit` of them after the key `after`. `like` wildcards in the words are escaped.
   */
  async search(words: string[], codePrefix: string | undefined, limit: number, after?: readonly [string, string]): Promise<Unit[]> {
    let query = this.db.selectFrom('units').selectAll();
    query = query.where((eb) => {
      const byName = eb.and(words.map((word) => columnContains('search_text', word)));
      if (codePrefix === undefined) return byName;
      return eb.or([byName, columnStartsWith('code', codePrefix)]);
    });
    if (after !== undefined) query = query.where((eb) => eb(eb.refTuple('level', 'code'), '>', eb.tuple(after[0], after[1])));
    const rows = await query.orderBy('level').orderBy('code').limit(limit).execute();
    return rows.map(toUnit);
  }

  /** `code` and every unit above it, nearest first; empty when there is no such unit. */
  async ancestors(code: string): Promise<string[]> {
    return (await ancestorCodes(this.db, code).execute()).map((r) => r.code);
  }

  /** `root` and every unit below it, at any depth. */
  async subtree(root: string): Promise<string[]> {
    return (await subtreeCodes(this.db, root).execute()).map((r) => r.code);
  }

  async insert(unit: Unit, at: Date): Promise<void> {
    try {
      await this.db.insertInto('units').values(toRow(unit, at)).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `unit code ${unit.code} is taken`, [{ field: 'code', problem: 'taken' }]);
      throw error;
    }
  }

  /** Rewrites a unit's names and its search column together, so search always matches what is shown. */
  async rename(unit: Unit): Promise<void> {
    await this.db
      .updateTable('units')
      .set({ name: unit.name, full_name: unit.fullName, name_en: unit.nameEn, full_name_en: unit.fullNameEn, search_text: unitSearchText(unit) })
      .where('code', '=', unit.code)
      .execute();
  }

  /** Inserts the units that are not there yet (parents before children), leaving existing ones untouched. */
  async insertMissing(units: Unit[], at: Date): Promise<number> {
    const existing = new Set((await this.db.selectFrom('units').select('code').execute()).map((r) => r.code));
    const fresh = units.filter((u) => !existing.has(u.code));
    // Chunks keep each statement under SQLite's limit on bound parameters.
    for (let i = 0; i < fresh.length; i += 100) {
      await this.db
        .insertInto('units')
        .values(fresh.slice(i, i + 100).map((u) => toRow(u, at)))
        .execute();
    }
    return fresh.length;
  }
}
