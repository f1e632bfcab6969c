import type { DeclarationKind, Gender, SelfReportStatus, SubmitDeclarationRequest, Symptom, Transport } from './declarations.js';
import type { Place } from './places.js';

/*
 * A health declaration as a person types it, shared by the two forms that send one: the console's public page
 * (/khai-bao) and the citizen app. Both keep the same draft and turn it into the same request, so a declaration made
 * on either reaches the officers alike. This module imports types only (no zod), so the console's bundle can take it
 * through `@bluezone/contract/declaration-draft` without the schemas.
 */

export type YesNo = 'yes' | 'no' | '';

export interface VisitDraft {
  /** Stable across edits, for React keys, field ids and test ids. */
  key: number;
  where: 'vietnam' | 'abroad';
  place: Place | null;
  text: string;
  /** Days as typed, day first (DD/MM/YYYY). */
  from: string;
  to: string;
}

/** The form as typed: text as typed, choices not made yet empty. */
export interface DeclarationDraft {
  kind: DeclarationKind;
  onBehalf: boolean;
  byName: string;
  byPhone: string;
  relationship: string;
  fullName: string;
  yearOfBirth: string;
  gender: Gender | '';
  nationality: string;
  idNumber: string;
  phone: string;
  email: string;
  residence: Place | null;
  address: string;
  visits: VisitDraft[];
  symptoms: Symptom[];
  otherSymptom: string;
  contactCase: YesNo;
  contactArrival: YesNo;
  contactFever: YesNo;
  chronicConditions: string;
  warnedByApp: YesNo | 'unknown';
  borderGate: string;
  transport: Transport | '';
  transportNumber: string;
  departurePlace: string;
  arrivalDate: string;
  destinationElsewhere: boolean;
  destination: Place | null;
  destinationAddress: string;
  consent: boolean;
  /** The web page's honeypot: people never see it, so it stays empty (the app has none). */
  website?: string;
}

export interface EmptyDraftOptions {
  /** The ward or commune already known, as on a ward's poster QR code. */
  residence?: Place | null;
  /** Opened from the app's exposure warning: the answer to "did Bluezone warn you" is known. */
  warnedByApp?: boolean;
}

export function emptyDraft(kind: DeclarationKind = 'domestic', options: EmptyDraftOptions = {}): DeclarationDraft {
  return {
    kind,
    onBehalf: false,
    byName: '',
    byPhone: '',
    relationship: '',
    fullName: '',
    yearOfBirth: '',
    gender: '',
    nationality: 'Việt Nam',
    idNumber: '',
    phone: '',
    email: '',
    residence: options.residence ?? null,
    address: '',
    visits: [],
    symptoms: [],
    otherSymptom: '',
    contactCase: '',
    contactArrival: '',
    contactFever: '',
    chronicConditions: '',
    warnedByApp: options.warnedByApp ? 'yes' : '',
    borderGate: '',
    transport: '',
    transportNumber: '',
    departurePlace: '',
    arrivalDate: '',
    destinationElsewhere: false,
    destination: null,
    destinationAddress: '',
    consent: false,
  };
}

/**
 * A day as people type it in Vietnam, day first: 5/11/2023, 05-11-2023, 05.11.2023, 05112023. Returns YYYY-MM-DD,
 * '' for nothing typed, null for text that is not a day or a day that does not exist (29/02/2026). Year-first text
 * is refused rather than guessed at, so 2026-11-23 and 11/23/2026 are both null.
 */
