import { readFileSync } from 'node:fs';
import { DEFAULT_APP_CONFIGURATION, appConfigurationSchema, type AppConfiguration } from '@bluezone/contract';
import { ProtocolError, validateRiskConfiguration } from '@bluezone/protocol';
import type { EnvReader } from '../platform/env-reader.js';

/** What a province may set for its phones; the region and health authority are always this server's own. */
export type AppConfigSettings = Omit<AppConfiguration, 'region' | 'healthAuthorityId'>;

const settingsSchema = appConfigurationSchema.omit({ region: true, healthAuthorityId: true }).strict();
const SERVER_OWN = { region: 'BLUEZONE_REGION', healthAuthorityId: 'BLUEZONE_HEALTH_AUTHORITIES' } as const;

/**
 * The citizen app's configuration, served at GET /api/v1/app-config: the contract's defaults, or a JSON file
 * (BLUEZONE_APP_CONFIG_FILE) over them in which a province sets scan timing, the risk thresholds and addresses. The
 * file is checked at start against the contract's schema, and its risk configuration by the protocol, so a phone is
 * never sent a configuration it would refuse.
 */
export function readAppConfig(env: EnvReader): AppConfigSettings {
  const { region: _region, healthAuthorityId: _authority, ...defaults } = DEFAULT_APP_CONFIGURATION;
  const file = env.optionalString('BLUEZONE_APP_CONFIG_FILE');
  if (file === undefined) return defaults;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    env.problem(`BLUEZONE_APP_CONFIG_FILE: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)})`);
    return defaults;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    env.problem(`BLUEZONE_APP_CONFIG_FILE: ${file} must hold one JSON object`);
    return defaults;
  }
  // The phone must download this server's region and publish under a health authority it accepts: they follow the
  // server's own settings rather than a second copy that could disagree with them.
  const own = Object.entries(SERVER_OWN).filter(([key]) => key in value);
  for (const [key, variable] of own) env.problem(`BLUEZONE_APP_CONFIG_FILE: ${key}: set by ${variable}, not in this file`);
  if (own.length > 0) return defaults;
  const parsed = settingsSchema.safeParse({ ...defaults, ...value });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) env.problem(`BLUEZONE_APP_CONFIG_FILE: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return defaults;
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
