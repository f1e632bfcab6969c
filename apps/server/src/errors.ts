import { ERROR_CODES, type ErrorCode, type FieldError } from '@bluezone/contract';

/**
 * A failure a client caused or must know about, with its documented wire code and, when the fault lies in particular
 * fields, which and why. Services throw it; the HTTP layer turns it into `{"error":{"code","message","fields"?}}` with
 * the code's status, and the CLI prints the message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: FieldError[] | undefined;
  constructor(code: ErrorCode, message: string, fields?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
