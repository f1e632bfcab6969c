import { ERROR_CODES, type ErrorCode } from '@bluezone/contract';

/**
 * A failure a client caused or must know about, with its documented wire code. Services throw it; the HTTP layer
 * turns it into `{"error":{"code","message"}}` with the code's status, and the CLI prints the message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