export function parseTypedDay(text: string): string | null {
  const value = text.trim();
  if (!value) return '';
  const match = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const at = new Date(`${iso}T00:00:00.000Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === iso ? iso : null;
}

/**
 * Choices and pickers not made yet, by the paths the server names in its field problems (`residence.unitCode`,
 * `visits.0.unitCode`): "required" there, where the schema would only say "invalid value". Consent is each form's
 * own question, checked apart.
 */
export function missingChoices(draft: DeclarationDraft): string[] {
  const missing: string[] = [];
  if (!draft.gender) missing.push('gender');
  if (!draft.residence) missing.push('residence.unitCode');
  draft.visits.forEach((visit, i) => {
    if (visit.where === 'vietnam' && !visit.place) missing.push(`visits.${i}.unitCode`);
    if (visit.where === 'abroad' && !visit.text.trim()) missing.push(`visits.${i}.place`);
  });
  if (draft.symptoms.includes('other') && !draft.otherSymptom.trim()) missing.push('otherSymptom');
  if (!draft.contactCase) missing.push('contacts.confirmedOrSuspectedCase');
  if (!draft.contactArrival) missing.push('contacts.fromEpidemicArea');
  if (!draft.contactFever) missing.push('contacts.feverOrCough');
  if (draft.kind === 'entry' && !draft.transport) missing.push('entry.transport');
  if (draft.kind === 'entry' && draft.destinationElsewhere && !draft.destination) missing.push('entry.destination.unitCode');
  return missing;
}

/** Visits whose last day comes before their first: the paths of those `to` fields. */
export function misorderedVisits(draft: DeclarationDraft): string[] {
  return draft.visits.flatMap((visit, i) => {
    const from = parseTypedDay(visit.from);
    const to = parseTypedDay(visit.to);
    return from && to && to < from ? [`visits.${i}.to`] : [];
  });
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/**
 * The request a draft sends: days as YYYY-MM-DD, text trimmed, empty optional fields left out. Check the draft
 * first (missing choices, days, the contract's schema); this only converts.
 */
export function toRequest(draft: DeclarationDraft): SubmitDeclarationRequest {
  const entry =
    draft.kind === 'entry'
      ? {
          borderGate: draft.borderGate.trim(),
          transport: draft.transport as Transport,
          ...(optional(draft.transportNumber) && { transportNumber: optional(draft.transportNumber) }),
          departurePlace: draft.departurePlace.trim(),
          arrivalDate: parseTypedDay(draft.arrivalDate) ?? '',
          ...(draft.destinationElsewhere && draft.destination && { destination: { unitCode: draft.destination.code, address: draft.destinationAddress.trim() } }),
        }
      : undefined;
  return {
    kind: draft.kind,
    fullName: draft.fullName.trim(),
    yearOfBirth: Number(draft.yearOfBirth.trim()),
    gender: draft.gender as Gender,
    ...(optional(draft.nationality) && { nationality: optional(draft.nationality) }),
    ...(optional(draft.idNumber) && { idNumber: optional(draft.idNumber) }),
    phone: draft.phone.trim(),
    ...(optional(draft.email) && { email: optional(draft.email) }),
    residence: { unitCode: draft.residence?.code ?? '', address: draft.address.trim() },
    visits: draft.visits.map((visit) => ({
      ...(visit.where === 'vietnam' ? { unitCode: visit.place?.code ?? '' } : { place: visit.text.trim() }),
      from: parseTypedDay(visit.from) ?? '',
      to: parseTypedDay(visit.to) ?? '',
    })),
    symptoms: draft.symptoms,
    ...(draft.symptoms.includes('other') && { otherSymptom: draft.otherSymptom.trim() }),
    contacts: { confirmedOrSuspectedCase: draft.contactCase === 'yes', fromEpidemicArea: draft.contactArrival === 'yes', feverOrCough: draft.contactFever === 'yes' },
    ...(optional(draft.chronicConditions) && { chronicConditions: optional(draft.chronicConditions) }),
    ...(draft.warnedByApp === 'yes' || draft.warnedByApp === 'no' ? { warnedByApp: draft.warnedByApp === 'yes' } : {}),
    ...(entry && { entry }),
    ...(draft.onBehalf && { declaredBy: { fullName: draft.byName.trim(), phone: draft.byPhone.trim(), relationship: draft.relationship.trim() } }),
    consent: true,
    ...(draft.website ? { website: draft.website as '' } : {}),
  };
}

/**
 * The days of an arrival's monitoring come so far, newest first: from the day of the declaration to today, or to
 * the monitoring's last day once it has passed; none when the declaration is not monitored. A daily check may be
 * for any of them (the server takes each), so the officials' form, the web page and the app offer these.
 */
export function monitoringDaysSoFar(status: Pick<SelfReportStatus, 'declaredDay' | 'monitoringUntil' | 'today'>): string[] {
  const days: string[] = [];
  if (status.monitoringUntil === null) return days;
  for (let day = status.declaredDay; day <= status.monitoringUntil && day <= status.today; day = nextCalendarDay(day)) days.unshift(day);
  return days;
}

function nextCalendarDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
