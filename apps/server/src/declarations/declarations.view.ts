import type { CheckpointView, Declaration, DeclarationSummary } from '@bluezone/contract';
import type { Place } from '../places/places.model.js';
import { formatReceipt, isSelfReported, type CheckRecord, type DeclarationRecord, type EventRecord } from './declarations.model.js';

export type PlaceNames = (code: string) => Promise<Place | undefined>;

async function unitRef(places: PlaceNames, code: string) {
  const place = await places(code);
  return { unitCode: code, unitName: place?.fullName ?? code, unitNameEn: place?.fullNameEn ?? code };
}

export async function summaryOf(d: DeclarationRecord, places: PlaceNames, checks: readonly CheckRecord[]): Promise<DeclarationSummary> {
  return {
    id: d.id,
    receipt: formatReceipt(d.receipt),
    kind: d.kind,
    fullName: d.fullName,
    yearOfBirth: d.yearOfBirth,
    gender: d.gender,
    phone: d.phone,
    residence: { ...(await unitRef(places, d.residenceUnitCode)), address: d.residenceAddress },
    suspected: d.suspected,
    arrivalFromEpidemicArea: d.arrival,
    status: d.status,
    nextFollowUp: d.nextFollowUp,
    monitoringUntil: d.monitoringUntil,
    lastCheckDay: checks.reduce<string | null>((last, c) => (last === null || c.day > last ? c.day : last), null),
    declaredAt: d.declaredAt,
  };
}

/** The whole declaration as an official of a routed unit reads it. */
export async function declarationOf(d: DeclarationRecord, routes: readonly string[], events: readonly EventRecord[], checks: readonly CheckRecord[], places: PlaceNames): Promise<Declaration> {
  return {
    ...(await summaryOf(d, places, checks)),
    receiptExpiresAt: d.receiptExpiresAt,
    nationality: d.nationality,
    idNumber: d.idNumber,
    email: d.email,
    declaredBy: d.declaredBy,
    visits: await Promise.all(
      d.visits.map(async (v) => {
        const place = v.unitCode === null ? undefined : await places(v.unitCode);
        return { unitCode: v.unitCode, unitName: v.unitCode === null ? null : (place?.fullName ?? v.unitCode), unitNameEn: v.unitCode === null ? null : (place?.fullNameEn ?? v.unitCode), place: v.place, from: v.from, to: v.to };
      }),
    ),
    symptoms: d.symptoms,
    otherSymptom: d.otherSymptom,
    contacts: d.contacts,
    chronicConditions: d.chronicConditions,
    warnedByApp: d.warnedByApp,
    entry: d.entry && {
      ...d.entry,
      destination: d.entry.destination && { ...(await unitRef(places, d.entry.destination.unitCode)), address: d.entry.destination.address },
    },
    assessment: { suspected: d.suspected, arrivalFromEpidemicArea: d.arrival, reasons: d.reasons, monitoringUntil: d.monitoringUntil, rule: d.rule },
    routedTo: await Promise.all(routes.map((code) => unitRef(places, code))),
    history: events.map((e) => ({ at: e.at, actor: e.actorName, kind: e.kind, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, nextFollowUp: e.nextFollowUp })),
    checks: checks.map((c) => ({ day: c.day, symptoms: c.symptoms, note: c.note, at: c.at, actor: c.actorName, selfReported: isSelfReported(c) })),
    updatedAt: d.updatedAt,
  };
}

/** What a checkpoint officer sees from a receipt: enough to check the person and the screening, no more. */
export async function checkpointViewOf(d: DeclarationRecord, now: Date, inScope: boolean, places: PlaceNames): Promise<CheckpointView> {
  return {
    id: d.id,
    receipt: formatReceipt(d.receipt),
    receiptExpiresAt: d.receiptExpiresAt,
    receiptValid: now.toISOString() <= d.receiptExpiresAt,
    kind: d.kind,
    fullName: d.fullName,
    yearOfBirth: d.yearOfBirth,
    gender: d.gender,
    idNumber: d.idNumber,
    residence: await unitRef(places, d.residenceUnitCode),
    suspected: d.suspected,
    arrivalFromEpidemicArea: d.arrival,
    monitoringUntil: d.monitoringUntil,
    reasons: d.reasons,
    declaredAt: d.declaredAt,
    inScope,
  };
}
