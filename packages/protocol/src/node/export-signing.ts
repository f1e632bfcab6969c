import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { assertBytes } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { decodeExportBin, type ExportSignatureInfo } from '../export/export-bin.js';
import type { ExportSignature } from '../export/export-signature-list.js';
import {
  checkExportSignatures,
  type ExportVerification,
  type ExportVerifyOptions,
} from '../export/export-signing.js';

/**
 * Export signing with node:crypto (OpenSSL): the same ECDSA P-256 SHA-256 DER signatures over the whole
 * export.bin as the pure version in ../export/export-signing.ts, for the server, which signs many batches and may
 * hold its key in any format OpenSSL reads. The two are tested against each other.
 */

function p256Key(pem: string, kind: 'private' | 'public'): KeyObject {
  if (typeof pem !== 'string') throw new ProtocolError('invalid_argument', `${kind} key PEM must be a string`);
  let key: KeyObject;
  try {
    key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  } catch (error) {
    throw new ProtocolError('export_bad_key_pem', `${kind} key does not read: ${(error as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new ProtocolError('export_bad_key_pem', `${kind} key is not a P-256 (prime256v1) EC key`);
  }
  return key;
}

/**
 * signExportBin with node:crypto. `batch`, when given, must be the batch_num and batch_size written in exportBin.
 *
 * @example
 * const signature = signExportBinNode(exportBin, privateKeyPem, { verificationKeyId: '452',
 *   verificationKeyVersion: 'v1', signatureAlgorithm: EXPORT_SIGNATURE_ALGORITHM });
 */
export function signExportBinNode(
  exportBin: Uint8Array,
  privateKeyPem: string,
  signatureInfo: ExportSignatureInfo,
  batch?: { batchNum: number; batchSize: number },
): ExportSignature {
  assertBytes(exportBin, 'exportBin');
  const key = p256Key(privateKeyPem, 'private');
  // A writer that has just encoded the file passes its batch numbers: decoding 100,000 keys again only to read
  // two integers cost more than the signature itself (measured on the server's export).
  const { batchNum, batchSize } = batch ?? decodeExportBin(exportBin);
  // dsaEncoding 'der' is the default; spelled out because the format requires X9.62 DER.
  const signature = new Uint8Array(sign('sha256', exportBin, { key, dsaEncoding: 'der' }));
  return { signatureInfo: { ...signatureInfo }, batchNum, batchSize, signature };
}

/**
 * verifyExportSignature with node:crypto; OpenSSL accepts high-S signatures, as the pure verifier does.
 *
 * @example
 * verifyExportSignatureNode(exportBin, decodeExportSignatureList(exportSig), publicKeyPem).valid; // true
 */
export function verifyExportSignatureNode(
  exportBin: Uint8Array,
  signatures: ExportSignature[],
  publicKeyPem: string,
  options: ExportVerifyOptions = {},
): ExportVerification {
  assertBytes(exportBin, 'exportBin');
  const key = p256Key(publicKeyPem, 'public');
  return checkExportSignatures(
    signatures,
    (signature) => {
      try {
        return verify('sha256', exportBin, { key, dsaEncoding: 'der' }, signature);
      } catch {
        return false; // malformed DER: not a valid signature
      }
    },
    options,
  );
}
