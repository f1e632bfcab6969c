import { unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { decodeExportBin, type ExposureKeyExport } from './export-bin.js';
import { decodeExportSignatureList, encodeExportSignatureList, type ExportSignature } from './export-signature-list.js';
import { zipCrc32, zipDeclaredCrcs } from './zip-crc.js';

/**
 * export.zip: exactly two entries, `export.bin` and `export.sig` ("Exposure Key Export File Format and
 * Verification"). Phones download these from anyone's CDN, so reading is defensive: sizes are checked before
 * anything is inflated.
 */
export const EXPORT_BIN_ENTRY = 'export.bin';
export const EXPORT_SIG_ENTRY = 'export.sig';

/** Bounds for readExportZip. Google's server caps a batch at a few hundred thousand keys (~30 bytes each). */
export interface ExportZipLimits {
  /** Largest accepted zip file, in bytes. */
  maxZipBytes: number;
  /** Largest accepted sum of the entries' uncompressed sizes, in bytes (checked on the declared sizes first). */
  maxUncompressedBytes: number;
}

export const DEFAULT_EXPORT_ZIP_LIMITS: Readonly<ExportZipLimits> = Object.freeze({
  maxZipBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 50 * 1024 * 1024,
});

/** The two files of an export, raw and decoded. */
export interface ExportZipContents {
  /** export.bin exactly as stored: this is what the signatures cover. */
  exportBin: Uint8Array;
  /** export.sig exactly as stored. */
  exportSig: Uint8Array;
  export: ExposureKeyExport;
  signatures: ExportSignature[];
}

/**
 * A fixed modification time so the same content always zips to the same bytes. fflate reads the Date's local
 * fields into the DOS timestamp, so it is built from local fields too: the result does not depend on the time zone.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Zips export.bin and its signatures. Deterministic: fixed entry order (export.bin, then export.sig), fixed
 * mtime, DOS attributes, deflate level 6, so writing the same export twice gives identical bytes.
 *
 * @example
 * const zip = writeExportZip({ exportBin, signatures: [{ signatureInfo, batchNum: 1, batchSize: 1, signature }] });
 */
export function writeExportZip(input: { exportBin: Uint8Array; signatures: ExportSignature[] }): Uint8Array {
  assertBytes(input?.exportBin, 'exportBin');
  const exportSig = encodeExportSignatureList(input.signatures);
  const options = { level: 6, mtime: FIXED_MTIME } as const;
  return zipSync({
    [EXPORT_BIN_ENTRY]: [input.exportBin, options],
    [EXPORT_SIG_ENTRY]: [exportSig, options],
  });
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Local file header (PK\3\4) or, for an empty archive, the end-of-central-directory record (PK\5\6). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  assertBytes(bytes, 'bytes');
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

// fflate's error codes (FlateErrorCode): 0 unexpected EOF, 13 invalid zip data (no end record).
const FLATE_UNEXPECTED_EOF = 0;
const FLATE_INVALID_ZIP = 13;

/**
 * Reads and decodes export.zip. Errors (ProtocolError codes):
 * `export_too_large` (file, declared or total size over the limits), `export_not_zip`, `export_truncated`,
 * `export_bad_zip` (unknown compression, duplicate entries, sizes or CRC-32 that do not match), `export_unexpected_entry`,
 * `export_missing_entry`, then export.bin's and export.sig's own errors (`export_bad_header`,
 * `export_bad_protobuf`, `export_bad_key`, `export_bad_signature_list`).
 *
 * @example
 * const { export: batch, signatures } = readExportZip(new Uint8Array(await (await fetch(url)).arrayBuffer()));
 */
export function readExportZip(bytes: Uint8Array, limits: Partial<ExportZipLimits> = {}): ExportZipContents {
  assertBytes(bytes, 'bytes');
  const { maxZipBytes, maxUncompressedBytes } = { ...DEFAULT_EXPORT_ZIP_LIMITS, ...limits };
  assertInteger(maxZipBytes, 'limits.maxZipBytes', 0, Number.MAX_SAFE_INTEGER);
  assertInteger(maxUncompressedBytes, 'limits.maxUncompressedBytes', 0, Number.MAX_SAFE_INTEGER);

  if (bytes.length > maxZipBytes) {
    throw new ProtocolError('export_too_large', `export zip is ${bytes.length} bytes, the limit is ${maxZipBytes}`);
  }
  if (!looksLikeZip(bytes)) throw new ProtocolError('export_not_zip', 'not a zip file (no PK signature)');
  // Shorter than an end-of-central-directory record: fflate would scan backwards from a negative offset.
  if (bytes.length < 22) throw new ProtocolError('export_truncated', 'zip file is truncated');

  const declared = new Map<string, number>();
  let declaredTotal = 0;
  // The filter sees every central directory entry before fflate inflates it: this is where bombs are stopped.
  const filter = (file: UnzipFileInfo): boolean => {
    if (file.name !== EXPORT_BIN_ENTRY && file.name !== EXPORT_SIG_ENTRY) {
      throw new ProtocolError('export_unexpected_entry', `unexpected zip entry ${JSON.stringify(file.name)}`);
    }
    if (declared.has(file.name)) throw new ProtocolError('export_bad_zip', `duplicate zip entry ${file.name}`);
    if (file.compression !== 0 && file.compression !== 8) {
      throw new ProtocolError('export_bad_zip', `${file.name}: unsupported compression method ${file.compression}`);
    }
    if (file.size > bytes.length) {
      throw new ProtocolError('export_truncated', `${file.name}: ${file.size} compressed bytes declared, file is shorter`);
    }
    declaredTotal += file.originalSize;
    if (declaredTotal > maxUncompressedBytes) {
      throw new ProtocolError(
        'export_too_large',
        `zip entries declare ${declaredTotal} uncompressed bytes, the limit is ${maxUncompressedBytes}`,
      );
    }
    declared.set(file.name, file.originalSize);
    return true;
  };

  let files: Record<string, Uint8Array>;
  try {
    // fflate inflates each entry into a buffer of its declared size and never grows it, so the declared sizes
    // checked above also cap the real output even if an entry lies about its size (the CRC check below then
    // rejects the cut entry).
    files = unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    const code = (error as { code?: number }).code;
    if (code === FLATE_INVALID_ZIP || code === FLATE_UNEXPECTED_EOF) {
      throw new ProtocolError('export_truncated', `zip file is truncated or damaged: ${(error as Error).message}`);
    }
    throw new ProtocolError('export_bad_zip', `zip file does not read: ${(error as Error).message}`);
  }

  const crcs = zipDeclaredCrcs(bytes);
  for (const name of [EXPORT_BIN_ENTRY, EXPORT_SIG_ENTRY]) {
    const data = files[name];
    if (data === undefined) throw new ProtocolError('export_missing_entry', `zip has no ${name}`);
    if (data.length !== declared.get(name)) {
      throw new ProtocolError('export_bad_zip', `${name}: inflated to ${data.length} bytes, ${declared.get(name)} declared`);
    }
    // Also catches an entry that inflates to more than it declares: fflate cut it at the declared size.
    const crc = crcs?.get(name);
    if (crc === undefined || crc !== zipCrc32(data)) {
      throw new ProtocolError('export_bad_zip', `${name}: CRC-32 does not match the central directory`);
    }
  }
  const exportBin = files[EXPORT_BIN_ENTRY] as Uint8Array;
  const exportSig = files[EXPORT_SIG_ENTRY] as Uint8Array;
  return {
    exportBin,
    exportSig,
    export: decodeExportBin(exportBin),
    signatures: decodeExportSignatureList(exportSig),
  };
}
