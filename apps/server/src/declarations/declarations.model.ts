import {
  STATUS_TRANSITIONS,
  type AssessmentReason,
  type DeclarationKind,
  type DeclarationStatus,
  type EntryDetails,
  type Gender,
  type Symptom,
} from '@bluezone/contract';
import type { ScreeningInput } from '../screening/screening.service.js';

/** A receipt is shown at checkpoints for this many days after the declaration (the 2020 practice: 14 days). */
export const RECEIPT_VALID_DAYS = 14;

/** The largest body the public endpoint accepts: 20 visits with long names fit in a third of it. */
export const MAX_DECLARATION_BYTES = 32 * 1024;

/**
 * Receipt codes: 8 characters of a 32-letter alphabet without 0, O, 1 and I (read aloud and typed on a phone without
 * confusion), 40 random bits, shown as XXXX-XXXX. Stored without the dash.
 */
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

export function receiptFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 5) throw new Error('a receipt needs 5 random bytes');
  let bits = 0n;
  for (const byte of bytes.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 8; i++) {
    code = RECEIPT_ALPHABET[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return code;
}

/** The stored form of what someone typed or scanned: upper case, no dashes or spaces; undefined if it cannot be one. */
export function normalizeReceipt(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return code.length === 8 && [...code].every((c) => RECEIPT_ALPHABET.includes(c)) ? code : undefined;
}

export function formatReceipt(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export function canMove(from: DeclarationStatus, to: DeclarationStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

/** Queues sort by it first: suspected cases, then arrivals from epidemic areas, then the rest. */
export function priorityOf(suspected: boolean, arrival: boolean): number {
  return suspected ? 2 : arrival ? 1 : 0;
}

export interface StoredVisit {
  unitCode: string | null;
  place: string | null;
  from: string;
  to: string;
}

export interface StoredEntry extends Omit<EntryDetails, 'destination' | 'transportNumber'> {
  transportNumber: string | null;
  destination: { unitCode: string; address: string } | null;
}

export interface AssessmentRecord {
  suspected: boolean;
  arrival: boolean;
  reasons: AssessmentReason[];
  rule: string;
  monitoringUntil: string | null;
}

/** A declaration as the store holds it. */
export interface DeclarationRecord extends AssessmentRecord {
  id: number;
  receipt: string;
  kind: DeclarationKind;
  fullName: string;
  yearOfBirth: number;
  gender: Gender;
  nationality: string | null;
  idNumber: string | null;
  phone: string;
  email: string | null;
  residenceUnitCode: string;
  residenceAddress: string;
  declaredBy: { fullName: string; phone: string; relationship: string } | null;
  symptoms: Symptom[];
  otherSymptom: string | null;
  contacts: { confirmedOrSuspectedCase: boolean; fromEpidemicArea: boolean; feverOrCough: boolean };
  chronicConditions: string | null;
  warnedByApp: boolean | null;
  entry: StoredEntry | null;
  status: DeclarationStatus;
  nextFollowUp: string | null;
  declaredAt: string;
  declaredDay: string;
  receiptExpiresAt: string;
  updatedAt: string;
  /** SHA-256 (hex) of the declarant's self-report key (see self-report.service.ts); null before keys existed. */
  selfReportKeyHash: string | null;
  visits: StoredVisit[];
}

export type NewDeclaration = Omit<DeclarationRecord, 'id' | 'updatedAt'>;

export interface EventRecord {
  at: string;
  actorId: number | null;
  actorName: string | null;
  kind: 'status' | 'note' | 'follow_up' | 'check' | 'assessment' | 'self_report_key';
  fromStatus: DeclarationStatus | null;
  toStatus: DeclarationStatus | null;
  note: string | null;
  nextFollowUp: string | null;
}

export interface CheckRecord {
  day: string;
  symptoms: Symptom[];
  note: string | null;
  at: string;
  actorId: number | null;
  actorName: string | null;
}

/** A check with no actor is the declarant's own report (SelfReportService); an official's names them. */
export function isSelfReported(check: Pick<CheckRecord, 'actorId' | 'actorName'>): boolean {
  return check.actorId === null && check.actorName === null;
}

/** The day a declaration speaks from: the day it was made, or an entry's arrival day when that is later. */
export function referenceDayOf(declaration: Pick<DeclarationRecord, 'declaredDay' | 'entry'>): string {
  const arrival = declaration.entry?.arrivalDate;
  return arrival !== undefined && arrival > declaration.declaredDay ? arrival : declaration.declaredDay;
}

/** What screening needs of a stored declaration (and of its daily checks), to judge it again. */
export function screeningInputOf(declaration: DeclarationRecord, checks: readonly CheckRecord[]): ScreeningInput {
  return {
    referenceDay: referenceDayOf(declaration),
    symptoms: declaration.symptoms,
    checkSymptoms: checks.filter((c) => c.symptoms.length > 0).map((c) => ({ day: c.day, symptoms: c.symptoms })),
    contacts: declaration.contacts,
    warnedByApp: declaration.warnedByApp,
    visits: declaration.visits,
    departure: declaration.entry ? { place: declaration.entry.departurePlace, day: declaration.entry.arrivalDate } : null,
  };
}

/** Whether an assessment differs from the stored one in anything an official sees. */
export function assessmentChanged(before: AssessmentRecord, after: AssessmentRecord): boolean {
  return (
    before.suspected !== after.suspected ||
    before.arrival !== after.arrival ||
    before.monitoringUntil !== after.monitoringUntil ||
    before.rule !== after.rule ||
    JSON.stringify(before.reasons) !== JSON.stringify(after.reasons)
  );
}
