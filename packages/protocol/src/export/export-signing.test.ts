import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../hex.js';
import { encodeExportBin, type ExposureKeyExport } from './export-bin.js';
import { readExportZip, writeExportZip } from './export-zip.js';
import {
  EXPORT_SIGNATURE_ALGORITHM,
  buildSignedExportZip,
  signExportBin,
  verifyExportSignature,
  verifyExportZip,
} from './export-signing.js';

const vector = (name: string) => readFileSync(new URL(`../../test-vectors/exports/${name}`, import.meta.url));
const googleZip = new Uint8Array(vector('google-sample-140-keys.zip'));
const googlePem = vector('google-sample-140-keys.public.pem').toString('utf8');

function keyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const signatureInfo = { verificationKeyVersion: 'v1', verificationKeyId: '452', signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM };

function sampleExport(): ExposureKeyExport {
  return {
    startTimestamp: 1_700_000_000,
    endTimestamp: 1_700_086_400,
    region: 'VN',
    batchNum: 2,
    batchSize: 3,
    signatureInfos: [signatureInfo],
    keys: [
      {
        keyData: fromHex('000102030405060708090a0b0c0d0e0f'),
        transmissionRiskLevel: null,
        rollingStartIntervalNumber: 2_833_344,
        rollingPeriod: 144,
        reportType: 1,
        daysSinceOnsetOfSymptoms: 2,
      },
    ],
    revisedKeys: [],
  };
}

describe("Google's signed sample (140 keys, key id 310 v1)", () => {
  it('verifies with its public key', () => {
    expect(verifyExportZip(googleZip, googlePem)).toEqual({
      valid: true,
      signatureInfo: { verificationKeyVersion: 'v1', verificationKeyId: '310', signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM },
    });
  });

  it('does not verify once one key byte is changed', () => {
    const { exportBin, signatures } = readExportZip(googleZip);
    const tampered = exportBin.slice();
    tampered[tampered.length - 20]! ^= 0x01;
    expect(verifyExportSignature(exportBin, signatures, googlePem).valid).toBe(true);
    expect(verifyExportSignature(tampered, signatures, googlePem)).toMatchObject({
      valid: false,
      reason: 'signature does not match',
      code: 'export_signature_invalid',
    });
    // Same through a re-zipped file: the zip is fine, the signature is not.
    expect(verifyExportZip(writeExportZip({ exportBin: tampered, signatures }), googlePem).valid).toBe(false);
  });

  it('does not verify with another key', () => {
    expect(verifyExportZip(googleZip, keyPair().publicKeyPem)).toMatchObject({ valid: false, code: 'export_signature_invalid' });
  });

  it('covers the 16-byte header too', () => {
    const { exportBin, signatures } = readExportZip(googleZip);
    expect(verifyExportSignature(exportBin.subarray(16), signatures, googlePem).valid).toBe(false);
  });

  it('picks signatures by key id and version when asked', () => {
    expect(verifyExportZip(googleZip, googlePem, { verificationKeyId: '310', verificationKeyVersion: 'v1' }).valid).toBe(true);
    expect(verifyExportZip(googleZip, googlePem, { verificationKeyId: '452' })).toMatchObject({
      valid: false,
      code: 'export_signature_missing',
    });
  });
});

describe('signing our own batches (pure @noble/curves)', () => {
  const keys = keyPair();

  it('signs, zips, reads and verifies', () => {
    const { zip, signatures } = buildSignedExportZip(sampleExport(), [{ privateKeyPem: keys.privateKeyPem, signatureInfo }]);
    expect(signatures[0]).toMatchObject({ batchNum: 2, batchSize: 3, signatureInfo });
    expect(signatures[0]?.signature[0]).toBe(0x30); // DER SEQUENCE
    expect(verifyExportZip(zip, keys.publicKeyPem).valid).toBe(true);
    expect(verifyExportZip(zip, keyPair().publicKeyPem).valid).toBe(false);
  });

  it('gives the same zip for the same batch and key (RFC 6979 signatures, fixed zip metadata)', () => {
    const signer = [{ privateKeyPem: keys.privateKeyPem, signatureInfo }];
    expect(buildSignedExportZip(sampleExport(), signer).zip).toEqual(buildSignedExportZip(sampleExport(), signer).zip);
  });

  it('accepts high-S signatures, as OpenSSL makes them', () => {
    const exportBin = encodeExportBin(sampleExport());
    const low = signExportBin(exportBin, keys.privateKeyPem, signatureInfo);
    const sig = p256.Signature.fromBytes(low.signature, 'der');
    // noble signs low-S; (r, n - s) is the same signature's high-S twin.
    const highDer = new p256.Signature(sig.r, p256.Point.Fn.ORDER - sig.s).toBytes('der');
    expect(highDer).not.toEqual(low.signature);
    expect(verifyExportSignature(exportBin, [{ ...low, signature: highDer }], keys.publicKeyPem).valid).toBe(true);
  });

  it('says a damaged file is invalid, with the reason, rather than throwing', () => {
    const { zip } = buildSignedExportZip(sampleExport(), [{ privateKeyPem: keys.privateKeyPem, signatureInfo }]);
    const result = verifyExportZip(zip.subarray(0, zip.length - 10), keys.publicKeyPem);
    expect(result).toMatchObject({ valid: false, code: 'export_truncated' });
    expect(result.valid === false && result.reason).toMatch(/^export_truncated: /);
  });

  it('throws on an unreadable public key', () => {
    expect(() => verifyExportZip(googleZip, 'not a pem')).toThrow(/PUBLIC KEY/);
  });

  it('reports an empty signature list', () => {
    expect(verifyExportSignature(encodeExportBin(sampleExport()), [], keys.publicKeyPem)).toMatchObject({
      valid: false,
      code: 'export_signature_missing',
    });
  });

  it('treats a malformed DER signature as not matching', () => {
    const exportBin = encodeExportBin(sampleExport());
    const bad = { signatureInfo, batchNum: 1, batchSize: 1, signature: fromHex('3001ff') };
    expect(verifyExportSignature(exportBin, [bad], keys.publicKeyPem)).toMatchObject({ code: 'export_signature_invalid' });
  });
});
