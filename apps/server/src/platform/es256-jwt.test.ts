import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { SignJWT, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { signEs256Jwt, signHs256Jwt, verifyEs256Jwt, verifyHs256Jwt } from './es256-jwt.js';

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

describe('HS256 JWT', () => {
  const key = Buffer.alloc(32, 9);
  it('makes tokens jose accepts under the same key, and accepts jose’s', async () => {
    const token = signHs256Jwt(key, claims);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer: claims.iss, audience: claims.aud, currentDate: NOW });
    expect(payload).toEqual(claims);
    const theirs = await new SignJWT({ jti: 'j' }).setProtectedHeader({ alg: 'HS256' }).setIssuer(claims.iss).setAudience(claims.aud).setIssuedAt(iat).setExpirationTime(iat + 60).sign(key);
    expect(verifyHs256Jwt(theirs, key, expect_)).toMatchObject({ jti: 'j' });
  });

  it('refuses another key, tampering, another time, ES256 tokens and ES256 checks of it', () => {
    const token = signHs256Jwt(key, claims);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    expect(verifyHs256Jwt(token, key, expect_)).toEqual(claims);
    expect(verifyHs256Jwt(token, Buffer.alloc(32, 8), expect_)).toBeUndefined();
    expect(verifyHs256Jwt(`${header}.${b64({ ...claims, sub: 'likely..' })}.${signature}`, key, expect_)).toBeUndefined();
    expect(verifyHs256Jwt(`${token}A`, key, expect_)).toBeUndefined();
    expect(verifyHs256Jwt(token, key, { ...expect_, now: new Date((iat + 900) * 1000) })).toBeUndefined();
    expect(verifyHs256Jwt(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`, key, expect_)).toBeUndefined();
    expect(verifyHs256Jwt(signEs256Jwt(privateKey, claims), key, expect_)).toBeUndefined();
    expect(verifyEs256Jwt(token, publicKey, expect_)).toBeUndefined();
  });
});
