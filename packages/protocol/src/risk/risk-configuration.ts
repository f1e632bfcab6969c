import { ProtocolError } from '../errors.js';

/**
 * The configuration of exposure-window risk scoring: Corona-Warn-App's `RiskCalculationParameters` (app config v2,
 * `risk_calculation_parameters.proto`), with the field names of CWA's test-case files so a file's
 * `defaultRiskCalculationConfiguration` can be used as it is.
 *
 * Example (a range that holds 0 <= x < 63):
 * ```ts
 * const range: RiskRange = { min: 0, max: 63, maxExclusive: true };
 * isInRiskRange(range, 62.9); // true
 * ```
 */
export interface RiskRange {
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** Drops a whole window when its minutes at the given attenuation fall in `dropIfMinutesInRange`. */
export interface MinutesAtAttenuationFilter {
  attenuationRange: RiskRange;
  dropIfMinutesInRange: RiskRange;
}

/** Drops a window whose transmission risk level (1..8) falls in the range. */
export interface TrlFilter {
  dropIfTrlInRange: RiskRange;
}

/** The weight of a second spent at an attenuation in the range (the first matching entry wins, none means 0). */
export interface MinutesAtAttenuationWeight {
  attenuationRange: RiskRange;
  weight: number;
}

/** Normalized time in the range gives this risk level (1 low, 2 high); none matching means "no risk". */
export interface NormalizedTimeToRiskLevelMapping {
  normalizedTimeRange: RiskRange;
  riskLevel: number;
}

/** The transmission risk level of a window is reportTypeOffset + infectiousnessOffset. */
export interface TrlEncoding {
  infectiousnessOffsetStandard: number;
  infectiousnessOffsetHigh: number;
  reportTypeOffsetRecursive: number;
  reportTypeOffsetSelfReport: number;
  reportTypeOffsetConfirmedClinicalDiagnosis: number;
  reportTypeOffsetConfirmedTest: number;
}

export interface TransmissionRiskValueMapping {
  transmissionRiskLevel: number;
  transmissionRiskValue: number;
}

export interface RiskConfiguration {
  minutesAtAttenuationFilters: MinutesAtAttenuationFilter[];
  trlFilters: TrlFilter[];
  minutesAtAttenuationWeights: MinutesAtAttenuationWeight[];
  normalizedTimePerEWToRiskLevelMapping: NormalizedTimeToRiskLevelMapping[];
  normalizedTimePerDayToRiskLevelMapping: NormalizedTimeToRiskLevelMapping[];
  trlEncoding: TrlEncoding;
  transmissionRiskValueMapping: TransmissionRiskValueMapping[];
}

/** CWA `Range.inRange`: each bound is inclusive unless marked exclusive. */
export function isInRiskRange(range: RiskRange, value: number): boolean {
  if (range.minExclusive ? value <= range.min : value < range.min) return false;
  if (range.maxExclusive ? value >= range.max : value > range.max) return false;
  return true;
}

type Problems = string[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkRange(value: unknown, path: string, problems: Problems): void {
  if (!isObject(value)) return void problems.push(`${path} must be an object { min, max, minExclusive?, maxExclusive? }`);
  if (!isNumber(value.min)) problems.push(`${path}.min must be a finite number`);
  if (!isNumber(value.max)) problems.push(`${path}.max must be a finite number`);
  for (const flag of ['minExclusive', 'maxExclusive'] as const) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean') problems.push(`${path}.${flag} must be a boolean`);
  }
  if (isNumber(value.min) && isNumber(value.max) && value.min > value.max) {
    problems.push(`${path}.min must not be greater than ${path}.max`);
  }
}

function checkList(
  config: Record<string, unknown>,
  field: string,
  problems: Problems,
  checkItem: (item: Record<string, unknown>, path: string) => void,
): void {
  const list = config[field];
  if (!Array.isArray(list)) return void problems.push(`${field} must be an array`);
  list.forEach((item, i) => {
    const path = `${field}[${i}]`;
    if (!isObject(item)) problems.push(`${path} must be an object`);
    else checkItem(item, path);
  });
}

function checkRiskLevel(value: unknown, path: string, problems: Problems): void {
  if (value !== 1 && value !== 2) problems.push(`${path} must be 1 (low) or 2 (high)`);
}

/**
 * Checks that `value` is a well-formed {@link RiskConfiguration} and returns it typed; throws one
 * `ProtocolError('invalid_risk_configuration')` listing every problem found, so a bad file is fixed in one pass.
 *
 * Example: `validateRiskConfiguration(JSON.parse(text).defaultRiskCalculationConfiguration)`.
 */
export function validateRiskConfiguration(value: unknown): RiskConfiguration {
  if (!isObject(value)) throw new ProtocolError('invalid_risk_configuration', 'risk configuration must be an object');
  const problems: Problems = [];
  checkList(value, 'minutesAtAttenuationFilters', problems, (item, path) => {
    checkRange(item.attenuationRange, `${path}.attenuationRange`, problems);
    checkRange(item.dropIfMinutesInRange, `${path}.dropIfMinutesInRange`, problems);
  });
  checkList(value, 'trlFilters', problems, (item, path) => {
    checkRange(item.dropIfTrlInRange, `${path}.dropIfTrlInRange`, problems);
  });
  checkList(value, 'minutesAtAttenuationWeights', problems, (item, path) => {
    checkRange(item.attenuationRange, `${path}.attenuationRange`, problems);
    if (!isNumber(item.weight) || item.weight < 0) problems.push(`${path}.weight must be a number >= 0`);
  });
  for (const field of ['normalizedTimePerEWToRiskLevelMapping', 'normalizedTimePerDayToRiskLevelMapping']) {
    checkList(value, field, problems, (item, path) => {
      checkRange(item.normalizedTimeRange, `${path}.normalizedTimeRange`, problems);
      checkRiskLevel(item.riskLevel, `${path}.riskLevel`, problems);
    });
  }
  checkList(value, 'transmissionRiskValueMapping', problems, (item, path) => {
    if (!Number.isSafeInteger(item.transmissionRiskLevel)) problems.push(`${path}.transmissionRiskLevel must be an integer`);
    if (!isNumber(item.transmissionRiskValue) || item.transmissionRiskValue < 0) {
      problems.push(`${path}.transmissionRiskValue must be a number >= 0`);
    }
  });
  const encoding = value.trlEncoding;
  if (!isObject(encoding)) problems.push('trlEncoding must be an object');
  else {
    for (const field of [
      'infectiousnessOffsetStandard',
      'infectiousnessOffsetHigh',
      'reportTypeOffsetRecursive',
      'reportTypeOffsetSelfReport',
      'reportTypeOffsetConfirmedClinicalDiagnosis',
      'reportTypeOffsetConfirmedTest',
    ]) {
      if (!Number.isSafeInteger(encoding[field])) problems.push(`trlEncoding.${field} must be an integer`);
    }
  }
  if (problems.length > 0) {
    throw new ProtocolError('invalid_risk_configuration', `invalid risk configuration: ${problems.join('; ')}`);
  }
  return value as unknown as RiskConfiguration;
}
