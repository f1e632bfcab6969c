import { addDays, type DeclarationFlag, type DeclarationStatus, type DeclarationSummary } from '@bluezone/contract';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import { Store } from '../db/transactions.js';
import { subtreeCodes } from '../db/unit-tree.js';
import { formatReceipt } from './declarations.model.js';

export interface ListFilter {
  /** Declarations routed to this unit or any unit below it. */
  root: string;
  flag?: DeclarationFlag;
  status?: DeclarationStatus | 'open';
  /** Declared at or after / at or before (ISO instants of Vietnamese day bounds). */
  fromAt?: string;
  toAt?: string;
}

/** The sort key of a queue: priority (2 suspected, 1 arrival, 0 other), then newest, then id; all descending. */
export type QueueKey = readonly [number, string, number];

export interface QueueRow extends DeclarationSummary {
  priority: number;
}

export interface ExportRow {
  id: number;
  receipt: string;
  declaredAt: string;
  kind: string;
  fullName: string;
  yearOfBirth: number;
  gender: string;
  phone: string;
  idNumber: string | null;
  unitName: string;
  address: string;
  suspected: boolean;
  arrival: boolean;
  monitoringUntil: string | null;
  lastCheckDay: string | null;
  status: string;
  nextFollowUp: string | null;
  symptoms: string[];
  otherSymptom: string | null;
  visits: { unitCode: string | null; place: string | null; from: string; to: string }[];
}

export interface UnitDayCount {
  unitCode: string;
  day: string;
  declarations: number;
  suspected: number;
  arrivals: number;
}

/**
 * The scope of a list over `root`: routes to a unit of its subtree, and one row per declaration even when both its
 * units are in the subtree (the residence's row; the destination's only when the residence lies outside).
 */
function inScope(db: Db, root: string): Expression<SqlBool> {
  return sql<SqlBool>`r.unit_code in (${subtreeCodes(db, root)}) and (r.unit_code = r.primary_unit_code or r.primary_unit_code not in (${subtreeCodes(db, root)}))`;
}

/** Lists of declarations over a unit subtree: the officers' queues, their exports, the counts, and re-screening. */
export class DeclarationListsStore extends Store {
  /**
   * The keys of a queue's rows, in queue order: for each unit of the subtree, its own range of the queue index
   * (unit, priority, declared_at, id) read in order and cut at `limit`, and those ranges merged. A ward's queue is one
   * index range whatever the province holds; a wider subtree reads one short range per unit. A declaration routed to
   * two units of the subtree comes twice with the same key, side by side, and is kept once.
   */
  private async routeKeys(filter: ListFilter, limit: number, after?: QueueKey): Promise<QueueKey[]> {
    const codes = (await subtreeCodes(this.db, filter.root).execute()).map((r) => r.code);
    if (codes.length === 0) return [];
    // Twice the rows: duplicates are at most one per declaration.
    const take = codes.length === 1 ? limit : 2 * limit;
    const range = (code: string) => {
      let query = this.db.selectFrom('declaration_routes as r').select(['r.priority', 'r.declared_at', 'r.declaration_id']).where('r.unit_code', '=', code);
      if (filter.flag === 'suspected') query = query.where('r.suspected', '=', 1);
      if (filter.flag === 'arrival') query = query.where('r.arrival', '=', 1);
      if (filter.status === 'open') query = query.where('r.status', '<>', 'closed');
      else if (filter.status !== undefined) query = query.where('r.status', '=', filter.status);
      if (filter.fromAt !== undefined) query = query.where('r.declared_at', '>=', filter.fromAt);
      if (filter.toAt !== undefined) query = query.where('r.declared_at', '<=', filter.toAt);
      if (after !== undefined) query = query.where((eb) => eb(eb.refTuple('r.priority', 'r.declared_at', 'r.declaration_id'), '<', eb.tuple(after[0], after[1], after[2])));
      return query.orderBy('r.priority', 'desc').orderBy('r.declared_at', 'desc').orderBy('r.declaration_id', 'desc').limit(take);
    };
    let rows: { priority: number; declared_at: string; declaration_id: number }[];
    if (codes.length === 1) {
      rows = await range(codes[0]!).execute();
    } else {
      const ranges = codes.map((code, i) => this.db.selectFrom(range(code).as(`u${i}`)).selectAll());
      const merged = ranges.slice(1).reduce((union, next) => union.unionAll(next), ranges[0]!);
      rows = await this.db.selectFrom(merged.as('m')).selectAll().orderBy('priority', 'desc').orderBy('declared_at', 'desc').orderBy('declaration_id', 'desc').limit(take).execute();
    }
    const keys: QueueKey[] = [];
    for (const row of rows) {
      const id = Number(row.declaration_id);
      if (keys.at(-1)?.[2] !== id) keys.push([Number(row.priority), row.declared_at, id]);
    }
    return keys.slice(0, limit);
  }

