import type { Selectable } from 'kysely';
import type { EpidemicAreaTable } from '../db/schema.js';
import { Store } from '../db/transactions.js';
import type { AreaRecord, NewArea } from './epidemic-areas.model.js';
import { placeSearchText } from './epidemic-areas.model.js';
import type { EpidemicAreasRepository } from './epidemic-areas.service.js';

const toArea = (r: Selectable<EpidemicAreaTable>): AreaRecord => ({
  id: Number(r.id),
  name: r.name,
  unitCode: r.unit_code,
  place: r.place,
  placeSearch: r.place_search,
  from: r.from_day,
  to: r.to_day,
  reason: r.reason,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const columns = (area: NewArea) => ({
  name: area.name,
  unit_code: area.unitCode,
  place: area.place,
  place_search: area.place === null ? null : placeSearchText(area.place),
  from_day: area.from,
  to_day: area.to,
  reason: area.reason,
});

export class EpidemicAreasStore extends Store implements EpidemicAreasRepository {
  /** Latest first (by first day, then id), `limit` after the key `after`; only those in force on `on` when given. */
  async list(on: string | undefined, limit: number, after?: readonly [string, number]): Promise<AreaRecord[]> {
    let query = this.db.selectFrom('epidemic_areas').selectAll().orderBy('from_day', 'desc').orderBy('id', 'desc').limit(limit);
    if (on !== undefined) query = query.where('from_day', '<=', on).where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>=', on)]));
    if (after !== undefined) query = query.where((eb) => eb(eb.refTuple('from_day', 'id'), '<', eb.tuple(after[0], after[1])));
    return (await query.execute()).map(toArea);
  }

  /** Areas in force on at least one day from `from` to `to`. */
  async inForceBetween(from: string, to: string): Promise<AreaRecord[]> {
    const rows = await this.db
      .selectFrom('epidemic_areas')
      .selectAll()
      .where('from_day', '<=', to)
      .where((eb) => eb.or([eb('to_day', 'is', null), eb('to_day', '>=', from)]))
      .orderBy('id')
      .execute();
    return rows.map(toArea);
  }

  async get(id: number): Promise<AreaRecord | undefined> {
    const row = await this.db.selectFrom('epidemic_areas').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toArea(row);
  }

  async insert(area: NewArea, by: number | null, at: Date): Promise<number> {
    const row = await this.db
      .insertInto('epidemic_areas')
      .values({ ...columns(area), created_by: by, created_at: at.toISOString(), updated_at: at.toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  }

  async update(id: number, area: NewArea, at: Date): Promise<void> {
    await this.db.updateTable('epidemic_areas').set({ ...columns(area), updated_at: at.toISOString() }).where('id', '=', id).execute();
  }

  async delete(id: number): Promise<void> {
    await this.db.deleteFrom('epidemic_areas').where('id', '=', id).execute();
  }
}
