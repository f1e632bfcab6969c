import protobuf from 'protobufjs/light.js';

/**
 * The export file protobuf schema, as a static JSON descriptor for protobufjs/light: no .proto file to load or
 * parse and no build step, so the same module works in Node, browsers and React Native bundles.
 *
 * Transcribed from google/exposure-notifications-server `internal/pb/export/export.proto` (proto2, Apache-2.0),
 * which is also the "Exposure Key Export File Format and Verification" document's schema. Field numbers matter;
 * names only matter to us.
 *
 * Traps kept here on purpose:
 * - `start_timestamp`/`end_timestamp` are `fixed64` (8 bytes little-endian), not varints;
 * - `days_since_onset_of_symptoms` is a zigzag `sint32`;
 * - `rolling_period` defaults to 144 when absent (proto2 default), so absence is meaningful;
 * - `SignatureInfo` fields 1 and 2 (app_bundle_id, android_package) are reserved: old files may still carry
 *   them and protobufjs skips unknown fields.
 */
const descriptor = {
  nested: {
    TemporaryExposureKeyExport: {
      fields: {
        startTimestamp: { type: 'fixed64', id: 1 },
        endTimestamp: { type: 'fixed64', id: 2 },
        region: { type: 'string', id: 3 },
        batchNum: { type: 'int32', id: 4 },
        batchSize: { type: 'int32', id: 5 },
        signatureInfos: { rule: 'repeated', type: 'SignatureInfo', id: 6 },
        keys: { rule: 'repeated', type: 'TemporaryExposureKey', id: 7 },
        revisedKeys: { rule: 'repeated', type: 'TemporaryExposureKey', id: 8 },
      },
    },
    SignatureInfo: {
      fields: {
        verificationKeyVersion: { type: 'string', id: 3 },
        verificationKeyId: { type: 'string', id: 4 },
        signatureAlgorithm: { type: 'string', id: 5 },
      },
    },
    TemporaryExposureKey: {
      fields: {
        keyData: { type: 'bytes', id: 1 },
        transmissionRiskLevel: { type: 'int32', id: 2 },
        rollingStartIntervalNumber: { type: 'int32', id: 3 },
        rollingPeriod: { type: 'int32', id: 4, options: { default: 144 } },
        reportType: { type: 'ReportType', id: 5 },
        daysSinceOnsetOfSymptoms: { type: 'sint32', id: 6 },
      },
      nested: {
        ReportType: {
          values: {
            UNKNOWN: 0,
            CONFIRMED_TEST: 1,
            CONFIRMED_CLINICAL_DIAGNOSIS: 2,
            SELF_REPORT: 3,
            RECURSIVE: 4,
            REVOKED: 5,
          },
        },
      },
    },
    TEKSignatureList: {
      fields: {
        signatures: { rule: 'repeated', type: 'TEKSignature', id: 1 },
      },
    },
    TEKSignature: {
      fields: {
        signatureInfo: { type: 'SignatureInfo', id: 1 },
        batchNum: { type: 'int32', id: 2 },
        batchSize: { type: 'int32', id: 3 },
        signature: { type: 'bytes', id: 4 },
      },
    },
  },
};

const root = protobuf.Root.fromJSON(descriptor);

/** protobufjs message types of the export format (internal: the public API speaks the typed objects). */
export const exportProtoTypes = {
  TemporaryExposureKeyExport: root.lookupType('TemporaryExposureKeyExport'),
  SignatureInfo: root.lookupType('SignatureInfo'),
  TemporaryExposureKey: root.lookupType('TemporaryExposureKey'),
  TEKSignatureList: root.lookupType('TEKSignatureList'),
  TEKSignature: root.lookupType('TEKSignature'),
};

/** Whether a decoded proto2 message carries a field (protobufjs puts defaults on the prototype, values on the object). */
export function hasField(message: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(message, name);
}

/**
 * A decoded 64-bit integer as a JS number. protobufjs returns a `Long` when the `long` package is loadable
 * (Node) and a number otherwise (React Native bundles), so both shapes are accepted; values beyond 2^53 are
 * refused rather than rounded.
 */
export function uint64ToNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
  if (value !== null && typeof value === 'object' && 'low' in value && 'high' in value) {
    const { low, high } = value as { low: number; high: number };
    const n = (high >>> 0) * 2 ** 32 + (low >>> 0);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}
