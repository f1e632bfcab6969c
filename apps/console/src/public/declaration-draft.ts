import type { DeclarationKind, Gender, Place, SubmitDeclarationRequest, Symptom, Transport } from '@bluezone/contract';
import { parseDay } from '../components/format.js';
import type { FieldSpec } from '../forms/validation.js';

export type YesNo = 'yes' | 'no' | '';

export interface VisitDraft {
  /** Stable across edits, for React keys and field ids. */
  key: number;
  where: 'vietnam' | 'abroad';
  place: Place | null;
  text: string;
  from: string;
  to: string;
}

/** The form as typed: text as typed, choices not yet made are empty. */
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
  /** The honeypot: people never see it, so it stays empty. */
  website: string;
}

export function emptyDraft(kind: DeclarationKind, residence: Place | null = null): DeclarationDraft {
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
    residence,
    address: '',
    visits: [],
    symptoms: [],
    otherSymptom: '',
    contactCase: '',
    contactArrival: '',
    contactFever: '',
    chronicConditions: '',
    warnedByApp: '',
    borderGate: '',
    transport: '',
    transportNumber: '',
    departurePlace: '',
    arrivalDate: '',
    destinationElsewhere: false,
    destination: null,
    destinationAddress: '',
    consent: false,
    website: '',
  };
}

// The contract's rules for the text fields (packages/contract/src/declarations.ts, identity.ts), keyed by the paths
// the server names in its field problems, so its answers land at the same fields.
const PHONE = { required: true, minLength: 6, maxLength: 20, pattern: /^\+?[0-9][0-9 .-]*[0-9]$/, formatKey: 'declare.formats.phone' };
const DAY = { required: true, valid: (value: string) => Boolean(parseDay(value)), formatKey: 'fields.formats.day' };

export const STATIC_SPECS = {
  'declaredBy.fullName': { labelKey: 'declare.declaredByName', required: true, maxLength: 200 },
  'declaredBy.phone': { labelKey: 'declare.declaredByPhone', ...PHONE },
  'declaredBy.relationship': { labelKey: 'declare.relationship', required: true, maxLength: 50 },
  fullName: { labelKey: 'declare.fullName', required: true, maxLength: 200 },
  yearOfBirth: { labelKey: 'declare.yearOfBirth', required: true, pattern: /^(19|20)\d\d$/, formatKey: 'declare.formats.year' },
  gender: { labelKey: 'declare.gender' },
  nationality: { labelKey: 'declare.nationality', maxLength: 100 },
  idNumber: { labelKey: 'declare.idNumber', minLength: 5, maxLength: 20, pattern: /^[A-Za-z0-9]+$/, formatKey: 'declare.formats.idNumber' },
  phone: { labelKey: 'declare.phone', ...PHONE },
  email: { labelKey: 'declare.email', maxLength: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, formatKey: 'declare.formats.email' },
  'residence.unitCode': { labelKey: 'declare.residenceUnit' },
  'residence.address': { labelKey: 'declare.address', required: true, maxLength: 300 },
  symptoms: { labelKey: 'declare.symptoms' },
  otherSymptom: { labelKey: 'declare.otherSymptom', maxLength: 200 },
  'contacts.confirmedOrSuspectedCase': { labelKey: 'declare.contactCase' },
  'contacts.fromEpidemicArea': { labelKey: 'declare.contactArrival' },
  'contacts.feverOrCough': { labelKey: 'declare.contactFever' },
  chronicConditions: { labelKey: 'declare.chronicConditions', maxLength: 500 },
  'entry.borderGate': { labelKey: 'declare.borderGate', required: true, maxLength: 200 },
  'entry.transport': { labelKey: 'declare.transport' },
  'entry.transportNumber': { labelKey: 'declare.transportNumber', maxLength: 50 },
  'entry.departurePlace': { labelKey: 'declare.departurePlace', required: true, maxLength: 200 },
  'entry.arrivalDate': { labelKey: 'declare.arrivalDate', ...DAY },
  'entry.destination.unitCode': { labelKey: 'declare.destinationUnit' },
  'entry.destination.address': { labelKey: 'declare.destinationAddress', required: true, maxLength: 300 },
  consent: { labelKey: 'declare.consent' },
  website: { labelKey: 'declare.honeypot' },
} satisfies Record<string, FieldSpec>;

export type StaticField = keyof typeof STATIC_SPECS;

/** The fields of the i-th visit, by the paths the server names (`visits.0.from`). */
export function visitSpecs(count: number): Record<string, FieldSpec> {
  const specs: Record<string, FieldSpec> = {};
  for (let i = 0; i < count; i++) {
    specs[`visits.${i}.unitCode`] = { labelKey: 'declare.visitUnit' };
    specs[`visits.${i}.place`] = { labelKey: 'declare.visitPlace', maxLength: 200 };
    specs[`visits.${i}.from`] = { labelKey: 'declare.visitFrom', ...DAY };
    specs[`visits.${i}.to`] = { labelKey: 'declare.visitTo', ...DAY };
  }
  return specs;
}

/** The text values the client checks, by field path; fields not shown are left out. */
export function checkedValues(draft: DeclarationDraft): Record<string, string> {
  const values: Record<string, string> = {
    fullName: draft.fullName,
    yearOfBirth: draft.yearOfBirth,
    nationality: draft.nationality,
    idNumber: draft.idNumber,
    phone: draft.phone,
    email: draft.email,
    'residence.address': draft.address,
    chronicConditions: draft.chronicConditions,
  };
  if (draft.onBehalf) Object.assign(values, { 'declaredBy.fullName': draft.byName, 'declaredBy.phone': draft.byPhone, 'declaredBy.relationship': draft.relationship });
  if (draft.symptoms.includes('other')) values.otherSymptom = draft.otherSymptom;
  draft.visits.forEach((visit, i) => {
    values[`visits.${i}.from`] = visit.from;
    values[`visits.${i}.to`] = visit.to;
    if (visit.where === 'abroad') values[`visits.${i}.place`] = visit.text;
  });
  if (draft.kind === 'entry') {
    Object.assign(values, { 'entry.borderGate': draft.borderGate, 'entry.transportNumber': draft.transportNumber, 'entry.departurePlace': draft.departurePlace, 'entry.arrivalDate': draft.arrivalDate });
    if (draft.destinationElsewhere) values['entry.destination.address'] = draft.destinationAddress;
  }
  return values;
}

/** Choices and pickers the person has not made yet: the paths to mark "required". */
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
  if (!draft.consent) missing.push('consent');
  return missing;
}

/** Visits whose last day comes before their first: the paths of those `to` fields. */
export function misorderedVisits(draft: DeclarationDraft): string[] {
  return draft.visits.flatMap((visit, i) => {
    const from = parseDay(visit.from);
    const to = parseDay(visit.to);
    return from && to && to < from ? [`visits.${i}.to`] : [];
  });
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The request a checked draft sends: days as YYYY-MM-DD, empty optional fields left out. */
export function toRequest(draft: DeclarationDraft): SubmitDeclarationRequest {
  const entry =
    draft.kind === 'entry'
      ? {
          borderGate: draft.borderGate.trim(),
          transport: draft.transport as Transport,
          ...(optional(draft.transportNumber) && { transportNumber: optional(draft.transportNumber) }),
          departurePlace: draft.departurePlace.trim(),
          arrivalDate: parseDay(draft.arrivalDate) ?? '',
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
      from: parseDay(visit.from) ?? '',
      to: parseDay(visit.to) ?? '',
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
