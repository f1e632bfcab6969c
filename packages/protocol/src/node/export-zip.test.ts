import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeExportBin } from '../export/export-bin.js';
import { readExportZip } from '../export/export-zip.js';
import { verifyExportZip } from '../export/export-signing.js';
import { signExportBinNode } from './export-signing.js';
import { writeExportZipNode } from './export-zip.js';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
const signatureInfo = { verificationKeyId: 'bluezone_vn', verificationKeyVersion: 'v1', signatureAlgorithm: '1.2.840.10045.4.3.2' };

describe('writeExportZipNode', () => {
  it('writes an export that reads back whole and verifies, the same bytes every time', async () => {
    const batch = {
      startTimestamp: 1_795_910_400,
      endTimestamp: 1_795_914_000,
      region: 'VN',
      batchNum: 2,
      batchSize: 3,
      signatureInfos: [signatureInfo],
      keys: Array.from({ length: 3000 }, (_, i) => ({ keyData: Uint8Array.from({ length: 16 }, (_, j) => (i * 31 + j * 7) & 0xff), transmissionRiskLevel: 1 + (i % 6), rollingStartIntervalNumber: 2_993_040 - 144 * (i % 14), rollingPeriod: 144, reportType: 1, daysSinceOnsetOfSymptoms: (i % 14) - 2 })),
      revisedKeys: [],
    };
    const exportBin = encodeExportBin(batch);
    const signature = signExportBinNode(exportBin, privateKeyPem, signatureInfo, { batchNum: 2, batchSize: 3 });
    expect(signature).toEqual({ ...signExportBinNode(exportBin, privateKeyPem, signatureInfo), signature: signature.signature });
    const zip = await writeExportZipNode({ exportBin, signatures: [signature] });
    const read = readExportZip(zip);
    expect(read.exportBin).toEqual(exportBin);
    expect(read.export.keys).toEqual(batch.keys);
    expect(verifyExportZip(zip, publicKeyPem)).toMatchObject({ valid: true });
    expect(await writeExportZipNode({ exportBin, signatures: [signature] })).toEqual(zip);
    expect(zip.length).toBeLessThan(exportBin.length);
  });
});
