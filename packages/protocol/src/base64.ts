import { ProtocolError } from './errors.js';

// Standard base64 with padding (RFC 4648 §4), the encoding Go's base64.StdEncoding writes and the verification and
// key servers read. Written here because the core may not use Node's Buffer and `btoa` works on strings.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** @example encodeStdBase64(Uint8Array.of(1, 2, 3)) // "AQID" */
export function encodeStdBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    out += ALPHABET[b0 >> 2];
    out += ALPHABET[((b0 & 0x03) << 4) | ((b1 ?? 0) >> 4)];
    out += b1 === undefined ? '=' : ALPHABET[((b1 & 0x0f) << 2) | ((b2 ?? 0) >> 6)];
    out += b2 === undefined ? '=' : ALPHABET[b2 & 0x3f];
  }
  return out;
}

/**
 * Decodes canonical padded base64 only: two spellings of one key would sort differently and so change the HMAC.
 *
 * @example decodeStdBase64('AQID') // Uint8Array [1, 2, 3]
 */
export function decodeStdBase64(text: string, name = 'base64'): Uint8Array {
  if (typeof text !== 'string' || !CANONICAL.test(text)) {
    throw new ProtocolError('invalid_base64', `${name} must be padded standard base64`);
  }
  const body = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let j = 0;
  for (const ch of body) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  // Non-zero leftover bits mean a non-canonical spelling (e.g. "AR==" for one byte 0x01, canonical "AQ==").
  if ((acc & ((1 << bits) - 1)) !== 0) {
    throw new ProtocolError('invalid_base64', `${name} is not canonical base64`);
  }
  return out;
}
