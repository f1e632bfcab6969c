import type { DeclarationStatus } from '@bluezone/contract';
import type { Selectable } from 'kysely';
import { isUniqueViolation } from '../db/database.js';
import type { DeclarationTable } from '../db/schema.js';
import { Store } from '../db/transactions.js';
import { unitWithin } from '../db/unit-tree.js';
import { placeSearchText } from '../epidemic-areas/epidemic-areas.model.js';
import {
  priorityOf,
  type AssessmentRecord,
  type CheckRecord,
  type DeclarationRecord,
  type EventRecord,
  type NewDeclaration,
} from './declarations.model.js';

const bool = (value: boolean) => (value ? 1 : 0);

/** A receipt already in use (one chance in 10^12 a draw); the service draws again. */
export class ReceiptTaken extends Error {}

function toRecord(r: Selectable<DeclarationTable>, visits: DeclarationRecord['visits']): DeclarationRecord {
  return {
    id: Number(r.id),
    receipt: r.receipt,
    kind: r.kind as DeclarationRecord['kind'],
    fullName: r.full_name,
    yearOfBirth: Number(r.year_of_birth),
    gender: r.gender as DeclarationRecord['gender'],
    nationality: r.nationality,
    idNumber: r.id_number,
    phone: r.phone,
    email: r.email,
    residenceUnitCode: r.residence_unit_code,
    residenceAddress: r.residence_address,
    declaredBy: r.declared_by === null ? null : (JSON.parse(r.declared_by) as DeclarationRecord['declaredBy']),
    symptoms: JSON.parse(r.symptoms) as DeclarationRecord['symptoms'],
    otherSymptom: r.other_symptom,
    contacts: { confirmedOrSuspectedCase: r.contact_case === 1, fromEpidemicArea: r.contact_arrival === 1, feverOrCough: r.contact_fever === 1 },
    chronicConditions: r.chronic_conditions,
    warnedByApp: r.warned_by_app === null ? null : r.warned_by_app === 1,
    entry: r.entry === null ? null : (JSON.parse(r.entry) as DeclarationRecord['entry']),
    suspected: r.suspected === 1,
    arrival: r.arrival === 1,
    reasons: JSON.parse(r.reasons) as DeclarationRecord['reasons'],
    rule: r.rule,
    monitoringUntil: r.monitoring_until,
    status: r.status as DeclarationStatus,
    nextFollowUp: r.next_follow_up,
    declaredAt: r.declared_at,
    declaredDay: r.declared_day,
    receiptExpiresAt: r.receipt_expires_at,
    updatedAt: r.updated_at,
    selfReportKeyHash: r.self_report_key_hash,
    visits,
  };
}

