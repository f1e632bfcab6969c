import { create, fromBinary, isFieldSet, toBinary } from '@bufbuild/protobuf';
import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { signatureInfoFromProto, signatureInfoToProtoObject, type ExportSignatureInfo } from './export-bin.js';
import { TEKSignatureListSchema, TEKSignatureSchema } from './export-schema.js';

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
  const message = create(TEKSignatureListSchema, {
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
  });
  return toBinary(TEKSignatureListSchema, message);
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
  let message;
  try {
    message = fromBinary(TEKSignatureListSchema, bytes, { readUnknownFields: false });
  } catch (error) {
    throw new ProtocolError('export_bad_signature_list', `export.sig does not decode: ${(error as Error).message}`);
  }
  const field = TEKSignatureSchema.field;
  return message.signatures.map((s, i) => {
    if (!isFieldSet(s, field.signature)) {
      throw new ProtocolError('export_bad_signature_list', `export.sig signatures[${i}] has no signature bytes`);
    }
    return {
      // An absent signature_info reads as one of empty strings, as before.
      signatureInfo: s.signatureInfo ? signatureInfoFromProto(s.signatureInfo) : { verificationKeyVersion: '', verificationKeyId: '', signatureAlgorithm: '' },
      batchNum: isFieldSet(s, field.batchNum) ? s.batchNum : 1,
      batchSize: isFieldSet(s, field.batchSize) ? s.batchSize : 1,
      signature: Uint8Array.from(s.signature),
    };
  });
}
