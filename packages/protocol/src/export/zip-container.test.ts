import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeExportZip, readExportZip } from './export-zip.js';
import { encodeExportSignatureList } from './export-signature-list.js';
import { encodeExportBin } from './export-bin.js';
import { writeDeflatedZip } from './zip-container.js';
import { zipCrc32 } from './zip-crc.js';

const exportBin = encodeExportBin({
  startTimestamp: 1_795_910_400,
  endTimestamp: 1_795_914_000,
  region: 'VN',
  batchNum: 1,
  batchSize: 1,
  signatureInfos: [{ verificationKeyId: 'bluezone_vn', verificationKeyVersion: 'v1', signatureAlgorithm: '1.2.840.10045.4.3.2' }],
  keys: Array.from({ length: 50 }, (_, i) => ({ keyData: new Uint8Array(16).fill(i), transmissionRiskLevel: 2, rollingStartIntervalNumber: 2_993_040, rollingPeriod: 144, reportType: 1, daysSinceOnsetOfSymptoms: i % 5 })),
  revisedKeys: [],
});
const signatures = [{ signatureInfo: { verificationKeyId: 'bluezone_vn', verificationKeyVersion: 'v1', signatureAlgorithm: '1.2.840.10045.4.3.2' }, batchNum: 1, batchSize: 1, signature: new Uint8Array(71).fill(7) }];

describe('writeDeflatedZip', () => {
  it("lays out the same bytes as fflate's zipSync when given fflate's deflate streams", () => {
    const exportSig = encodeExportSignatureList(signatures);
    const entry = (name: string, data: Uint8Array) => ({ name, deflated: deflateSync(data, { level: 6 }), crc32: zipCrc32(data), size: data.length });
    const ours = writeDeflatedZip([entry('export.bin', exportBin), entry('export.sig', exportSig)]);
    expect(ours).toEqual(writeExportZip({ exportBin, signatures }));
    expect(readExportZip(ours).exportBin).toEqual(exportBin);
  });

  it('refuses names that are not printable ASCII and sizes beyond a zip without Zip64', () => {
    const ok = { name: 'export.bin', deflated: new Uint8Array(2), crc32: 0, size: 0 };
    expect(() => writeDeflatedZip([{ ...ok, name: 'xuất.bin' }])).toThrow(/ASCII/);
    expect(() => writeDeflatedZip([{ ...ok, size: 2 ** 32 }])).toThrow(/size/);
    expect(() => writeDeflatedZip([{ ...ok, crc32: -1 }])).toThrow(/crc32/);
  });
});
