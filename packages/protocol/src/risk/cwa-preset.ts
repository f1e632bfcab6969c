import type { RiskConfiguration } from './risk-configuration.js';

/**
 * Corona-Warn-App's exposure-window risk configuration, as assumed by its risk test cases (cwa-app-android,
 * Corona-Warn-App/src/test/resources/exposure-windows-risk-calculation.json, `defaultRiskCalculationConfiguration`,
 * Apache-2.0). Kept identical, so CWA's cases check this implementation.
 *
 * In words: a second at a minimum attenuation under 63 dB counts 0.8, 63–73 dB counts 1, 73–79 dB counts 0.1,
 * beyond counts nothing; the transmission risk level (report type offset + infectiousness offset, 1..8) scales the
 * weighted minutes by 0 to 1.6; a window of 9 or more normalized minutes is high risk; a day of 9 or more is high,
 * of 5 to 9 is low, under 5 counts for nothing.
 *
 * Example: `aggregateRisk(windows, cwaRiskConfiguration).totalRiskLevel`.
 */
export const cwaRiskConfiguration: RiskConfiguration = {
  minutesAtAttenuationFilters: [],
  trlFilters: [],
  minutesAtAttenuationWeights: [
    { attenuationRange: { min: 0, max: 63, maxExclusive: true }, weight: 0.8 },
    { attenuationRange: { min: 63, max: 73, maxExclusive: true }, weight: 1 },
    { attenuationRange: { min: 73, max: 79, maxExclusive: true }, weight: 0.1 },
  ],
  normalizedTimePerEWToRiskLevelMapping: [
    { normalizedTimeRange: { min: 0, max: 9, maxExclusive: true }, riskLevel: 1 },
    { normalizedTimeRange: { min: 9, max: 9999 }, riskLevel: 2 },
  ],
  normalizedTimePerDayToRiskLevelMapping: [
    { normalizedTimeRange: { min: 5, max: 9, maxExclusive: true }, riskLevel: 1 },
    { normalizedTimeRange: { min: 9, max: 99999 }, riskLevel: 2 },
  ],
  trlEncoding: {
    infectiousnessOffsetStandard: 1,
    infectiousnessOffsetHigh: 2,
    reportTypeOffsetRecursive: 0,
    reportTypeOffsetSelfReport: 2,
    reportTypeOffsetConfirmedClinicalDiagnosis: 4,
    reportTypeOffsetConfirmedTest: 6,
  },
  transmissionRiskValueMapping: [
    { transmissionRiskLevel: 1, transmissionRiskValue: 0 },
    { transmissionRiskLevel: 2, transmissionRiskValue: 0 },
    { transmissionRiskLevel: 3, transmissionRiskValue: 0.6 },
    { transmissionRiskLevel: 4, transmissionRiskValue: 0.8 },
    { transmissionRiskLevel: 5, transmissionRiskValue: 1 },
    { transmissionRiskLevel: 6, transmissionRiskValue: 1.2 },
    { transmissionRiskLevel: 7, transmissionRiskValue: 1.4 },
    { transmissionRiskLevel: 8, transmissionRiskValue: 1.6 },
  ],
};
