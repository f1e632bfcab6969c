import { fromBinary, isFieldSet } from '@bufbuild/protobuf';
import { assertBytes } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { ExportBinWriter } from './export-bin-writer.js';
import {
  TemporaryExposureKeyExportSchema,
  TemporaryExposureKeySchema,
  uint64ToNumber,
  type SignatureInfo,
  type TemporaryExposureKey,
} from './export-schema.js';

/**
 * export.bin: the 16-byte header `EK Export v1    ` (space-padded) followed by a TemporaryExposureKeyExport
 * protobuf ("Exposure Key Export File Format and Verification", Google/Apple, 2020). The signature covers the
 * whole file, header included.
 */
export const EXPORT_BIN_HEADER: Uint8Array = new TextEncoder().encode('EK Export v1    ');

/** A TEK is 16 bytes (Exposure Notification cryptography v1.2, section "Temporary Exposure Key"). */
export const EXPORT_KEY_LENGTH = 16;

/** rolling_period when the field is absent: 144 ten-minute intervals, one day (proto2 default in export.proto). */
export const DEFAULT_ROLLING_PERIOD = 144;

/** Why a key was published (export.proto `TemporaryExposureKey.ReportType`); 5 (REVOKED) only in revised keys. */
export const EXPORT_REPORT_TYPES = {
  UNKNOWN: 0,
  CONFIRMED_TEST: 1,
  CONFIRMED_CLINICAL_DIAGNOSIS: 2,
  SELF_REPORT: 3,
  RECURSIVE: 4,
  REVOKED: 5,
} as const;

/** Which key signs a batch; the phone picks the public key by (id, version). */
export interface ExportSignatureInfo {
  /** e.g. `v1`; `''` when absent. */
  verificationKeyVersion: string;
  /** e.g. `310` (Apple asks for the mobile country code); `''` when absent. */
  verificationKeyId: string;
  /** ASN.1 OID, `1.2.840.10045.4.3.2` for ECDSA P-256 SHA-256; `''` when absent. */
  signatureAlgorithm: string;
}

/** One diagnosis key as it travels in an export. Optional protobuf fields are `null` when absent. */
export interface ExportKey {
  /** The 16-byte TEK. */
  keyData: Uint8Array;
  /** 0..8 in practice; deprecated by the v1.5 API when reportType is set. */
  transmissionRiskLevel: number | null;
  /** ENIN (unix seconds / 600) of the key's first interval. */
  rollingStartIntervalNumber: number;
  /** Number of 10-minute intervals the key was valid; 144 when the field is absent. */
  rollingPeriod: number;
  /** One of EXPORT_REPORT_TYPES. */
  reportType: number | null;
  /** Days from symptom onset to the key's day (may be negative). */
  daysSinceOnsetOfSymptoms: number | null;
}

/** The content of export.bin after its header. Timestamps are unix seconds. */
export interface ExposureKeyExport {
  startTimestamp: number;
  endTimestamp: number;
  region: string;
  /** 1-based: batch 2 of 10. */
  batchNum: number;
  batchSize: number;
  signatureInfos: ExportSignatureInfo[];
  keys: ExportKey[];
  /** Keys whose report type changed or were revoked since an earlier batch. */
  revisedKeys: ExportKey[];
}

/** @internal shared with the signature list codec. */
export function signatureInfoToProtoObject(info: ExportSignatureInfo, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of ['verificationKeyVersion', 'verificationKeyId', 'signatureAlgorithm'] as const) {
    const value = info[field];
    if (typeof value !== 'string') throw new ProtocolError('invalid_argument', `${name}.${field} must be a string`);
    // Empty means absent: proto2 would otherwise write an empty string and the file would not round-trip.
    if (value !== '') out[field] = value;
  }
  return out;
}

/** @internal An absent string is `''`, as an empty one (which our own files never write). */
export function signatureInfoFromProto(message: SignatureInfo): ExportSignatureInfo {
  return {
    verificationKeyVersion: message.verificationKeyVersion,
    verificationKeyId: message.verificationKeyId,
    signatureAlgorithm: message.signatureAlgorithm,
  };
}

