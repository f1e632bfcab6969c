import type { FieldError } from '@bluezone/contract';

/**
 * Why a call to the server failed, as the screens need to know it: the server's documented error code
 * (`invalid_code`, `token_invalid`, ... see apps/server/README.md), or one of the app's own:
 * `network_error` (no answer: offline, timeout), `bad_response` (an answer that is not what the contract says).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status?: number,
    /** The fields the server named as wrong (validation_failed, unknown_unit), for a form to show beside each. */
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Worth trying again later with the same request: the network or the server, not the request itself. */
  get retryable(): boolean {
    return this.code === 'network_error' || this.code === 'rate_limited' || this.code === 'unavailable' || this.code === 'internal' || (this.status ?? 0) >= 500;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
