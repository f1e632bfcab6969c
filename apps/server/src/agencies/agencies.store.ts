import type { Selectable } from 'kysely';
import { isUniqueViolation } from '../db/database.js';
import type { AgencyTable } from '../db/schema.js';
import { Store } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Agency, AgencyChanges, NewAgency } from './agencies.model.js';
import type { AgenciesRepository } from './agencies.service.js';

const toAgency = (r: Selectable<AgencyTable>): Agency => ({
  id: Number(r.id),
  code: r.code,
  name: r.name,
  unitCode: r.unit_code,
  group: r.group_name,
  createdAt: r.created_at,
});

export class AgenciesStore extends Store implements AgenciesRepository {
  /** By name and id, `limit` of them after the key `after`. */
  async list(unitCode: string | undefined, limit: number, after?: readonly [string, number]): Promise<Agency[]> {
    let query = this.db.selectFrom('agencies').selectAll().orderBy('name').orderBy('id').limit(limit);
    if (unitCode !== undefined) query = query.where('unit_code', '=', unitCode);
    if (after !== undefined) query = query.where((eb) => eb(eb.refTuple('name', 'id'), '>', eb.tuple(after[0], after[1])));
    return (await query.execute()).map(toAgency);
  }

  async get(id: number): Promise<Agency | undefined> {
    const row = await this.db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAgency(row);
  }

  async countInUnit(unitCode: string): Promise<number> {
    const row = await this.db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('unit_code', '=', unitCode)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(agency: NewAgency, at: Date): Promise<number> {
    try {
      const row = await this.db
        .insertInto('agencies')
        .values({
          code: agency.code,
          name: agency.name,
          unit_code: agency.unitCode,
          group_name: agency.group,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `agency code ${agency.code} is taken`, [{ field: 'code', problem: 'taken' }]);
      throw error;
    }
  }

  async update(id: number, changes: AgencyChanges, at: Date): Promise<void> {
    try {
      await this.db
        .updateTable('agencies')
        .set({
          ...(changes.code !== undefined && { code: changes.code }),
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.unitCode !== undefined && { unit_code: changes.unitCode }),
          ...(changes.group !== undefined && { group_name: changes.group }),
          updated_at: at.toISOString(),
        })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('conflict', `agency code ${changes.code} is taken`, [{ field: 'code', problem: 'taken' }]);
      throw error;
    }
  }
}
