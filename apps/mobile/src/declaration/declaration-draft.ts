import {
  DECLARATION_KINDS,
  GENDERS,
  MAX_VISITS,
  SYMPTOMS,
  TRANSPORTS,
  placeSchema,
  submitDeclarationRequestSchema,
  type DeclarationKind,
  type FieldError,
  type Gender,
  type Place,
  type SubmitDeclarationRequest,
  type Symptom,
  type Transport,
} from '@bluezone/contract';
import { z } from 'zod';

export type YesNo = 'yes' | 'no' | '';

export interface VisitDraft {
  /** Stable across edits, for React keys and test ids. */
  key: number;
  where: 'vietnam' | 'abroad';
  place: Place | null;
  text: string;
  /** Days as typed (DD/MM/YYYY). */
  from: string;
  to: string;
}

/**
 * The declaration as typed, field for field the console's public form (`apps/console/src/public/declaration-draft.ts`),
 * so the two agree: text as typed, choices not made yet empty. It is what the phone keeps while the network is down.
 */
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
}

export function emptyDraft(kind: DeclarationKind = 'domestic', options: { warnedByApp?: boolean } = {}): DeclarationDraft {
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
    residence: null,
    address: '',
    visits: [],
    symptoms: [],
    otherSymptom: '',
    contactCase: '',
    contactArrival: '',
    contactFever: '',
    chronicConditions: '',
    // A user of this app is asked the question too; from the warning screen the answer is known.
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

const typed = (max: number) => z.string().max(max);
const yesNo = z.enum(['yes', 'no', '']);

/** A draft read back from the phone's storage is checked like any input: an older or damaged one is dropped. */
export const declarationDraftSchema: z.ZodType<DeclarationDraft> = z.object({
  kind: z.enum(DECLARATION_KINDS),
  onBehalf: z.boolean(),
  byName: typed(1000),
  byPhone: typed(1000),
  relationship: typed(1000),
  fullName: typed(1000),
  yearOfBirth: typed(100),
  gender: z.enum([...GENDERS, '']),
  nationality: typed(1000),
  idNumber: typed(1000),
  phone: typed(1000),
  email: typed(1000),
  residence: placeSchema.nullable(),
  address: typed(2000),
  visits: z
    .array(z.object({ key: z.number().int(), where: z.enum(['vietnam', 'abroad']), place: placeSchema.nullable(), text: typed(1000), from: typed(100), to: typed(100) }))
    .max(MAX_VISITS),
  symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length),
  otherSymptom: typed(1000),
  contactCase: yesNo,
  contactArrival: yesNo,
  contactFever: yesNo,
  chronicConditions: typed(2000),
  warnedByApp: z.enum(['yes', 'no', '', 'unknown']),
  borderGate: typed(1000),
  transport: z.enum([...TRANSPORTS, '']),
  transportNumber: typed(1000),
  departurePlace: typed(1000),
  arrivalDate: typed(100),
  destinationElsewhere: z.boolean(),
  destination: placeSchema.nullable(),
  destinationAddress: typed(2000),
  consent: z.boolean(),
});

/**
 * A day as people type it in Vietnam, day first: 5/11/2023, 05.11.2023, 05112023 (or the ISO form). Returns
 * YYYY-MM-DD, '' for nothing typed, null for a day that does not exist.
 */
