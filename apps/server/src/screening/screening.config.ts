import { readFileSync } from 'node:fs';
import type { EnvReader } from '../platform/env-reader.js';
import { suspectedCaseRuleSchema, type SuspectedCaseRule } from './screening.rule.js';
import { MOH_2020_SUSPECTED_CASE } from './suspected-case.rule.js';

export interface ScreeningConfig {
  rule: SuspectedCaseRule;
}

/** The suspected-case rule: the Ministry of Health's 2020 definition, or the province's own JSON file of the same shape. */
export function readScreeningConfig(env: EnvReader): ScreeningConfig {
  const file = env.optionalString('BLUEZONE_SUSPECTED_CASE_RULE');
  if (file === undefined) return { rule: MOH_2020_SUSPECTED_CASE };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    env.problem(`BLUEZONE_SUSPECTED_CASE_RULE: cannot read ${file} as JSON (${error instanceof Error ? error.message : String(error)})`);
    return { rule: MOH_2020_SUSPECTED_CASE };
  }
  const parsed = suspectedCaseRuleSchema.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) env.problem(`BLUEZONE_SUSPECTED_CASE_RULE: ${file}: ${issue.path.join('.') || '(the file)'}: ${issue.message}`);
    return { rule: MOH_2020_SUSPECTED_CASE };
  }
  return { rule: parsed.data };
}
