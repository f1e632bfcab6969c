// Export files: signed diagnosis-key batches (export.zip = export.bin + export.sig).
export {
  EXPORT_BIN_HEADER,
  EXPORT_KEY_LENGTH,
  DEFAULT_ROLLING_PERIOD,
  EXPORT_REPORT_TYPES,
  encodeExportBin,
  decodeExportBin,
  hasExportBinHeader,
  type ExportSignatureInfo,
  type ExportKey,
  type ExposureKeyExport,
} from './export-bin.js';
export { ExportBinWriter, type ExportBinHeaderFields } from './export-bin-writer.js';
export { writeDeflatedZip, type DeflatedZipEntry } from './zip-container.js';
export {
  encodeExportSignatureList,
  decodeExportSignatureList,
  type ExportSignature,
} from './export-signature-list.js';
export {
  EXPORT_BIN_ENTRY,
  EXPORT_SIG_ENTRY,
  DEFAULT_EXPORT_ZIP_LIMITS,
  writeExportZip,
  readExportZip,
  looksLikeZip,
  type ExportZipLimits,
  type ExportZipContents,
} from './export-zip.js';
export { p256PublicKeyFromPem, p256PrivateKeyFromPem } from './export-pem.js';
export {
  EXPORT_SIGNATURE_ALGORITHM,
  signExportBin,
  checkExportSignatures,
  verifyExportSignature,
  buildSignedExportZip,
  verifyExportZip,
  type ExportVerification,
  type ExportVerifyOptions,
  type ExportSigner,
} from './export-signing.js';
