import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { signEs256Jwt, verifyEs256Jwt } from './es256-jwt.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const NOW = new Date('2026-11-23T08:00:00Z');
const iat = NOW.getTime() / 1000;
const claims = { sub: 'confirmed..', iss: 'bz-verification', aud: 'bz-exposure', iat, nbf: iat, exp: iat + 900 };
const expect_ = { issuer: 'bz-verification', audience: 'bz-exposure', now: NOW };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

// jose (WebCrypto) is the independent implementation both directions are checked against.
describe('ES256 JWT', () => {
  it('makes tokens jose accepts, with the header and claims given', async () => {
    const token = signEs256Jwt(privateKey, claims);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ['ES256'], issuer: claims.iss, audience: claims.aud, currentDate: NOW });
    expect(payload).toEqual(claims);
  });

  it("accepts jose's tokens, and answers their claims", async () => {
    const token = await new SignJWT({ tekmac: 'x' }).setProtectedHeader({ alg: 'ES256' }).setIssuer(claims.iss).setAudience([claims.aud, 'other']).setIssuedAt(iat).setExpirationTime(iat + 60).sign(privateKey);
    expect(verifyEs256Jwt(token, publicKey, { ...expect_, required: ['iat', 'tekmac'] })).toMatchObject({ tekmac: 'x', iss: claims.iss });
  });

  it('refuses another key, another issuer or audience, and a token outside its time', () => {
    const token = signEs256Jwt(privateKey, claims);
    expect(verifyEs256Jwt(token, publicKey, expect_)).toEqual(claims);
    expect(verifyEs256Jwt(token, other.publicKey, expect_)).toBeUndefined();
    expect(verifyEs256Jwt(token, publicKey, { ...expect_, issuer: 'someone' })).toBeUndefined();
    expect(verifyEs256Jwt(token, publicKey, { ...expect_, audience: 'bz-verification' })).toBeUndefined();
    expect(verifyEs256Jwt(token, publicKey, { ...expect_, now: new Date((iat + 900) * 1000) })).toBeUndefined(); // exp is exclusive
    expect(verifyEs256Jwt(token, publicKey, { ...expect_, now: new Date((iat + 899) * 1000) })).toEqual(claims);
    expect(verifyEs256Jwt(token, publicKey, { ...expect_, now: new Date((iat - 1) * 1000) })).toBeUndefined(); // before nbf
    expect(verifyEs256Jwt(signEs256Jwt(privateKey, { ...claims, exp: undefined }), publicKey, expect_)).toBeUndefined();
    expect(verifyEs256Jwt(signEs256Jwt(privateKey, { ...claims, iat: undefined }), publicKey, { ...expect_, required: ['iat'] })).toBeUndefined();
  });

  it('refuses other algorithms, tampering, a second spelling of the signature, and garbage', () => {
    const token = signEs256Jwt(privateKey, claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
    // HS256 "signed" with the public key's bytes: the classic confusion, refused because only ES256 is read.
    const hs = `${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}.${signature}`;
    const tampered = `${header}.${b64({ ...claims, sub: 'likely..' })}.${signature}`;
    const padded = `${token}=`;
    const crit = (() => {
      const input = `${b64({ alg: 'ES256', crit: ['b64'], b64: false })}.${payload}`;
      return `${input}.${sign('sha256', Buffer.from(input), { key: createPrivateKey(privateKey.export({ type: 'pkcs8', format: 'pem' })), dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
    })();
    for (const bad of [none, hs, tampered, padded, crit, '', 'a.b', 'a.b.c.d', `${header}.${payload}`, 'x'.repeat(5000), 42, null]) {
      expect(verifyEs256Jwt(bad, publicKey, expect_)).toBeUndefined();
    }
  });
});
