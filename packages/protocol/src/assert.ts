import { ProtocolError } from './errors.js';

// One family of input checks, called on the first lines of every public function (as noble does).

export function assertBytes(value: unknown, name: string, length?: number): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new ProtocolError('invalid_argument', `${name} must be a Uint8Array`);
  if (length !== undefined && value.length !== length) {
    throw new ProtocolError('invalid_length', `${name} must be ${length} bytes, got ${value.length}`);
  }
}

export function assertInteger(value: unknown, name: string, min: number, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ProtocolError('invalid_argument', `${name} must be an integer in [${min}, ${max}], got ${String(value)}`);
  }
}

export function assertFiniteNumber(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ProtocolError('invalid_argument', `${name} must be a finite number, got ${String(value)}`);
  }
}
