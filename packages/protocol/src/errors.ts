/**
 * The one error type of the protocol package. `code` is a stable snake_case string that callers
 * (the server, the CLI, the app) map to their own messages; the list lives in README.md of this package.
 */
export class ProtocolError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
  }
}
