import type { HealthStationSettings } from '@bluezone/contract';
import { Store } from '../db/transactions.js';

/** Each unit's health station: its telephone, told to the unit's declarants. */
export class HealthStationsStore extends Store {
  async get(unitCode: string): Promise<HealthStationSettings | undefined> {
    const row = await this.db.selectFrom('health_stations').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
    return row && { unitCode: row.unit_code, phone: row.phone, updatedAt: row.updated_at };
  }

  /** The stations of these units, in the order given. */
  async many(unitCodes: readonly string[]): Promise<HealthStationSettings[]> {
    if (unitCodes.length === 0) return [];
    const rows = await this.db.selectFrom('health_stations').selectAll().where('unit_code', 'in', unitCodes).execute();
    const byCode = new Map(rows.map((r) => [r.unit_code, { unitCode: r.unit_code, phone: r.phone, updatedAt: r.updated_at }]));
    return unitCodes.flatMap((code) => byCode.get(code) ?? []);
  }

  async put(unitCode: string, station: { phone: string | null }, by: number | null, at: Date): Promise<void> {
    const values = { phone: station.phone, updated_by: by, updated_at: at.toISOString() };
    await this.db
      .insertInto('health_stations')
      .values({ unit_code: unitCode, ...values })
      .onConflict((oc) => oc.column('unit_code').doUpdateSet(values))
      .execute();
  }
}
