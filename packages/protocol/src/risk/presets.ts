import { bluezoneRiskConfiguration } from './bluezone-preset.js';
import { cwaRiskConfiguration } from './cwa-preset.js';
import type { RiskConfiguration } from './risk-configuration.js';

/**
 * The named risk configurations, for the CLI (`bluezone risk --preset NAME`) and remote configuration.
 * Example: `riskPresets.bluezone`.
 */
export const riskPresets: Readonly<Record<'bluezone' | 'cwa', RiskConfiguration>> = Object.freeze({
  bluezone: bluezoneRiskConfiguration,
  cwa: cwaRiskConfiguration,
});

export type RiskPresetName = keyof typeof riskPresets;

export function isRiskPresetName(name: string): name is RiskPresetName {
  return Object.prototype.hasOwnProperty.call(riskPresets, name);
}
