/**
 * The export file format's messages (proto/export.proto), as code generated for @bufbuild/protobuf into gen/. That
 * runtime reads and writes by reflection over the schema, with no code compiled at run time: the app's web demo
 * runs under a Content-Security-Policy without 'unsafe-eval', which protobufjs, that compiles a decoder per message
 * with Function(), needed. Internal: the package's API speaks the typed objects of export-bin.ts.
 */
export {
  TEKSignatureListSchema,
  TEKSignatureSchema,
  TemporaryExposureKeyExportSchema,
  TemporaryExposureKeySchema,
  type SignatureInfo,
  type TemporaryExposureKey,
} from './gen/export_pb.js';

/** A fixed64 as a JS number; values beyond 2^53 are refused (undefined) rather than rounded. */
export function uint64ToNumber(value: bigint): number | undefined {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= 0n ? Number(value) : undefined;
}
