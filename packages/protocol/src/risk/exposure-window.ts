/**
 * Exposure windows: what matching hands to risk scoring. The shape is the Exposure Notification framework's
 * `ExposureWindow` (Google Nearby `ExposureWindow` / Apple `ENExposureWindow`, EN API v1.5+), so windows computed by
 * Bluezone, windows exported from the phone operating systems and the Corona-Warn-App test cases are interchangeable.
 *
 * Example:
 * ```ts
 * const window: ExposureWindow = {
 *   ageInDays: 1, reportType: ReportType.confirmedTest, infectiousness: Infectiousness.standard,
 *   calibrationConfidence: 3,
 *   scanInstances: [{ minAttenuation: 52, typicalAttenuation: 55, secondsSinceLastScan: 300 }],
 * };
 * ```
 */

/** One scan of the radio in which the other phone was seen (EN `ScanInstance`). Attenuations are dB. */
export interface ScanInstance {
  /** The lowest attenuation seen during the scan: the closest the two phones came. Risk weights use this one. */
  minAttenuation: number;
  /** A typical (median-like) attenuation over the scan; informative only, the CWA algorithm does not use it. */
  typicalAttenuation: number;
  /** Seconds since the previous scan: the time this scan stands for. */
  secondsSinceLastScan: number;
}

export interface ExposureWindow {
  /** Whole days between the window's day (UTC) and the day of the calculation; 0 is today. */
  ageInDays: number;
  /** The diagnosis key's report type, one of {@link ReportType}. */
  reportType: number;
  /** How infectious the key's owner was on that day, one of {@link Infectiousness}. */
  infectiousness: number;
  /** How well the tx power of the other phone is known (EN `CalibrationConfidence` 0..3), from the metadata. */
  calibrationConfidence: number;
  scanInstances: ScanInstance[];
}

/** EN `ReportType` numbers (Google Nearby `ReportType`, the export protobuf's `report_type`). */
export const ReportType = {
  unknown: 0,
  confirmedTest: 1,
  confirmedClinicalDiagnosis: 2,
  selfReport: 3,
  recursive: 4,
  revoked: 5,
} as const;

/** EN `Infectiousness` numbers. `none` windows are never reported by the framework. */
export const Infectiousness = { none: 0, standard: 1, high: 2 } as const;

/** Risk levels of CWA's `NormalizedTimeToRiskLevelMapping.RiskLevel` (0 is "unspecified"). */
export const RiskLevel = { low: 1, high: 2 } as const;
export type RiskLevelValue = (typeof RiskLevel)[keyof typeof RiskLevel];
