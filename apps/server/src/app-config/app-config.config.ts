import { readFileSync } from 'node:fs';
import { DEFAULT_APP_CONFIGURATION, appConfigurationSchema, type AppConfiguration } from '@bluezone/contract';
import { ProtocolError, validateRiskConfiguration } from '@bluezone/protocol';
import type { EnvReader } from '../platform/env-reader.js';

/**
 * The citizen app's configuration, served at GET /api/v1/app-config: the contract's defaults with this server's
 * region and first health authority, or a JSON file (BLUEZONE_APP_CONFIG_FILE) in which a province sets scan
 * timing, the risk thresholds and addresses. The file is checked at start against the contract's schema, and its
 * risk configuration by the protocol, so a phone is never sent a configuration it would refuse.
 */
export function readAppConfig(env: EnvReader, defaults: { region: string; healthAuthorityId: string }): AppConfiguration {
  const file = env.optionalString('BLUEZONE_APP_CONFIG_FILE');
  const base: AppConfiguration = { ...DEFAULT_APP_CONFIGURATION, region: defaults.region, healthAuthorityId: defaults.healthAuthorityId };
  if (file === undefined) return base;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    env.problem(`BLUEZONE_APP_CONFIG_FILE: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)})`);
    return base;
  }
  const parsed = appConfigurationSchema.safeParse({ ...base, ...(value as object) });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) env.problem(`BLUEZONE_APP_CONFIG_FILE: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return base;
  }
  if (parsed.data.exposure.riskConfiguration) {
    try {
      validateRiskConfiguration(parsed.data.exposure.riskConfiguration);
    } catch (error) {
      env.problem(`BLUEZONE_APP_CONFIG_FILE: exposure.riskConfiguration: ${error instanceof ProtocolError ? error.message : String(error)}`);
    }
  }
  return parsed.data;
}
