import { z } from 'zod';

/**
 * Every error the API returns, by its wire code. The status is the HTTP status that carries it; clients branch on the
 * code, never on the message (which is English, for people reading logs).
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, meaning: 'The request body, query or path does not match its schema.' },
  malformed_json: { status: 400, meaning: 'The request body is not valid JSON.' },
  unknown_unit: { status: 400, meaning: 'The administrative unit code given does not exist.' },
  invalid_code: { status: 400, meaning: 'The upload code is not valid: unknown, already used or expired (never says which).' },
  token_invalid: { status: 400, meaning: 'The verification token is not valid or has expired.' },
  token_used: { status: 400, meaning: 'The verification token was already exchanged for a certificate.' },
  hmac_mismatch: { status: 400, meaning: 'The keys do not match the HMAC the certificate binds (or the hmacKey is wrong).' },
  too_many_keys: { status: 400, meaning: 'More keys than one publish may carry.' },
  overlapping_keys: { status: 400, meaning: 'Too many keys share a start interval, or keys overlap without sharing one.' },
  invalid_key: { status: 400, meaning: 'No key of the publish is valid (each one is malformed, too old or in the future).' },
  invalid_revision_token: { status: 400, meaning: 'Some keys were published before and the revision token does not cover them.' },
  revision_not_allowed: { status: 400, meaning: 'The published keys cannot change to this report type (only likely to confirmed, or to revoked).' },
  // Campaign reporting.
  unknown_agency: { status: 400, meaning: 'The agency named does not exist.' },
  unknown_indicator: { status: 400, meaning: "The report names an indicator the campaign's form does not have, or one that does not apply to this recipient." },
  installed_exceeds_staff: { status: 400, meaning: 'More staff installed the app than the staff total reported.' },
  report_incomplete: { status: 400, meaning: 'The report lacks what a submission needs (the staff total and how many installed).' },
  unauthenticated: { status: 401, meaning: 'No valid session: sign in first (the session may have expired).' },
  invalid_credentials: { status: 401, meaning: 'Wrong username or password (never says which).' },
  certificate_invalid: { status: 401, meaning: 'The verification certificate is not valid: bad signature, unknown issuer or audience, or expired.' },
  unknown_health_authority: { status: 401, meaning: 'The healthAuthorityID is not one this server accepts.' },
  csrf_failed: { status: 403, meaning: 'A state-changing request lacked the X-CSRF-Token header of its session.' },
  forbidden: { status: 403, meaning: 'Signed in, but this role may not do this, or not for a unit outside the user\'s own unit and the units below it.' },
  not_found: { status: 404, meaning: 'No such route or resource.' },
  invalid_self_report_key: { status: 404, meaning: 'No declaration has this receipt with this self-report key: wrong receipt or key, a key replaced by an officer’s new one, or deleted after its retention (never says which).' },
  conflict: { status: 409, meaning: 'The resource already exists (for example the username is taken).' },
  round_closed: { status: 409, meaning: 'The reporting round is closed: reports can no longer be saved, submitted or reviewed.' },
  report_state: { status: 409, meaning: 'The report is not in a state that allows this (already submitted, accepted, or not submitted yet).' },
  status_not_allowed: { status: 409, meaning: 'The declaration cannot move from its present status to the one asked for.' },
  body_too_large: { status: 413, meaning: 'The request body is larger than the configured limit.' },
  unsupported_media_type: { status: 415, meaning: 'The request body is not application/json.' },
  unsupported_file_type: { status: 415, meaning: 'The attachment is not a PDF or DOCX file (checked by its content, not only its type).' },
  account_locked: { status: 423, meaning: 'Too many failed sign-ins: the account is locked for a while.' },
  rate_limited: { status: 429, meaning: 'Too many requests from this address: wait and retry.' },
  internal: { status: 500, meaning: 'An unexpected server error; details are in the server log only.' },
  unavailable: { status: 503, meaning: 'The server cannot reach its database.' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/**
 * What is wrong with one field, in words a client can translate: the console shows "Tên đăng nhập: cần ít nhất 3 ký
 * tự" from `{"field":"username","problem":"too_short","limit":3}` rather than the English message.
 */
export const FIELD_PROBLEMS = [
  'required',
  'invalid_type',
  'too_short',
  'too_long',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unknown_field',
  'control_character',
  'taken',
  'not_found',
  'out_of_scope',
] as const;
export const fieldProblemSchema = z.enum(FIELD_PROBLEMS);
export type FieldProblem = z.infer<typeof fieldProblemSchema>;

export const fieldErrorSchema = z.object({
  /** Dotted path inside the body, query or path parameters, without the part's name: `username`, `rounds.0.deadline`. */
  field: z.string(),
  problem: fieldProblemSchema,
  /** The bound that was crossed, for too_short, too_long, too_small and too_big. */
  limit: z.number().optional(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** The one shape of every error response: `{"error":{"code","message","fields"?}}`. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    /** English, for people reading logs; clients show their own text by `code` and `fields`. */
    message: z.string(),
    /** Present when the problem lies in particular fields (validation_failed, conflict, unknown_unit). */
    fields: z.array(fieldErrorSchema).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
