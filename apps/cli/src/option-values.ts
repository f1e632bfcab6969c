import { InvalidArgumentError } from 'commander';

/**
 * Parsers of option values, given to commander's `.option(flags, description, parser, default)`. A bad value throws
 * InvalidArgumentError, which commander reports as `error: option '--x <v>' argument 'bad' is invalid. <why>` and
 * `main` turns into exit code 2: a wrong value is a usage error, like a wrong flag. Defaults are not parsed by
 * commander, so they are given already parsed.
 */

/** A decimal integer in [min, max]; refuses "1e3", "0x10", "1.5" and "12abc", which Number() would accept. */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
  return (value) => {
    const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`must be an integer ${range}`);
    return n;
  };
}

/** Exactly `length` bytes written as hex digits, either case; the action decodes them (protocol's fromHex). */
export function hexOfBytes(length: number): (value: string) => string {
  return (value) => {
    if (!/^[0-9a-fA-F]*$/.test(value) || value.length !== length * 2) {
      throw new InvalidArgumentError(`must be ${length} bytes of hex (${length * 2} hex digits)`);
    }
    return value;
  };
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number > 0. */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!DECIMAL.test(value.trim()) || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number > 0');
  return n;
}

/** A decimal number ≥ 0. */
export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (!DECIMAL.test(value.trim()) || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number ≥ 0');
  return n;
}

/** export.proto's character class for verification_key_id and _version, "[a-zA-Z0-9_]" (phones compare them as strings). */
export function exportKeyToken(value: string): string {
  if (!/^[A-Za-z0-9_]+$/.test(value)) throw new InvalidArgumentError('must match [A-Za-z0-9_]+');
  return value;
}
