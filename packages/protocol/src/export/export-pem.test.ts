import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { toHex } from '../hex.js';
import { p256PrivateKeyFromPem, p256PublicKeyFromPem } from './export-pem.js';

// node:crypto (OpenSSL) is the second implementation: it writes the PEM and tells us what is inside as a JWK.
const b64url = (s: string) => toHex(Buffer.from(s, 'base64url'));
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const jwk = privateKey.export({ format: 'jwk' });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProtocolError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('p256PublicKeyFromPem', () => {
  it('reads the uncompressed point of an SPKI PEM written by OpenSSL', () => {
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(toHex(p256PublicKeyFromPem(pem))).toBe(`04${b64url(jwk.x as string)}${b64url(jwk.y as string)}`);
  });

  it("reads Google's sample verification key", () => {
    const pem = readFileSync(new URL('../../test-vectors/exports/google-sample-140-keys.public.pem', import.meta.url), 'utf8');
    expect(toHex(p256PublicKeyFromPem(pem)).slice(0, 10)).toBe('04e3d258ea');
  });

  it('refuses other curves, other key types and non-PEM', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey.export({ type: 'spki', format: 'pem' });
    expect(codeOf(() => p256PublicKeyFromPem(p384.toString()))).toBe('export_bad_key_pem');
    const ed = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    expect(codeOf(() => p256PublicKeyFromPem(ed.toString()))).toBe('export_bad_key_pem');
    expect(codeOf(() => p256PublicKeyFromPem('hello'))).toBe('export_bad_key_pem');
    expect(codeOf(() => p256PublicKeyFromPem('-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----'))).toBe(
      'export_bad_key_pem',
    );
  });
});

describe('p256PrivateKeyFromPem', () => {
  const d = b64url(jwk.d as string);

  it('reads PKCS#8 (BEGIN PRIVATE KEY)', () => {
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(toHex(p256PrivateKeyFromPem(pem))).toBe(d);
  });

  it('reads SEC1 (BEGIN EC PRIVATE KEY, what openssl ecparam -genkey writes)', () => {
    const pem = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    expect(toHex(p256PrivateKeyFromPem(pem))).toBe(d);
  });

  it('refuses a public key, an encrypted key and another curve', () => {
    expect(codeOf(() => p256PrivateKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()))).toBe(
      'export_bad_key_pem',
    );
    const encrypted = privateKey
      .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
      .toString();
    expect(codeOf(() => p256PrivateKeyFromPem(encrypted))).toBe('export_bad_key_pem');
    const p384 = createPrivateKey(
      generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    expect(codeOf(() => p256PrivateKeyFromPem(p384.export({ type: 'pkcs8', format: 'pem' }).toString()))).toBe(
      'export_bad_key_pem',
    );
  });
});
