import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { fromHex } from '../hex.js';
import { encodeExportBin, type ExposureKeyExport } from '../export/export-bin.js';
import { readExportZip } from '../export/export-zip.js';
import { EXPORT_SIGNATURE_ALGORITHM, signExportBin, verifyExportSignature } from '../export/export-signing.js';
import { signExportBinNode, verifyExportSignatureNode } from './export-signing.js';

// The node:crypto backend and the pure one must be interchangeable: each verifies what the other signs.

const vector = (name: string) => readFileSync(new URL(`../../test-vectors/exports/${name}`, import.meta.url));
const signatureInfo = { verificationKeyVersion: 'v1', verificationKeyId: '452', signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM };

const batch: ExposureKeyExport = {
  startTimestamp: 1_700_000_000,
  endTimestamp: 1_700_086_400,
  region: 'VN',
  batchNum: 1,
  batchSize: 1,
  signatureInfos: [signatureInfo],
  keys: [
    {
      keyData: fromHex('0f0e0d0c0b0a09080706050403020100'),
      transmissionRiskLevel: 3,
      rollingStartIntervalNumber: 2_833_344,
      rollingPeriod: 144,
      reportType: 1,
      daysSinceOnsetOfSymptoms: -1,
    },
  ],
  revisedKeys: [],
};

const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const sec1Pem = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
const exportBin = encodeExportBin(batch);

describe('node:crypto export signing', () => {
  it("verifies Google's sample like the pure verifier does", () => {
    const { exportBin: googleBin, signatures } = readExportZip(new Uint8Array(vector('google-sample-140-keys.zip')));
    const pem = vector('google-sample-140-keys.public.pem').toString('utf8');
    expect(verifyExportSignatureNode(googleBin, signatures, pem).valid).toBe(true);
    const tampered = googleBin.slice();
    tampered[100]! ^= 0x80;
    expect(verifyExportSignatureNode(tampered, signatures, pem)).toMatchObject({ valid: false, code: 'export_signature_invalid' });
  });

  it('signs what the pure verifier accepts (PKCS#8 and SEC1 keys), many times over', () => {
    // OpenSSL picks a random k: several rounds give both low-S and high-S signatures.
    for (let i = 0; i < 8; i++) {
      const signature = signExportBinNode(exportBin, i % 2 ? sec1Pem : privateKeyPem, signatureInfo);
      expect(verifyExportSignature(exportBin, [signature], publicKeyPem).valid).toBe(true);
    }
  });

  it('verifies what the pure signer signs, and rejects it on other data', () => {
    const signature = signExportBin(exportBin, privateKeyPem, signatureInfo);
    expect(verifyExportSignatureNode(exportBin, [signature], publicKeyPem).valid).toBe(true);
    const other = encodeExportBin({ ...batch, region: 'US' });
    expect(verifyExportSignatureNode(other, [signature], publicKeyPem).valid).toBe(false);
  });

  it('copies batch_num and batch_size from export.bin into the signature', () => {
    const bin = encodeExportBin({ ...batch, batchNum: 3, batchSize: 7 });
    expect(signExportBinNode(bin, privateKeyPem, signatureInfo)).toMatchObject({ batchNum: 3, batchSize: 7, signatureInfo });
  });

  it('refuses keys that are not P-256', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const pem = p384.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => signExportBinNode(exportBin, pem, signatureInfo)).toThrow(ProtocolError);
    expect(() => verifyExportSignatureNode(exportBin, [], 'garbage')).toThrow(/does not read/);
  });
});