  /** One page of a queue: suspected first, then arrivals, newest first within each; `limit` rows after `after`. */
  async queue(filter: ListFilter, limit: number, after?: QueueKey): Promise<QueueRow[]> {
    const keys = await this.routeKeys(filter, limit, after);
    if (keys.length === 0) return [];
    const rows = await this.db
      .selectFrom('declarations as d')
      .leftJoin('units as u', 'u.code', 'd.residence_unit_code')
      .select([
        'd.id',
        'd.receipt',
        'd.kind',
        'd.full_name',
        'd.year_of_birth',
        'd.gender',
        'd.phone',
        'd.residence_unit_code',
        'd.residence_address',
        'u.full_name as unit_name',
        'u.full_name_en as unit_name_en',
        'd.suspected',
        'd.arrival',
        'd.status',
        'd.next_follow_up',
        'd.monitoring_until',
        'd.declared_at',
      ])
      .where('d.id', 'in', keys.map((k) => k[2]))
      .execute();
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const lastChecks = await this.lastCheckDays(keys.map((k) => k[2]));
    return keys.flatMap(([priority, , id]) => {
      const r = byId.get(id);
      if (!r) return [];
      return [
        {
          id,
          receipt: formatReceipt(r.receipt),
          kind: r.kind as QueueRow['kind'],
          fullName: r.full_name,
          yearOfBirth: Number(r.year_of_birth),
          gender: r.gender as QueueRow['gender'],
          phone: r.phone,
          residence: { unitCode: r.residence_unit_code, unitName: r.unit_name ?? r.residence_unit_code, unitNameEn: r.unit_name_en ?? r.residence_unit_code, address: r.residence_address },
          suspected: r.suspected === 1,
          arrivalFromEpidemicArea: r.arrival === 1,
          status: r.status as DeclarationStatus,
          nextFollowUp: r.next_follow_up,
          monitoringUntil: r.monitoring_until,
          lastCheckDay: lastChecks.get(id) ?? null,
          declaredAt: r.declared_at,
          priority,
        },
      ];
    });
  }

  /**
   * The latest day checked of each of these declarations (by an official or the declarant), for the officers chasing
   * arrivals who have not reported today: one grouped read of the checks' primary key (declaration_id, day).
   */
  private async lastCheckDays(ids: readonly number[]): Promise<Map<number, string>> {
    const rows = await this.db
      .selectFrom('declaration_checks')
      .select(['declaration_id', (eb) => eb.fn.max('day').as('last')])
      .where('declaration_id', 'in', ids)
      .groupBy('declaration_id')
      .execute();
    return new Map(rows.map((c) => [Number(c.declaration_id), c.last]));
  }

  /** The rows of a queue for a spreadsheet, in queue order, at most `max`, each with its visits. */
  async exportRows(filter: ListFilter, max: number): Promise<ExportRow[]> {
    const keys = await this.routeKeys(filter, max);
    const found = new Map<number, Awaited<ReturnType<typeof this.exportBatch>>[number]>();
    for (let i = 0; i < keys.length; i += 500) for (const row of await this.exportBatch(keys.slice(i, i + 500).map((k) => k[2]))) found.set(Number(row.id), row);
    const rows = keys.flatMap((k) => found.get(k[2]) ?? []);
    return this.withVisits(rows);
  }

  private exportBatch(ids: number[]) {
    return this.db
      .selectFrom('declarations as d')
      .leftJoin('units as u', 'u.code', 'd.residence_unit_code')
      .select([
        'd.id',
        'd.receipt',
        'd.declared_at',
        'd.kind',
        'd.full_name',
        'd.year_of_birth',
        'd.gender',
        'd.phone',
        'd.id_number',
        'u.full_name as unit_name',
        'd.residence_unit_code',
        'd.residence_address',
        'd.suspected',
        'd.arrival',
        'd.monitoring_until',
        'd.status',
        'd.next_follow_up',
        'd.symptoms',
        'd.other_symptom',
      ])
      .where('d.id', 'in', ids)
      .execute();
  }

  private async withVisits(rows: Awaited<ReturnType<typeof this.exportBatch>>): Promise<ExportRow[]> {
    const visits = new Map<number, ExportRow['visits']>();
    const lastChecks = new Map<number, string>();
    for (let i = 0; i < rows.length; i += 500) {
      const ids = rows.slice(i, i + 500).map((r) => Number(r.id));
      for (const [id, day] of await this.lastCheckDays(ids)) lastChecks.set(id, day);
      const found = await this.db
        .selectFrom('declaration_visits as v')
        .select(['v.declaration_id', 'v.unit_code', 'v.place', 'v.from_day', 'v.to_day'])
        .where('v.declaration_id', 'in', ids)
        .orderBy('v.declaration_id')
        .orderBy('v.position')
        .execute();
      for (const v of found) {
        const list = visits.get(Number(v.declaration_id)) ?? [];
        list.push({ unitCode: v.unit_code, place: v.place, from: v.from_day, to: v.to_day });
        visits.set(Number(v.declaration_id), list);
      }
    }
    return rows.map((r) => ({
      id: Number(r.id),
      receipt: r.receipt,
      declaredAt: r.declared_at,
      kind: r.kind,
      fullName: r.full_name,
      yearOfBirth: Number(r.year_of_birth),
      gender: r.gender,
      phone: r.phone,
      idNumber: r.id_number,
      unitName: r.unit_name ?? r.residence_unit_code,
      address: r.residence_address,
      suspected: r.suspected === 1,
      arrival: r.arrival === 1,
      monitoringUntil: r.monitoring_until,
      lastCheckDay: lastChecks.get(Number(r.id)) ?? null,
      status: r.status,
      nextFollowUp: r.next_follow_up,
      symptoms: JSON.parse(r.symptoms) as string[],
      otherSymptom: r.other_symptom,
      visits: visits.get(Number(r.id)) ?? [],
    }));
  }

