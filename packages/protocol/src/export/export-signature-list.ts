import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { signatureInfoFromProtoObject, signatureInfoToProtoObject, type ExportSignatureInfo } from './export-bin.js';
import { exportProtoTypes, hasField } from './export-schema.js';

/**
 * export.sig: a TEKSignatureList protobuf (export.proto), one TEKSignature per signing key. Each signature is an
 * ECDSA signature in X9.62 / DER form (SEQUENCE of two INTEGERs) over the whole export.bin.
 */
export interface ExportSignature {
  signatureInfo: ExportSignatureInfo;
  batchNum: number;
  batchSize: number;
  /** DER-encoded ECDSA signature. */
  signature: Uint8Array;
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Encodes export.sig.
 *
 * @example
 * const sig = encodeExportSignatureList([{ signatureInfo, batchNum: 1, batchSize: 1, signature: der }]);
 */
export function encodeExportSignatureList(signatures: ExportSignature[]): Uint8Array {
  if (!Array.isArray(signatures)) throw new ProtocolError('invalid_argument', 'signatures must be an array');
  const message = {
    signatures: signatures.map((s, i) => {
      const name = `signatures[${i}]`;
      assertBytes(s.signature, `${name}.signature`);
      assertInteger(s.batchNum, `${name}.batchNum`, INT32_MIN, INT32_MAX);
      assertInteger(s.batchSize, `${name}.batchSize`, INT32_MIN, INT32_MAX);
      return {
        signatureInfo: signatureInfoToProtoObject(s.signatureInfo, `${name}.signatureInfo`),
        batchNum: s.batchNum,
        batchSize: s.batchSize,
        signature: s.signature,
      };
    }),
  };
  return exportProtoTypes.TEKSignatureList.encode(message).finish();
}

/**
 * Decodes export.sig. Errors: `export_bad_signature_list` when the protobuf does not decode or a signature has
 * no signature bytes.
 *
 * @example
 * const [first] = decodeExportSignatureList(sigBytes);
 */
export function decodeExportSignatureList(bytes: Uint8Array): ExportSignature[] {
  assertBytes(bytes, 'bytes');
  let message: Record<string, unknown>;
  try {
    message = exportProtoTypes.TEKSignatureList.decode(bytes) as unknown as Record<string, unknown>;
  } catch (error) {
    throw new ProtocolError('export_bad_signature_list', `export.sig does not decode: ${(error as Error).message}`);
  }
  const list = (message.signatures as Record<string, unknown>[] | undefined) ?? [];
  return list.map((s, i) => {
    if (!hasField(s, 'signature')) {
      throw new ProtocolError('export_bad_signature_list', `export.sig signatures[${i}] has no signature bytes`);
    }
    const info = hasField(s, 'signatureInfo') ? (s.signatureInfo as Record<string, unknown>) : {};
    return {
      signatureInfo: signatureInfoFromProtoObject(info),
      batchNum: hasField(s, 'batchNum') ? (s.batchNum as number) : 1,
      batchSize: hasField(s, 'batchSize') ? (s.batchSize as number) : 1,
      signature: Uint8Array.from(s.signature as Uint8Array),
    };
  });
}
