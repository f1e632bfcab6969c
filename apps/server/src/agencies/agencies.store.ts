import type { Selectable } from 'kysely';
import { isUniqueViolation, type Db } from '../db/database.js';
import type { AgencyTable } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { Agency, AgencyChanges, NewAgency } from './agencies.model.js';

const toAgency = (r: Selectable<AgencyTable>): Agency => ({
  id: Number(r.id),
  code: r.code,
  name: r.name,
  unitCode: r.unit_code,
  group: r.group_name,
  createdAt: r.created_at,
});

export class AgenciesStore {
  constructor(private readonly db: Db) {}

  async list(unitCode?: string): Promise<Agency[]> {
    let query = this.db.selectFrom('agencies').selectAll().orderBy('unit_code').orderBy('name').limit(5000);
    if (unitCode !== undefined) query = query.where('unit_code', '=', unitCode);
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
      if (isUniqueViolation(error)) throw new AppError('conflict', `agency code ${agency.code} is taken`);
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
      if (isUniqueViolation(error)) throw new AppError('conflict', `agency code ${changes.code} is taken`);
      throw error;
    }
  }
}
