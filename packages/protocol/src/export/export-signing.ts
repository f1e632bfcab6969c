import { p256 } from '@noble/curves/nist.js';
import { assertBytes } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { decodeExportBin, encodeExportBin, type ExportSignatureInfo, type ExposureKeyExport } from './export-bin.js';
import { p256PrivateKeyFromPem, p256PublicKeyFromPem } from './export-pem.js';
import type { ExportSignature } from './export-signature-list.js';
import { readExportZip, writeExportZip, type ExportZipLimits } from './export-zip.js';

/**
 * Export signing, pure JavaScript (@noble/curves), for every platform. ECDSA P-256 with SHA-256 over the whole
 * export.bin, header included; DER signatures ("Exposure Key Export File Format and Verification", section
 * "Signature"). The Node backend in ../node/export-signing.ts does the same with node:crypto.
 */

/** ASN.1 OID of ecdsa-with-SHA256, the value of SignatureInfo.signature_algorithm. */
export const EXPORT_SIGNATURE_ALGORITHM = '1.2.840.10045.4.3.2';

/** Result of a verification: a verdict, not an exception, because an invalid file is an expected outcome. */
export type ExportVerification =
  | { valid: true; signatureInfo: ExportSignatureInfo }
  | { valid: false; reason: string; code?: string };

/** Which signatures to try: by default all of them; a phone would pin the (id, version) it has a key for. */
export interface ExportVerifyOptions {
  verificationKeyId?: string;
  verificationKeyVersion?: string;
}

/**
 * Signs export.bin with a P-256 private key (PKCS#8 or SEC1 PEM) and returns the TEKSignature to put in export.sig;
 * batch_num and batch_size are copied from export.bin, as Google's server does.
 *
 * @example
 * const signature = signExportBin(exportBin, privateKeyPem, { verificationKeyId: '452', verificationKeyVersion: 'v1',
 *   signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM });
 */
export function signExportBin(
  exportBin: Uint8Array,
  privateKeyPem: string,
  signatureInfo: ExportSignatureInfo,
): ExportSignature {
  assertBytes(exportBin, 'exportBin');
  const secret = p256PrivateKeyFromPem(privateKeyPem);
  const { batchNum, batchSize } = decodeExportBin(exportBin);
  // prehash (the default) hashes with SHA-256 first; the k is RFC 6979 deterministic.
  const signature = p256.sign(exportBin, secret, { format: 'der' });
  secret.fill(0);
  return { signatureInfo: { ...signatureInfo }, batchNum, batchSize, signature };
}

/**
 * Tries each candidate signature with `verifyOne` and reports the first that verifies. Shared by the pure and
 * the node:crypto verifiers so both agree on which signatures count and on the reasons given.
 */
export function checkExportSignatures(
  signatures: ExportSignature[],
  verifyOne: (signature: Uint8Array) => boolean,
  options: ExportVerifyOptions = {},
): ExportVerification {
  if (!Array.isArray(signatures)) throw new ProtocolError('invalid_argument', 'signatures must be an array');
  const candidates = signatures.filter(
    (s) =>
      (options.verificationKeyId === undefined || s.signatureInfo.verificationKeyId === options.verificationKeyId) &&
      (options.verificationKeyVersion === undefined ||
        s.signatureInfo.verificationKeyVersion === options.verificationKeyVersion),
  );
  if (signatures.length === 0) return { valid: false, reason: 'no signatures', code: 'export_signature_missing' };
  if (candidates.length === 0) {
    return { valid: false, reason: 'no signature for this key id and version', code: 'export_signature_missing' };
  }
  for (const candidate of candidates) {
    if (verifyOne(candidate.signature)) return { valid: true, signatureInfo: { ...candidate.signatureInfo } };
  }
  return { valid: false, reason: 'signature does not match', code: 'export_signature_invalid' };
}

/**
 * Verifies export.bin against export.sig's signatures with a P-256 public key (SPKI PEM). High-S signatures are
 * accepted: OpenSSL (and so most servers) makes them half the time, and the format does not forbid them.
 *
 * @example
 * const result = verifyExportSignature(exportBin, decodeExportSignatureList(exportSig), publicKeyPem);
 * if (!result.valid) console.log(result.reason);
 */
export function verifyExportSignature(
  exportBin: Uint8Array,
  signatures: ExportSignature[],
  publicKeyPem: string,
  options: ExportVerifyOptions = {},
): ExportVerification {
  assertBytes(exportBin, 'exportBin');
  const publicKey = p256PublicKeyFromPem(publicKeyPem);
  return checkExportSignatures(
    signatures,
    (signature) => {
      try {
        return p256.verify(signature, exportBin, publicKey, { format: 'der', lowS: false });
      } catch {
        return false; // malformed DER: simply not a valid signature
      }
    },
    options,
  );
}

/** A key to sign a batch with. */
export interface ExportSigner {
  privateKeyPem: string;
  signatureInfo: ExportSignatureInfo;
}

/**
 * Encodes, signs and zips one export batch. The export's own `signatureInfos` are written as given (Google's
 * server lists the signers there too); each signer adds one TEKSignature.
 *
 * @example
 * const { zip } = buildSignedExportZip(batch, [{ privateKeyPem, signatureInfo }]);
 */
export function buildSignedExportZip(
  exportData: ExposureKeyExport,
  signers: ExportSigner[],
): { zip: Uint8Array; exportBin: Uint8Array; signatures: ExportSignature[] } {
  if (!Array.isArray(signers) || signers.length === 0) {
    throw new ProtocolError('invalid_argument', 'signers must be a non-empty array');
  }
  const exportBin = encodeExportBin(exportData);
  const signatures = signers.map((s) => signExportBin(exportBin, s.privateKeyPem, s.signatureInfo));
  return { zip: writeExportZip({ exportBin, signatures }), exportBin, signatures };
}

/**
 * Reads export.zip and verifies it. A damaged file is a verdict (`{ valid: false, reason: 'export_truncated: …' }`),
 * not an exception; a bad public key PEM is the caller's error and throws `export_bad_key_pem`.
 *
 * @example
 * verifyExportZip(zipBytes, publicKeyPem); // { valid: true, signatureInfo: { verificationKeyId: '310', ... } }
 */
export function verifyExportZip(
  zipBytes: Uint8Array,
  publicKeyPem: string,
  options: ExportVerifyOptions & { limits?: Partial<ExportZipLimits> } = {},
): ExportVerification {
  assertBytes(zipBytes, 'zipBytes');
  p256PublicKeyFromPem(publicKeyPem); // fail on the key before judging the file
  let contents;
  try {
    contents = readExportZip(zipBytes, options.limits);
  } catch (error) {
    if (!(error instanceof ProtocolError)) throw error;
    return { valid: false, reason: `${error.code}: ${error.message}`, code: error.code };
  }
  return verifyExportSignature(contents.exportBin, contents.signatures, publicKeyPem, options);
}