/** One declaration, its routes, visits, follow-up and checks: written together, read together, deleted together. */
export class DeclarationsStore extends Store {
  /** Inserts the declaration with its routes (the first is the residence) and visits; throws ReceiptTaken on a clash. */
  async insert(d: NewDeclaration, routes: readonly string[]): Promise<number> {
    let id: number;
    try {
      const row = await this.db
        .insertInto('declarations')
        .values({
          receipt: d.receipt,
          kind: d.kind,
          full_name: d.fullName,
          year_of_birth: d.yearOfBirth,
          gender: d.gender,
          nationality: d.nationality,
          id_number: d.idNumber,
          phone: d.phone,
          email: d.email,
          residence_unit_code: d.residenceUnitCode,
          residence_address: d.residenceAddress,
          declared_by: d.declaredBy === null ? null : JSON.stringify(d.declaredBy),
          symptoms: JSON.stringify(d.symptoms),
          other_symptom: d.otherSymptom,
          contact_case: bool(d.contacts.confirmedOrSuspectedCase),
          contact_arrival: bool(d.contacts.fromEpidemicArea),
          contact_fever: bool(d.contacts.feverOrCough),
          chronic_conditions: d.chronicConditions,
          warned_by_app: d.warnedByApp === null ? null : bool(d.warnedByApp),
          entry: d.entry === null ? null : JSON.stringify(d.entry),
          suspected: bool(d.suspected),
          arrival: bool(d.arrival),
          reasons: JSON.stringify(d.reasons),
          rule: d.rule,
          monitoring_until: d.monitoringUntil,
          status: d.status,
          next_follow_up: d.nextFollowUp,
          declared_at: d.declaredAt,
          declared_day: d.declaredDay,
          receipt_expires_at: d.receiptExpiresAt,
          updated_at: d.declaredAt,
          self_report_key_hash: d.selfReportKeyHash,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = Number(row.id);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ReceiptTaken();
      throw error;
    }
    const primary = routes[0]!;
    await this.db
      .insertInto('declaration_routes')
      .values(
        routes.map((unit) => ({
          declaration_id: id,
          unit_code: unit,
          primary_unit_code: primary,
          priority: priorityOf(d.suspected, d.arrival),
          suspected: bool(d.suspected),
          arrival: bool(d.arrival),
          status: d.status,
          declared_at: d.declaredAt,
          declared_day: d.declaredDay,
        })),
      )
      .execute();
    if (d.visits.length > 0) {
      await this.db
        .insertInto('declaration_visits')
        .values(
          d.visits.map((v, position) => ({
            declaration_id: id,
            position,
            unit_code: v.unitCode,
            place: v.place,
            place_search: v.place === null ? null : placeSearchText(v.place),
            from_day: v.from,
            to_day: v.to,
          })),
        )
        .execute();
    }
    return id;
  }

  async get(id: number): Promise<DeclarationRecord | undefined> {
    const row = await this.db.selectFrom('declarations').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row, await this.visitsOf(id));
  }

  async getByReceipt(receipt: string): Promise<DeclarationRecord | undefined> {
    const row = await this.db.selectFrom('declarations').selectAll().where('receipt', '=', receipt).executeTakeFirst();
    return row && toRecord(row, await this.visitsOf(Number(row.id)));
  }

  private async visitsOf(id: number): Promise<DeclarationRecord['visits']> {
    const rows = await this.db.selectFrom('declaration_visits').select(['unit_code', 'place', 'from_day', 'to_day']).where('declaration_id', '=', id).orderBy('position').execute();
    return rows.map((v) => ({ unitCode: v.unit_code, place: v.place, from: v.from_day, to: v.to_day }));
  }

  /** The units a declaration is routed to, the residence first; empty when there is no such declaration. */
  async routes(id: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('declaration_routes')
      .select(['unit_code', 'primary_unit_code'])
      .where('declaration_id', '=', id)
      .execute();
    return rows.sort((a, b) => Number(b.unit_code === b.primary_unit_code) - Number(a.unit_code === a.primary_unit_code)).map((r) => r.unit_code);
  }

  /** The enabled unit and health officers whose own unit is one of these: who a declaration's notification reaches. */
  async officials(units: readonly string[]): Promise<number[]> {
    if (units.length === 0) return [];
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('unit_code', 'in', units)
      .where('role', 'in', ['unit_officer', 'health_officer'])
      .where('disabled', '=', 0)
      .orderBy('id')
      .execute();
    return rows.map((r) => Number(r.id));
  }

  /** A unit the declaration is routed to inside the subtree of `root`, if any: the scope rule, as one query. */
  async routeWithin(id: number, root: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('declaration_routes as r')
      .select('r.unit_code')
      .where('r.declaration_id', '=', id)
      .where(unitWithin(this.db, 'r.unit_code', root))
      .limit(1)
      .executeTakeFirst();
    return row?.unit_code;
  }

  async events(id: number): Promise<EventRecord[]> {
    const rows = await this.db.selectFrom('declaration_events').selectAll().where('declaration_id', '=', id).orderBy('id').execute();
    return rows.map((e) => ({
      at: e.at,
      actorId: e.actor_id,
      actorName: e.actor_name,
      kind: e.kind as EventRecord['kind'],
      fromStatus: e.from_status as DeclarationStatus | null,
      toStatus: e.to_status as DeclarationStatus | null,
      note: e.note,
      nextFollowUp: e.next_follow_up,
    }));
  }

  async checks(id: number): Promise<CheckRecord[]> {
    const rows = await this.db.selectFrom('declaration_checks').selectAll().where('declaration_id', '=', id).orderBy('day').execute();
    return rows.map((c) => ({ day: c.day, symptoms: JSON.parse(c.symptoms) as CheckRecord['symptoms'], note: c.note, at: c.at, actorId: c.actor_id, actorName: c.actor_name }));
  }

  async addEvent(id: number, event: EventRecord): Promise<void> {
    await this.db
      .insertInto('declaration_events')
      .values({
        declaration_id: id,
        at: event.at,
        actor_id: event.actorId,
        actor_name: event.actorName,
        kind: event.kind,
        from_status: event.fromStatus,
        to_status: event.toStatus,
        note: event.note,
        next_follow_up: event.nextFollowUp,
      })
      .execute();
  }

  /** One check a day: a second check of the same day replaces the first (an officer correcting it). */
  async putCheck(id: number, check: CheckRecord): Promise<void> {
    const values = { symptoms: JSON.stringify(check.symptoms), note: check.note, at: check.at, actor_id: check.actorId, actor_name: check.actorName };
    await this.db
      .insertInto('declaration_checks')
      .values({ declaration_id: id, day: check.day, ...values })
      .onConflict((oc) => oc.columns(['declaration_id', 'day']).doUpdateSet(values))
      .execute();
  }

  /** Replaces the hash of the declaration's self-report key: the key it replaces stops working at once. */
  async setSelfReportKeyHash(id: number, hash: string, at: string): Promise<void> {
    await this.db.updateTable('declarations').set({ self_report_key_hash: hash, updated_at: at }).where('id', '=', id).execute();
  }

  /** Status and next follow-up day, on the declaration and on its routes (which the queues read). */
  async setFollowUp(id: number, changes: { status?: DeclarationStatus; nextFollowUp?: string | null }, at: string): Promise<void> {
    await this.db
      .updateTable('declarations')
      .set({
        ...(changes.status !== undefined && { status: changes.status }),
        ...(changes.nextFollowUp !== undefined && { next_follow_up: changes.nextFollowUp }),
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    if (changes.status !== undefined) await this.db.updateTable('declaration_routes').set({ status: changes.status }).where('declaration_id', '=', id).execute();
  }

  async setAssessment(id: number, assessment: AssessmentRecord, at: string): Promise<void> {
    await this.db
      .updateTable('declarations')
      .set({
        suspected: bool(assessment.suspected),
        arrival: bool(assessment.arrival),
        reasons: JSON.stringify(assessment.reasons),
        rule: assessment.rule,
        monitoring_until: assessment.monitoringUntil,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
    await this.db
      .updateTable('declaration_routes')
      .set({ suspected: bool(assessment.suspected), arrival: bool(assessment.arrival), priority: priorityOf(assessment.suspected, assessment.arrival) })
      .where('declaration_id', '=', id)
      .execute();
  }

  /** Deletes up to `batch` declarations made before `cutoff`, with everything that hangs from them; returns how many. */
  async purgeBatch(cutoff: string, batch: number): Promise<number> {
    const ids = (await this.db.selectFrom('declarations').select('id').where('declared_at', '<', cutoff).orderBy('declared_at').limit(batch).execute()).map((r) => Number(r.id));
    if (ids.length === 0) return 0;
    // Children first, explicitly: the foreign keys cascade too, but this does not depend on SQLite's foreign_keys pragma.
    for (const table of ['declaration_routes', 'declaration_visits', 'declaration_events', 'declaration_checks'] as const) {
      await this.db.deleteFrom(table).where('declaration_id', 'in', ids).execute();
    }
    await this.db.deleteFrom('declarations').where('id', 'in', ids).execute();
    return ids.length;
  }
}
