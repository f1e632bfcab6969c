import { columnContains } from '../db/like.js';
import type { Selectable } from 'kysely';
import { isUniqueViolation, type Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { UnitTable } from '../db/schema.js';
import { unitSearchText, type Unit } from './units.model.js';

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

export class UnitsStore {
  constructor(private readonly db: Db) {}

  async get(code: string): Promise<Unit | undefined> {
    const row = await this.db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toUnit(row) : undefined;
  }

  async children(parentCode: string): Promise<Unit[]> {
    const rows = await this.db.selectFrom('units').selectAll().where('parent_code', '=', parentCode).orderBy('code').execute();
    return rows.map(toUnit);
  }

  /**
   * Units whose search column contains every word of the (already normalised) query. `like` wildcards in the query
   * are escaped so a user's "%" or "_" matches itself.
   */
  async search(normalisedWords: string[], limit: number): Promise<Unit[]> {
    let query = this.db.selectFrom('units').selectAll();
    for (const word of normalisedWords) query = query.where(columnContains('search_text', word));
    const rows = await query.orderBy('level').orderBy('code').limit(limit).execute();
    return rows.map(toUnit);
  }

  async insert(unit: Unit, at: Date): Promise<void> {
    try {
      await this.db.insertInto('units').values(toRow(unit, at)).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `unit code ${unit.code} is taken`);
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
    return this.db.transaction().execute(async (trx) => {
      const existing = new Set(
        (await trx.selectFrom('units').select('code').execute()).map((r) => r.code),
      );
      const fresh = units.filter((u) => !existing.has(u.code));
      // Chunks keep each statement under SQLite's limit on bound parameters.
      for (let i = 0; i < fresh.length; i += 100) {
        await trx
          .insertInto('units')
          .values(
            fresh.slice(i, i + 100).map((u) => toRow(u, at)),
          )
          .execute();
      }
      return fresh.length;
    });
  }
}
