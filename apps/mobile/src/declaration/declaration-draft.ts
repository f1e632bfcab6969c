import {
  DECLARATION_KINDS,
  GENDERS,
  MAX_VISITS,
  SYMPTOMS,
  TRANSPORTS,
  misorderedVisits,
  missingChoices,
  parseTypedDay,
  placeSchema,
  submitDeclarationRequestSchema,
  toRequest,
  type DeclarationDraft,
  type FieldError,
} from '@bluezone/contract';
import { z } from 'zod';

// The draft, its conversion to the request and the day parser are the contract's, shared with the console's public
// page, so a declaration made in the app reaches the officers as one made on the web. This module adds what the
// phone needs: checking a draft read back from storage, and the form's steps.
export { emptyDraft, toRequest, type DeclarationDraft, type VisitDraft, type YesNo } from '@bluezone/contract';

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
 * What is wrong with one field, in the server's words (`FieldError` of the contract) or two of the form's own:
 * `day_order` (a visit ending before it starts) and `consent` (not agreed).
 */
export interface FieldIssue {
  problem: FieldError['problem'] | 'day_order' | 'consent';
  limit?: number;
}
/** Issues by the paths the server names (`residence.unitCode`, `visits.0.from`), so its answers land at the same fields. */
export type FieldIssues = Record<string, FieldIssue>;

/** Typed text that cannot become the request's value (a year, a day): `invalid_format` before the schema runs. */
function unreadable(draft: DeclarationDraft): string[] {
  const paths: string[] = [];
  if (draft.yearOfBirth.trim() && !/^\d{4}$/.test(draft.yearOfBirth.trim())) paths.push('yearOfBirth');
  draft.visits.forEach((visit, i) => {
    if (parseTypedDay(visit.from) === null) paths.push(`visits.${i}.from`);
    if (parseTypedDay(visit.to) === null) paths.push(`visits.${i}.to`);
  });
  if (draft.kind === 'entry' && parseTypedDay(draft.arrivalDate) === null) paths.push('entry.arrivalDate');
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
  for (const path of misorderedVisits(draft)) add(path, { problem: 'day_order' });
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
