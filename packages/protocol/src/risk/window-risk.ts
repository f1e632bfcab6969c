import { assertFiniteNumber, assertInteger } from '../assert.js';
import { ProtocolError } from '../errors.js';
import { Infectiousness, ReportType, type ExposureWindow } from './exposure-window.js';
import { isInRiskRange, type RiskConfiguration, type TrlEncoding } from './risk-configuration.js';

/** The risk of one exposure window (CWA `RiskResult`). */
export interface ExposureWindowRisk {
  /** reportTypeOffset + infectiousnessOffset of the configuration's trlEncoding (1..8 with CWA's). */
  transmissionRiskLevel: number;
  /** Seconds weighted by attenuation, divided by 60. */
  weightedMinutes: number;
  /** weightedMinutes × the transmission risk value of the level. */
  normalizedTime: number;
  /** 1 low or 2 high. */
  riskLevel: number;
}

/** Checks a window's fields (first lines of every public entry that takes windows). */
export function assertExposureWindow(window: ExposureWindow, name = 'exposure window'): void {
  if (typeof window !== 'object' || window === null) {
    throw new ProtocolError('invalid_argument', `${name} must be an object`);
  }
  assertInteger(window.ageInDays, `${name}.ageInDays`, 0, 10_000);
  assertInteger(window.reportType, `${name}.reportType`, 0, 7);
  assertInteger(window.infectiousness, `${name}.infectiousness`, 0, 2);
  assertInteger(window.calibrationConfidence, `${name}.calibrationConfidence`, 0, 3);
  if (!Array.isArray(window.scanInstances)) {
    throw new ProtocolError('invalid_argument', `${name}.scanInstances must be an array`);
  }
  window.scanInstances.forEach((scan, i) => {
    assertFiniteNumber(scan?.minAttenuation, `${name}.scanInstances[${i}].minAttenuation`);
    assertFiniteNumber(scan?.typicalAttenuation, `${name}.scanInstances[${i}].typicalAttenuation`);
    assertFiniteNumber(scan?.secondsSinceLastScan, `${name}.scanInstances[${i}].secondsSinceLastScan`);
  });
}

/** CWA `determineTransmissionRiskLevel`: unknown and revoked report types have no encoding and are refused. */
export function transmissionRiskLevelOf(window: ExposureWindow, encoding: TrlEncoding): number {
  let reportTypeOffset: number;
  switch (window.reportType) {
    case ReportType.recursive:
      reportTypeOffset = encoding.reportTypeOffsetRecursive;
      break;
    case ReportType.selfReport:
      reportTypeOffset = encoding.reportTypeOffsetSelfReport;
      break;
    case ReportType.confirmedClinicalDiagnosis:
      reportTypeOffset = encoding.reportTypeOffsetConfirmedClinicalDiagnosis;
      break;
    case ReportType.confirmedTest:
      reportTypeOffset = encoding.reportTypeOffsetConfirmedTest;
      break;
    default:
      throw new ProtocolError('unknown_report_type', `report type ${window.reportType} has no transmission risk encoding`);
  }
  // As CWA: anything but HIGH counts as standard infectiousness.
  const infectiousnessOffset =
    window.infectiousness === Infectiousness.high ? encoding.infectiousnessOffsetHigh : encoding.infectiousnessOffsetStandard;
  return reportTypeOffset + infectiousnessOffset;
}

/** Seconds of a scan; negative durations (clock changes) count as 0, as in CWA. */
const secondsOf = (seconds: number) => Math.max(seconds, 0);

/**
 * The risk of one exposure window, by Corona-Warn-App's exposure-window risk calculation
 * (cwa-app-android `DefaultRiskLevels.calculateRisk`; cwa-documentation "Risk calculation with exposure windows"):
 * 1. drop the window if a minutes-at-attenuation filter matches (minutes at `minAttenuation` in the range);
 * 2. transmission risk level = report-type offset + infectiousness offset; drop it if a TRL filter matches;
 * 3. weighted minutes = Σ secondsSinceLastScan × weight(minAttenuation) / 60 (first matching weight, else 0);
 * 4. normalized time = transmission risk value(level) × weighted minutes (an unmapped level is worth 0);
 * 5. risk level = the first per-window mapping whose range holds the normalized time.
 * Returns `null` when the window is dropped or no mapping holds it, as CWA does.
 *
 * Example: 599 s at 30 dB (weight 0.8), confirmed by clinical diagnosis, high infectiousness (TRL 6 → 1.2)
 * gives 7.99 weighted minutes, normalized time 9.58, high risk with CWA's configuration.
 */
export function calculateExposureWindowRisk(window: ExposureWindow, config: RiskConfiguration): ExposureWindowRisk | null {
  assertExposureWindow(window);
  const scans = window.scanInstances;
  for (const filter of config.minutesAtAttenuationFilters) {
    let seconds = 0;
    for (const scan of scans) {
      if (isInRiskRange(filter.attenuationRange, scan.minAttenuation)) seconds += secondsOf(scan.secondsSinceLastScan);
    }
    if (isInRiskRange(filter.dropIfMinutesInRange, seconds / 60)) return null;
  }

  const transmissionRiskLevel = transmissionRiskLevelOf(window, config.trlEncoding);
  if (config.trlFilters.some((filter) => isInRiskRange(filter.dropIfTrlInRange, transmissionRiskLevel))) return null;
  const transmissionRiskValue =
    config.transmissionRiskValueMapping.find((m) => m.transmissionRiskLevel === transmissionRiskLevel)
      ?.transmissionRiskValue ?? 0;

  let weightedSeconds = 0;
  for (const scan of scans) {
    const weight = config.minutesAtAttenuationWeights.find((w) => isInRiskRange(w.attenuationRange, scan.minAttenuation));
    weightedSeconds += secondsOf(scan.secondsSinceLastScan) * (weight?.weight ?? 0);
  }
  const weightedMinutes = weightedSeconds / 60;
  const normalizedTime = transmissionRiskValue * weightedMinutes;

  const mapping = config.normalizedTimePerEWToRiskLevelMapping.find((m) => isInRiskRange(m.normalizedTimeRange, normalizedTime));
  if (mapping === undefined) return null;
  return { transmissionRiskLevel, weightedMinutes, normalizedTime, riskLevel: mapping.riskLevel };
}
