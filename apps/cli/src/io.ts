import { Readable } from 'node:stream';

/**
 * Where a command writes. `main` gets the process's streams; tests pass buffers, so every command runs in-process
 * and its output and exit code can be asserted without spawning.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Standard input, for commands that read `-`. */
  stdin(): NodeJS.ReadableStream;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stdin: () => process.stdin,
};

/**
 * A reader that stops early (`bluezone keys derive … | head`) closes the pipe, and the next write fails with EPIPE.
 * The reader has what it wanted, so this is no failure: stop at once, with exit code 0 and no message, instead of the
 * unhandled 'error' event's stack trace. Other stream errors are real and still throw.
 */
export function endQuietlyWhenOutputCloses(stream: NodeJS.WritableStream, exit: (code: number) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    exit(0);
  });
}

/** A failure the user caused (bad flag, unreadable file, invalid data): printed as `error: message`, exit 1. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/**
 * A usage error that commander cannot see: values that are each valid but not together (e.g. `--interval` + `--count`
 * past the last interval). Exit code 2, like a bad flag.
 */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 2);
    this.name = 'UsageError';
  }
}

/** Collects a command's output, for tests; `input` is what it reads on standard input. */
export function bufferIo(input = ''): CliIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    stdin: () => Readable.from([input]),
    stdout: () => out,
    stderr: () => err,
  };
}
