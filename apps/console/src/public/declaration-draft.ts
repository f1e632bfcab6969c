import {
  missingChoices as missingAnswers,
  parseTypedDay,
  type DeclarationDraft,
} from '@bluezone/contract/declaration-draft';
import type { FieldSpec } from '../forms/validation.js';

// The draft, its conversion to the request and the day parser are shared with the citizen app (one form, two
// places to fill it): this module adds what only the web page has, its field specs and consent.
export { emptyDraft, misorderedVisits, toRequest, type DeclarationDraft, type VisitDraft, type YesNo } from '@bluezone/contract/declaration-draft';

const parseDay = parseTypedDay;

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

/** Choices and pickers the person has not made yet, consent included: the paths to mark "required". */
export function missingChoices(draft: DeclarationDraft): string[] {
  return draft.consent ? missingAnswers(draft) : [...missingAnswers(draft), 'consent'];
}
