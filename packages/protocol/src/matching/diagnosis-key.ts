import { assertBytes, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { TEK_ROLLING_PERIOD } from '../identifiers/index.js';

/**
 * A published diagnosis key: a TEK of a confirmed case with its validity (the export protobuf's
 * `TemporaryExposureKey`, EN Key File Format). `rollingPeriod` defaults to 144 intervals (a day), as in the format.
 * Absent fields may be `undefined` or `null`, so the `ExportKey`s read from an export file match as they are.
 *
 * Example:
 * ```ts
 * const key: DiagnosisKey = { keyData: tek, rollingStartIntervalNumber: 2642976, rollingPeriod: 144, reportType: 1 };
 * ```
 */
export interface DiagnosisKey {
  keyData: Uint8Array;
  rollingStartIntervalNumber: number;
  rollingPeriod?: number | null;
  transmissionRiskLevel?: number | null;
  /** EN ReportType (1 confirmed test ... 5 revoked); absent or 0 means "unknown" (see matching options). */
  reportType?: number | null;
  daysSinceOnsetOfSymptoms?: number | null;
}

/** Checks one key; `name` says which one in the message. */
export function assertDiagnosisKey(key: DiagnosisKey, name = 'diagnosis key'): void {
  if (typeof key !== 'object' || key === null) throw new ProtocolError('invalid_argument', `${name} must be an object`);
  assertBytes(key.keyData, `${name}.keyData`, 16);
  assertInteger(key.rollingStartIntervalNumber, `${name}.rollingStartIntervalNumber`, 0, 0xffffffff - TEK_ROLLING_PERIOD);
  if (key.rollingPeriod != null) assertInteger(key.rollingPeriod, `${name}.rollingPeriod`, 1, TEK_ROLLING_PERIOD);
  if (key.reportType != null) assertInteger(key.reportType, `${name}.reportType`, 0, 5);
  if (key.transmissionRiskLevel != null) assertInteger(key.transmissionRiskLevel, `${name}.transmissionRiskLevel`, 0, 8);
  if (key.daysSinceOnsetOfSymptoms != null) {
    // The key file allows −14..14 plus large sentinels some apps use to smuggle other data; accept any int32.
    assertInteger(key.daysSinceOnsetOfSymptoms, `${name}.daysSinceOnsetOfSymptoms`, -(2 ** 31), 2 ** 31 - 1);
  }
}

/** The rolling period of a key, 144 when absent. */
export function rollingPeriodOf(key: DiagnosisKey): number {
  return key.rollingPeriod ?? TEK_ROLLING_PERIOD;
}