function keyFromProto(message: TemporaryExposureKey, name: string): ExportKey {
  const field = TemporaryExposureKeySchema.field;
  const keyData = isFieldSet(message, field.keyData) ? message.keyData : new Uint8Array(0);
  if (keyData.length !== EXPORT_KEY_LENGTH) {
    throw new ProtocolError('export_bad_key', `${name}: key_data must be ${EXPORT_KEY_LENGTH} bytes, got ${keyData.length}`);
  }
  if (!isFieldSet(message, field.rollingStartIntervalNumber)) {
    throw new ProtocolError('export_bad_key', `${name}: rolling_start_interval_number is missing`);
  }
  return {
    // A copy: the decoder hands out views into the input buffer, and callers may keep keys longer than the file.
    keyData: Uint8Array.from(keyData),
    transmissionRiskLevel: isFieldSet(message, field.transmissionRiskLevel) ? message.transmissionRiskLevel : null,
    rollingStartIntervalNumber: message.rollingStartIntervalNumber,
    // Absent means 144, the schema's default, which is what the field reads then.
    rollingPeriod: message.rollingPeriod,
    // A value outside the schema's ReportType (a closed proto2 enum) reads as absent, as protobuf's own decoders do.
    reportType: isFieldSet(message, field.reportType) ? message.reportType : null,
    daysSinceOnsetOfSymptoms: isFieldSet(message, field.daysSinceOnsetOfSymptoms) ? message.daysSinceOnsetOfSymptoms : null,
  };
}

/**
 * Encodes export.bin (header + protobuf). Deterministic: fields in field-number order, 144 rolling periods and
 * empty strings left out, so decoding and re-encoding our own files gives the same bytes.
 *
 * @example
 * const bin = encodeExportBin({ startTimestamp: 1589490000, endTimestamp: 1589576400, region: 'VN', batchNum: 1,
 *   batchSize: 1, signatureInfos: [{ verificationKeyVersion: 'v1', verificationKeyId: '452',
 *   signatureAlgorithm: '1.2.840.10045.4.3.2' }], keys: [...], revisedKeys: [] });
 */
export function encodeExportBin(exportData: ExposureKeyExport): Uint8Array {
  if (exportData === null || typeof exportData !== 'object') {
    throw new ProtocolError('invalid_argument', 'export must be an object');
  }
  for (const list of ['keys', 'revisedKeys'] as const) {
    if (!Array.isArray(exportData[list])) throw new ProtocolError('invalid_argument', `${list} must be an array`);
  }
  const writer = new ExportBinWriter(exportData, exportData.keys.length + exportData.revisedKeys.length);
  exportData.keys.forEach((k, i) => writer.key(k, `keys[${i}]`));
  exportData.revisedKeys.forEach((k, i) => writer.revisedKey(k, `revisedKeys[${i}]`));
  return writer.finish();
}

/** Whether bytes start with the export.bin header (used to tell a bare export.bin from a zip). */
export function hasExportBinHeader(bytes: Uint8Array): boolean {
  assertBytes(bytes, 'bytes');
  if (bytes.length < EXPORT_BIN_HEADER.length) return false;
  return EXPORT_BIN_HEADER.every((b, i) => bytes[i] === b);
}

/**
 * Decodes export.bin. Errors: `export_bad_header` (not `EK Export v1    `), `export_bad_protobuf` (the body does
 * not decode, or a timestamp beyond 2^53), `export_bad_key` (key_data not 16 bytes, no start interval).
 *
 * @example
 * const { region, keys } = decodeExportBin(readFileSync('export.bin'));
 */
export function decodeExportBin(bytes: Uint8Array): ExposureKeyExport {
  assertBytes(bytes, 'bytes');
  if (!hasExportBinHeader(bytes)) {
    throw new ProtocolError('export_bad_header', 'export.bin does not start with the header "EK Export v1    "');
  }
  let message;
  try {
    // Unknown fields (SignatureInfo's reserved 1 and 2 in old files, say) are skipped, not kept.
    message = fromBinary(TemporaryExposureKeyExportSchema, bytes.subarray(EXPORT_BIN_HEADER.length), { readUnknownFields: false });
  } catch (error) {
    throw new ProtocolError('export_bad_protobuf', `export.bin protobuf does not decode: ${(error as Error).message}`);
  }
  const field = TemporaryExposureKeyExportSchema.field;
  const timestamp = (name: 'startTimestamp' | 'endTimestamp') => {
    const n = uint64ToNumber(message[name]);
    if (n === undefined) throw new ProtocolError('export_bad_protobuf', `${name} is beyond 2^53`);
    return n;
  };
  return {
    startTimestamp: timestamp('startTimestamp'),
    endTimestamp: timestamp('endTimestamp'),
    region: message.region,
    batchNum: isFieldSet(message, field.batchNum) ? message.batchNum : 1,
    batchSize: isFieldSet(message, field.batchSize) ? message.batchSize : 1,
    signatureInfos: message.signatureInfos.map(signatureInfoFromProto),
    keys: message.keys.map((m, i) => keyFromProto(m, `keys[${i}]`)),
    revisedKeys: message.revisedKeys.map((m, i) => keyFromProto(m, `revisedKeys[${i}]`)),
  };
}
