import type { RiskConfiguration } from './risk-configuration.js';
import { cwaRiskConfiguration } from './cwa-preset.js';
import { PROXIMITY_HALF_WEIGHT_FACTOR, PROXIMITY_RULE, proximityRuleAttenuationAt } from '../proximity/rule.js';

/** Attenuation (dB) at the close-contact distance (2 m) and at 1.5 times it (3 m), by the proximity rule. */
const FULL_WEIGHT_UP_TO_DB = proximityRuleAttenuationAt(PROXIMITY_RULE.closeDistanceM);
const HALF_WEIGHT_UP_TO_DB = proximityRuleAttenuationAt(PROXIMITY_RULE.closeDistanceM * PROXIMITY_HALF_WEIGHT_FACTOR);

/**
 * Bluezone's risk configuration: what makes a close contact (F1) of a confirmed case (F0).
 *
 * The rule it encodes: **about 15 attenuation-weighted minutes within about 2 metres, in one day**, the common
 * close-contact definition (US CDC, October 2020: "within 6 feet for a cumulative total of 15 minutes or more over
 * a 24-hour period"; Vietnam's F1 is likewise "close contact within 2 metres"). A day over 15 is high risk (F1);
 * 5 to 15 is low risk (a contact worth telling, not worth isolating); under 5 counts for nothing.
 *
 * How attenuation maps to distance: by the one proximity rule (proximity/rule.ts, PROXIMITY_RULE), the same that
 * `bluezone proximity classify` applies, with the weights of proximityContactWeight:
 * - up to the rule's 2 m attenuation (44 dB): a second counts fully;
 * - up to its 3 m attenuation (51 dB): half, because a body between the phones or a phone in a bag adds 5 to 10 dB
 *   and a real 1.5 m contact often reads there (Leith & Farrell, "Measurement-based evaluation of Google/Apple
 *   Exposure Notification API for proximity detection", 2020);
 * - beyond: nothing.
 * The scan instances Bluezone builds carry the rule's window attenuation (matching/exposure-windows.ts). An earlier
 * version took 55 dB ≈ 1.5 m and 63 dB ≈ 3 m from Corona-Warn-App's documentation; packages/protocol/eval/README.md
 * shows how the rule's numbers were measured instead.
 *
 * Report types (CWA's encoding: TRL = report-type offset + infectiousness offset): a confirmed test or clinical
 * diagnosis counts fully (TRL 5–8), a self report half (TRL 3–4); recursive reports (TRL 1–2) are not F0 and are
 * dropped. Windows are at most 30 minutes, so one window alone can already be high risk.
 *
 * Example: 16 minutes at 40 dB with a confirmed case gives normalized time 16, a high-risk day: F1.
 */
export const bluezoneRiskConfiguration: RiskConfiguration = {
  minutesAtAttenuationFilters: [],
  trlFilters: [{ dropIfTrlInRange: { min: 1, max: 2 } }],
  minutesAtAttenuationWeights: [
    { attenuationRange: { min: 0, max: FULL_WEIGHT_UP_TO_DB }, weight: 1 },
    { attenuationRange: { min: FULL_WEIGHT_UP_TO_DB, max: HALF_WEIGHT_UP_TO_DB, minExclusive: true }, weight: 0.5 },
  ],
  normalizedTimePerEWToRiskLevelMapping: [
    { normalizedTimeRange: { min: 0, max: 15, maxExclusive: true }, riskLevel: 1 },
    { normalizedTimeRange: { min: 15, max: 100_000 }, riskLevel: 2 },
  ],
  normalizedTimePerDayToRiskLevelMapping: [
    { normalizedTimeRange: { min: 5, max: 15, maxExclusive: true }, riskLevel: 1 },
    { normalizedTimeRange: { min: 15, max: 100_000 }, riskLevel: 2 },
  ],
  // The same encoding of report type and infectiousness into a transmission risk level as Corona-Warn-App: both read
  // the EN framework's report types, so one encoding serves both presets.
  trlEncoding: cwaRiskConfiguration.trlEncoding,
  transmissionRiskValueMapping: [
    { transmissionRiskLevel: 3, transmissionRiskValue: 0.5 },
    { transmissionRiskLevel: 4, transmissionRiskValue: 0.5 },
    { transmissionRiskLevel: 5, transmissionRiskValue: 1 },
    { transmissionRiskLevel: 6, transmissionRiskValue: 1 },
    { transmissionRiskLevel: 7, transmissionRiskValue: 1 },
    { transmissionRiskLevel: 8, transmissionRiskValue: 1 },
  ],
};
