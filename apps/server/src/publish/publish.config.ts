import type { EnvReader } from '../platform/env-reader.js';

export interface PublishConfig {
  /** healthAuthorityID values accepted in a publish. */
  healthAuthorities: string[];
  /** Keys one publish may carry (Google's key server: 30, 14 days plus revisions). */
  maxKeys: number;
  /** Keys whose last interval ended longer ago are dropped (Google: 15 days). */
  maxKeyAgeSeconds: number;
  /** Keys that may share a rolling start interval (Google: 3, for the same-day key changes of EN v1.5). */
  maxSameStartIntervalKeys: number;
  /** A key whose days since symptom onset lies beyond ± this is dropped (Google: 14). */
  maxSymptomOnsetDays: number;
}

export function readPublishConfig(env: EnvReader): PublishConfig {
  const authorities = env
    .string('BLUEZONE_HEALTH_AUTHORITIES', 'vn.bluezone')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (authorities.length === 0) env.problem('BLUEZONE_HEALTH_AUTHORITIES: list at least one health authority id');
  return {
    healthAuthorities: authorities,
    maxKeys: env.int('BLUEZONE_PUBLISH_MAX_KEYS', 30, { min: 1, max: 100 }),
    // No more than the 14 days a phone keeps keys plus one, so old keys cannot be replayed into exports.
    maxKeyAgeSeconds: env.duration('BLUEZONE_PUBLISH_MAX_KEY_AGE', 15 * 86400, { min: 86400, max: 15 * 86400 }),
    maxSameStartIntervalKeys: env.int('BLUEZONE_PUBLISH_MAX_SAME_START_KEYS', 3, { min: 1, max: 10 }),
    maxSymptomOnsetDays: env.int('BLUEZONE_PUBLISH_MAX_SYMPTOM_ONSET_DAYS', 14, { min: 1, max: 28 }),
  };
}