export function parseDay(text: string): string | null {
  const value = text.trim();
  if (!value) return '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const match = iso ? [value, iso[3], iso[2], iso[1]] : (/^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value));
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const result = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const at = new Date(`${result}T00:00:00.000Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === result ? result : null;
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** The request a draft sends: days as YYYY-MM-DD, empty optional fields left out. Check it with `checkDraft` first. */
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
    symptoms: SYMPTOMS.filter((symptom) => draft.symptoms.includes(symptom)),
    ...(draft.symptoms.includes('other') && { otherSymptom: draft.otherSymptom.trim() }),
    contacts: { confirmedOrSuspectedCase: draft.contactCase === 'yes', fromEpidemicArea: draft.contactArrival === 'yes', feverOrCough: draft.contactFever === 'yes' },
    ...(optional(draft.chronicConditions) && { chronicConditions: optional(draft.chronicConditions) }),
    ...(draft.warnedByApp === 'yes' || draft.warnedByApp === 'no' ? { warnedByApp: draft.warnedByApp === 'yes' } : {}),
    ...(entry && { entry }),
    ...(draft.onBehalf && { declaredBy: { fullName: draft.byName.trim(), phone: draft.byPhone.trim(), relationship: draft.relationship.trim() } }),
    consent: true,
  };
}

/**
 * What is wrong with one field, in the server's words (`FieldError` of the contract) or two of the form's own:
 * `day_order` (a visit ending before it starts) and `consent` (not agreed).
 */
export interface FieldIssue {
  problem: FieldError['problem'] | 'day_order' | 'consent';
  limit?: number;
}
/** Issues by the paths the server names (`residence.unitCode`, `visits.0.from`), so its answers land at the same fields. */
export type FieldIssues = Record<string, FieldIssue>;

/** Choices and pickers not made yet: `required` at their paths (the schema would only say "invalid value"). */
function missingChoices(draft: DeclarationDraft): string[] {
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

/** Typed text that cannot become the request's value (a year, a day): `invalid_format` before the schema runs. */
function unreadable(draft: DeclarationDraft): string[] {
  const paths: string[] = [];
  if (draft.yearOfBirth.trim() && !/^\d{4}$/.test(draft.yearOfBirth.trim())) paths.push('yearOfBirth');
  draft.visits.forEach((visit, i) => {
    if (parseDay(visit.from) === null) paths.push(`visits.${i}.from`);
    if (parseDay(visit.to) === null) paths.push(`visits.${i}.to`);
  });
  if (draft.kind === 'entry' && parseDay(draft.arrivalDate) === null) paths.push('entry.arrivalDate');
  return paths;
}

/** A zod issue of the contract's schema in the server's field vocabulary. */
function issueOf(issue: z.core.$ZodIssue, value: unknown): FieldIssue {
  const empty = value === undefined || value === '' || (typeof value === 'number' && Number.isNaN(value));
  switch (issue.code) {
    case 'too_small':
      if (empty || (issue.origin === 'string' && Number(issue.minimum) <= 1)) return { problem: 'required' };
      return { problem: issue.origin === 'string' ? 'too_short' : 'too_small', limit: Number(issue.minimum) };
    case 'too_big':
      return { problem: issue.origin === 'string' ? 'too_long' : 'too_big', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { problem: 'invalid_format' };
    case 'invalid_type':
      return { problem: empty ? 'required' : 'invalid_type' };
    case 'custom':
      // Days that do not exist are caught as `invalid_format` before, and misordered visits as `day_order`.
      return { problem: empty ? 'required' : 'invalid_value' };
    default:
      return { problem: empty ? 'required' : 'invalid_value' };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[part] : undefined), root);
}

/**
 * Checks a draft with the contract's own schema (the one the server applies) plus what only the form knows: choices
 * not made, text that is not a year or a day, a birth year in the future, consent. Empty when it may be sent.
 */
export function checkDraft(draft: DeclarationDraft, today: string): FieldIssues {
  const issues: FieldIssues = {};
  const add = (path: string, issue: FieldIssue) => {
    if (!issues[path]) issues[path] = issue;
  };
  for (const path of missingChoices(draft)) add(path, { problem: 'required' });
  for (const path of unreadable(draft)) add(path, { problem: 'invalid_format' });
  // An empty year would reach the schema as 0, "less than 1900": say what is wrong instead.
  if (!draft.yearOfBirth.trim()) add('yearOfBirth', { problem: 'required' });
  draft.visits.forEach((visit, i) => {
    const from = parseDay(visit.from);
    const to = parseDay(visit.to);
    if (from && to && to < from) add(`visits.${i}.to`, { problem: 'day_order' });
  });
  const request = toRequest(draft);
  const year = Number(today.slice(0, 4));
  if (request.yearOfBirth > year) add('yearOfBirth', { problem: 'too_big', limit: year });
  const parsed = submitDeclarationRequestSchema.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path.join('.'), issueOf(issue, valueAt(request, issue.path)));
  }
  if (!draft.consent) add('consent', { problem: 'consent' });
  return issues;
}

/** The server's field problems by path (the first one of each field). */
export function issuesFromServer(fields: readonly FieldError[]): FieldIssues {
  const issues: FieldIssues = {};
  for (const field of fields) {
    if (!issues[field.field]) issues[field.field] = field.limit === undefined ? { problem: field.problem } : { problem: field.problem, limit: field.limit };
  }
  return issues;
}

/** The form's steps, each a screenful on a phone. */
export const STEPS = ['person', 'place', 'visits', 'health', 'send'] as const;
export type Step = (typeof STEPS)[number];

/** The step that shows a field, so an error from the server opens the right one. */
export function stepOf(path: string): Step {
  const head = path.split('.')[0] ?? '';
  if (['fullName', 'yearOfBirth', 'gender', 'nationality', 'idNumber', 'phone', 'email', 'declaredBy'].includes(head)) return 'person';
  if (head === 'residence' || head === 'entry') return 'place';
  if (head === 'visits') return 'visits';
  if (['symptoms', 'otherSymptom', 'contacts', 'chronicConditions', 'warnedByApp'].includes(head)) return 'health';
  return 'send';
}

/** Only the issues of one step (checked when the user moves to the next). */
export function issuesOfStep(issues: FieldIssues, step: Step): FieldIssues {
  return Object.fromEntries(Object.entries(issues).filter(([path]) => stepOf(path) === step));
}