  /** Counts per routed unit and Vietnamese day (each route counts for its unit). */
  async countsByUnitAndDay(root: string, fromDay: string, toDay: string): Promise<UnitDayCount[]> {
    const rows = await this.db
      .selectFrom('declaration_routes as r')
      .select(['r.unit_code', 'r.declared_day'])
      .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.sum<string | number>('r.suspected').as('s'), eb.fn.sum<string | number>('r.arrival').as('a')])
      .where(sql<SqlBool>`r.unit_code in (${subtreeCodes(this.db, root)})`)
      .where('r.declared_day', '>=', fromDay)
      .where('r.declared_day', '<=', toDay)
      .groupBy(['r.unit_code', 'r.declared_day'])
      .execute();
    return rows.map((r) => ({ unitCode: r.unit_code, day: r.declared_day, declarations: Number(r.n), suspected: Number(r.s ?? 0), arrivals: Number(r.a ?? 0) }));
  }

  /** Counts per Vietnamese day over the subtree, each declaration once. */
  async countsByDay(root: string, fromDay: string, toDay: string): Promise<Omit<UnitDayCount, 'unitCode'>[]> {
    const rows = await this.db
      .selectFrom('declaration_routes as r')
      .select('r.declared_day')
      .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.sum<string | number>('r.suspected').as('s'), eb.fn.sum<string | number>('r.arrival').as('a')])
      .where(inScope(this.db, root))
      .where('r.declared_day', '>=', fromDay)
      .where('r.declared_day', '<=', toDay)
      .groupBy('r.declared_day')
      .execute();
    return rows.map((r) => ({ day: r.declared_day, declarations: Number(r.n), suspected: Number(r.s ?? 0), arrivals: Number(r.a ?? 0) }));
  }

  /** The units of the subtree of `root` with their parents, to add counts up to the units right below it. */
  async subtreeParents(root: string): Promise<{ code: string; parentCode: string | null }[]> {
    const rows = await this.db
      .selectFrom('units')
      .select(['code', 'parent_code'])
      .where(sql<SqlBool>`code in (${subtreeCodes(this.db, root)})`)
      .execute();
    return rows.map((r) => ({ code: r.code, parentCode: r.parent_code }));
  }

  /** Open declarations with a visit to one of these units on a day from `from` to `to` (null: open-ended). */
  async visitingUnits(codes: readonly string[], from: string, to: string | null): Promise<number[]> {
    if (codes.length === 0) return [];
    let query = this.db
      .selectFrom('declaration_visits as v')
      .innerJoin('declarations as d', 'd.id', 'v.declaration_id')
      .select('v.declaration_id')
      .distinct()
      .where('v.unit_code', 'in', codes)
      .where('v.to_day', '>=', from)
      .where('d.status', '<>', 'closed');
    if (to !== null) query = query.where('v.from_day', '<=', to);
    return (await query.execute()).map((r) => Number(r.declaration_id));
  }

  /** Open declarations with a visit abroad from `from` to `to`, or an entry arriving then: the place is matched after. */
  async abroadBetween(from: string, to: string | null): Promise<number[]> {
    let visits = this.db
      .selectFrom('declaration_visits as v')
      .innerJoin('declarations as d', 'd.id', 'v.declaration_id')
      .select('v.declaration_id as id')
      .where('v.unit_code', 'is', null)
      .where('v.to_day', '>=', from)
      .where('d.status', '<>', 'closed');
    if (to !== null) visits = visits.where('v.from_day', '<=', to);
    // An entry's place of departure counts as visited on its arrival day, which is on or after the day it was made
    // less a few days: the day it was made is the indexed bound.
    let entries = this.db.selectFrom('declarations as d').select('d.id').where('d.kind', '=', 'entry').where('d.status', '<>', 'closed').where('d.declared_day', '>=', addDays(from, -14));
    if (to !== null) entries = entries.where('d.declared_day', '<=', addDays(to, 14));
    const ids = new Set<number>();
    for (const row of await visits.execute()) ids.add(Number(row.id));
    for (const row of await entries.execute()) ids.add(Number(row.id));
    return [...ids];
  }
}
