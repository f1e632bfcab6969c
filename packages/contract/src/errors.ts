import { z } from 'zod';

/**
 * Every error the API returns, by its wire code. The status is the HTTP status that carries it; clients branch on the
 * code, never on the message (which is English, for people reading logs).
 */
export const ERROR_CODES = {
  validation_failed: { status: 400, meaning: 'The request body, query or path does not match its schema.' },
  malformed_json: { status: 400, meaning: 'The request body is not valid JSON.' },
  unknown_unit: { status: 400, meaning: 'The administrative unit code given does not exist.' },
  unauthenticated: { status: 401, meaning: 'No valid session: sign in first (the session may have expired).' },
  invalid_credentials: { status: 401, meaning: 'Wrong username or password (never says which).' },
  csrf_failed: { status: 403, meaning: 'A state-changing request lacked the X-CSRF-Token header of its session.' },
  forbidden: { status: 403, meaning: 'Signed in, but this role may not do this.' },
  not_found: { status: 404, meaning: 'No such route or resource.' },
  conflict: { status: 409, meaning: 'The resource already exists (for example the username is taken).' },
  body_too_large: { status: 413, meaning: 'The request body is larger than the configured limit.' },
  unsupported_media_type: { status: 415, meaning: 'The request body is not application/json.' },
  account_locked: { status: 423, meaning: 'Too many failed sign-ins: the account is locked for a while.' },
  rate_limited: { status: 429, meaning: 'Too many requests from this address: wait and retry.' },
  internal: { status: 500, meaning: 'An unexpected server error; details are in the server log only.' },
  unavailable: { status: 503, meaning: 'The server cannot reach its database.' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const errorCodeSchema = z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]);

/** The one shape of every error response: `{"error":{"code","message"}}`. */
export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
