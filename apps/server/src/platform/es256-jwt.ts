import { createHmac, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';

/**
 * ES256 JSON Web Tokens (RFC 7519 over RFC 7515 compact JWS; ES256 = ECDSA P-256 SHA-256 with the 64-byte R‖S
 * signature of RFC 7518 section 3.4), signed and checked with node:crypto, synchronously. The certificates of a
 * phone's upload are the server's only ES256 tokens: a signature and a check an upload.
 * jose does the same through WebCrypto, which costs 140 µs a signature and 275 µs a check on the project's
 * machine, against 27 µs and 67 µs here (measured one after the other, 2,000 each); jose stays the independent
 * check of these functions in es256-jwt.test.ts. The algorithm is fixed by the function called, never read from
 * the token (no "none", no HMAC with a public key).
 *
 * HS256 (HMAC-SHA256 under a secret key, RFC 7518 section 3.2) is here for a token that only its maker reads back:
 * the verification token, which the phone treats as opaque and only this server's /certificate checks. An HMAC costs
 * a few microseconds where an ES256 signature and its check cost about 95 µs together, on every upload.
 */

const HEADER = Buffer.from(JSON.stringify({ alg: 'ES256', typ: 'JWT' })).toString('base64url');
const HS256_HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Far above our tokens (about 400 characters); a bound on what an attacker makes us parse. */
const MAX_TOKEN_LENGTH = 4096;

export type JwtClaims = Record<string, unknown>;

export function signEs256Jwt(privateKey: KeyObject, claims: JwtClaims): string {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/** An HS256 JWT under `key` (at least 32 bytes, as RFC 7518 asks of an HS256 key). */
export function signHs256Jwt(key: Buffer, claims: JwtClaims): string {
  const input = `${HS256_HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

export interface JwtExpectations {
  issuer: string;
  audience: string;
  /** The clock's now: `exp` must be after it, `nbf` (when present) not after it. */
  now: Date;
  /** Claims that must be present besides iss, aud and exp. */
  required?: readonly string[];
}

/** The claims of a token signed by `publicKey` that meets every expectation; undefined for anything else. */
export function verifyEs256Jwt(token: unknown, publicKey: KeyObject, expected: JwtExpectations): JwtClaims | undefined {
  return verifyJwt(token, 'ES256', 64, (input, signature) => verify('sha256', input, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature), expected);
}

/** The claims of an HS256 token made under `key` that meets every expectation; undefined for anything else. */
export function verifyHs256Jwt(token: unknown, key: Buffer, expected: JwtExpectations): JwtClaims | undefined {
  return verifyJwt(token, 'HS256', 32, (input, signature) => timingSafeEqual(createHmac('sha256', key).update(input).digest(), signature), expected);
}

function verifyJwt(token: unknown, alg: string, signatureLength: number, check: (input: Buffer, signature: Buffer) => boolean, expected: JwtExpectations): JwtClaims | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((p) => BASE64URL.test(p))) return undefined;
  const [header, payload, signature] = parts as [string, string, string];
  const protectedHeader = parseObject(header);
  // RFC 7515 4.1.11: a "crit" header names extensions we would have to understand; we understand none.
  if (!protectedHeader || protectedHeader.alg !== alg || 'crit' in protectedHeader) return undefined;
  const signatureBytes = Buffer.from(signature, 'base64url');
  // Canonical base64url of exactly the algorithm's length: no second spelling of the same signature is accepted.
  if (signatureBytes.length !== signatureLength || signatureBytes.toString('base64url') !== signature) return undefined;
  if (!check(Buffer.from(`${header}.${payload}`), signatureBytes)) return undefined;
  const claims = parseObject(payload);
  if (!claims) return undefined;
  const now = expected.now.getTime() / 1000;
  if (claims.iss !== expected.issuer) return undefined;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!audiences.includes(expected.audience)) return undefined;
  if (typeof claims.exp !== 'number' || !(now < claims.exp)) return undefined;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now)) return undefined;
  if (claims.iat !== undefined && typeof claims.iat !== 'number') return undefined;
  if (expected.required?.some((name) => claims[name] === undefined)) return undefined;
  return claims;
}

function parseObject(base64url: string): JwtClaims | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(base64url, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JwtClaims) : undefined;
  } catch {
    return undefined;
  }
}
