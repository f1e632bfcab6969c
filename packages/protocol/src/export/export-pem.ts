import { ProtocolError } from '../errors.js';
import { decodeStdBase64 } from '../base64.js';

/**
 * Just enough PEM and DER to read P-256 keys for export signing, without node:crypto (browsers, React Native):
 * SPKI public keys (`BEGIN PUBLIC KEY`, RFC 5480), PKCS#8 private keys (`BEGIN PRIVATE KEY`, RFC 5208 + RFC 5915)
 * and SEC1 private keys (`BEGIN EC PRIVATE KEY`, RFC 5915, what `openssl ecparam -genkey` writes).
 * Anything else (other curves, encrypted keys) is refused with `export_bad_key_pem`.
 */

// OIDs as DER content bytes: id-ecPublicKey 1.2.840.10045.2.1 and prime256v1 1.2.840.10045.3.1.7.
const OID_EC_PUBLIC_KEY = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_P256 = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];

interface Der {
  tag: number;
  content: Uint8Array;
  /** Offset just after this element in the buffer it was read from. */
  end: number;
}

function bad(message: string): never {
  throw new ProtocolError('export_bad_key_pem', message);
}

/** Reads one DER TLV at `offset` (definite lengths only, as DER requires). */
function readDer(bytes: Uint8Array, offset: number): Der {
  const tag = bytes[offset];
  let lengthByte = bytes[offset + 1];
  if (tag === undefined || lengthByte === undefined) bad('DER element is truncated');
  let pos = offset + 2;
  let length = lengthByte;
  if (lengthByte & 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 3) bad('unsupported DER length');
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[pos++];
      if (lengthByte === undefined) bad('DER length is truncated');
      length = length * 256 + lengthByte;
    }
  }
  if (pos + length > bytes.length) bad('DER element is truncated');
  return { tag, content: bytes.subarray(pos, pos + length), end: pos + length };
}

/** The children of a constructed DER element. */
function children(content: Uint8Array): Der[] {
  const out: Der[] = [];
  for (let pos = 0; pos < content.length; ) {
    const child = readDer(content, pos);
    out.push(child);
    pos = child.end;
  }
  return out;
}

function sameBytes(a: Uint8Array, b: number[]): boolean {
  return a.length === b.length && b.every((v, i) => a[i] === v);
}

/** A PEM body is canonical padded base64 split over lines (RFC 7468 §2); the shared decoder checks the rest. */
function base64ToBytes(text: string): Uint8Array {
  try {
    return decodeStdBase64(text.replace(/\s/g, ''), 'PEM body');
  } catch {
    return bad('PEM body is not base64');
  }
}

/** The DER bytes inside the first PEM block with this label. */
function pemBody(pem: string, label: string): Uint8Array | undefined {
  if (typeof pem !== 'string') throw new ProtocolError('invalid_argument', 'PEM must be a string');
  const match = new RegExp(`-----BEGIN ${label}-----([^-]*)-----END ${label}-----`).exec(pem);
  return match ? base64ToBytes(match[1] ?? '') : undefined;
}

/** Checks an AlgorithmIdentifier is { id-ecPublicKey, prime256v1 }. */
function assertP256Algorithm(algorithm: Der | undefined): void {
  if (algorithm?.tag !== 0x30) bad('missing AlgorithmIdentifier');
  const [oid, curve] = children(algorithm.content);
  if (oid?.tag !== 0x06 || !sameBytes(oid.content, OID_EC_PUBLIC_KEY)) bad('not an EC key');
  if (curve?.tag !== 0x06 || !sameBytes(curve.content, OID_P256)) bad('not a P-256 (prime256v1) key');
}

/**
 * The SEC1 point (65 bytes uncompressed or 33 compressed) of a P-256 public key in SPKI PEM.
 *
 * @example
 * const point = p256PublicKeyFromPem('-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE...');
 */
export function p256PublicKeyFromPem(pem: string): Uint8Array {
  const der = pemBody(pem, 'PUBLIC KEY');
  if (der === undefined) bad('no "BEGIN PUBLIC KEY" block');
  const spki = readDer(der, 0);
  if (spki.tag !== 0x30) bad('SubjectPublicKeyInfo is not a SEQUENCE');
  const [algorithm, bitString] = children(spki.content);
  assertP256Algorithm(algorithm);
  // BIT STRING: a leading "unused bits" byte, 0 for a key.
  if (bitString?.tag !== 0x03 || bitString.content[0] !== 0) bad('public key is not a BIT STRING');
  const point = bitString.content.slice(1);
  if (!((point.length === 65 && point[0] === 4) || (point.length === 33 && (point[0] === 2 || point[0] === 3)))) {
    bad('public key is not a SEC1 P-256 point');
  }
  return point;
}

/** The 32-byte scalar of a SEC1 ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING d, [0] params?, [1] pub? }. */
function scalarFromEcPrivateKey(der: Uint8Array, checkCurve: boolean): Uint8Array {
  const seq = readDer(der, 0);
  if (seq.tag !== 0x30) bad('ECPrivateKey is not a SEQUENCE');
  const [version, secret, ...rest] = children(seq.content);
  if (version?.tag !== 0x02 || !sameBytes(version.content, [1])) bad('ECPrivateKey version is not 1');
  if (secret?.tag !== 0x04 || secret.content.length !== 32) bad('ECPrivateKey is not a 32-byte P-256 scalar');
  const params = rest.find((d) => d.tag === 0xa0);
  if (checkCurve && params !== undefined) {
    const [oid] = children(params.content);
    if (oid?.tag !== 0x06 || !sameBytes(oid.content, OID_P256)) bad('not a P-256 (prime256v1) key');
  }
  return secret.content.slice();
}

/**
 * The 32-byte secret scalar of a P-256 private key in PKCS#8 (`BEGIN PRIVATE KEY`) or SEC1
 * (`BEGIN EC PRIVATE KEY`) PEM. Encrypted PEM is refused.
 *
 * @example
 * const secret = p256PrivateKeyFromPem(readFileSync('export-signing.pem', 'utf8'));
 */
export function p256PrivateKeyFromPem(pem: string): Uint8Array {
  const sec1 = pemBody(pem, 'EC PRIVATE KEY');
  if (sec1 !== undefined) {
    if (/Proc-Type:/.test(pem)) bad('encrypted PEM keys are not supported');
    return scalarFromEcPrivateKey(sec1, true);
  }
  const der = pemBody(pem, 'PRIVATE KEY');
  if (der === undefined) bad('no "BEGIN PRIVATE KEY" or "BEGIN EC PRIVATE KEY" block');
  const info = readDer(der, 0);
  if (info.tag !== 0x30) bad('PrivateKeyInfo is not a SEQUENCE');
  const [version, algorithm, privateKey] = children(info.content);
  if (version?.tag !== 0x02) bad('PrivateKeyInfo has no version');
  assertP256Algorithm(algorithm);
  if (privateKey?.tag !== 0x04) bad('PrivateKeyInfo has no privateKey OCTET STRING');
  return scalarFromEcPrivateKey(privateKey.content, true);
}
