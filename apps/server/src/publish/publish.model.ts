import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PublishExposureKey } from '@bluezone/contract';
import type { PublishConfig } from './publish.config.js';

/** Report types of a certificate, and `revoked`, which a negative test makes of keys published before. */
export type ReportType = 'confirmed' | 'likely' | 'negative' | 'revoked';

/** EN intervals are 10 minutes; a key is valid for at most 144 of them (a day). */
export const INTERVAL_SECONDS = 600;
export const MAX_ROLLING_PERIOD = 144;

/**
 * Transmission risk when the phone sends none, by report type: Google's verifyapi constants
 * (TransmissionRiskConfirmedStandard 2, TransmissionRiskClinical 4, TransmissionRiskNegative 6).
 */
export function transmissionRiskFor(reportType: ReportType, provided: number | undefined): number {
  if (provided !== undefined && provided !== 0) return provided;
  return reportType === 'confirmed' ? 2 : reportType === 'likely' ? 4 : reportType === 'negative' ? 6 : 0;
}

/** A key that passed validation, ready to store. */
export interface ValidKey {
  keyData: Buffer;
  rollingStartInterval: number;
  rollingPeriod: number;
  transmissionRisk: number;
  daysSinceOnset: number | null;
  /** Embargo: a key the phone still uses may go into an export only once it has expired. */
  availableAt: string;
}

export interface TransformResult {
  keys: ValidKey[];
  warnings: string[];
}

const STD_BASE64 = /^[A-Za-z0-9+/]{22}==$/; // 16 bytes

/**
 * Validates and converts the keys of a publish as Google's key server does (pkg/model/exposure_model.go,
 * TransformPublish): a key that is malformed, too old, in the future or too far from symptom onset is dropped with
 * a warning; too many keys on one start interval, or keys overlapping without sharing one, reject the whole publish
 * (`overlapping` is returned instead of keys).
 */
export function transformKeys(
  keys: readonly PublishExposureKey[],
  context: { now: Date; reportType: ReportType; symptomOnsetInterval: number | null },
  config: PublishConfig,
): TransformResult | { overlapping: string } {
  const nowSeconds = Math.floor(context.now.getTime() / 1000);
  const nowInterval = Math.floor(nowSeconds / INTERVAL_SECONDS);
  const oldestInterval = Math.floor((nowSeconds - config.maxKeyAgeSeconds) / INTERVAL_SECONDS);
  const warnings: string[] = [];
  const valid: ValidKey[] = [];
  keys.forEach((key, i) => {
    const drop = (why: string) => void warnings.push(`key ${i}: ${why}; not published`);
    if (!STD_BASE64.test(key.key)) return drop('not the standard base64 of 16 bytes');
    if (key.rollingPeriod < 1 || key.rollingPeriod > MAX_ROLLING_PERIOD) return drop(`rollingPeriod ${key.rollingPeriod} is outside 1..144`);
    const risk = key.transmissionRisk ?? 0;
    if (risk < 0 || risk > 8) return drop(`transmissionRisk ${risk} is outside 0..8`);
    const end = key.rollingStartNumber + key.rollingPeriod;
    if (end < oldestInterval) return drop('the key is too old');
    if (key.rollingStartNumber > nowInterval) return drop('the key starts in the future');
    let daysSinceOnset: number | null = null;
    if (context.symptomOnsetInterval !== null) {
      // Google: days between the onset's day and the key's day, in whole days of 144 intervals.
      daysSinceOnset = Math.round((key.rollingStartNumber - context.symptomOnsetInterval) / MAX_ROLLING_PERIOD);
      if (Math.abs(daysSinceOnset) > config.maxSymptomOnsetDays) return drop(`${daysSinceOnset} days from symptom onset is beyond ±${config.maxSymptomOnsetDays}`);
    }
    valid.push({
      keyData: Buffer.from(key.key, 'base64'),
      rollingStartInterval: key.rollingStartNumber,
      rollingPeriod: key.rollingPeriod,
      transmissionRisk: transmissionRiskFor(context.reportType, key.transmissionRisk),
      daysSinceOnset,
      availableAt: new Date(Math.max(nowSeconds, end * INTERVAL_SECONDS) * 1000).toISOString(),
    });
  });
  const sorted = [...valid].sort((a, b) => a.rollingStartInterval - b.rollingStartInterval);
  let same = 1;
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.rollingStartInterval === previous.rollingStartInterval) {
      if (++same > config.maxSameStartIntervalKeys) {
        return { overlapping: `more than ${config.maxSameStartIntervalKeys} keys start at interval ${current.rollingStartInterval}` };
      }
    } else {
      same = 1;
      if (previous.rollingStartInterval + previous.rollingPeriod > current.rollingStartInterval) {
        return { overlapping: `the key starting at ${previous.rollingStartInterval} overlaps the one starting at ${current.rollingStartInterval}` };
      }
    }
  }
  return { keys: valid, warnings };
}

/**
 * The text a certificate's `tekmac` covers, built from the keys exactly as sent (so a malformed key still fails
 * only itself, as in Google's server): `key.rollingStart.rollingPeriod.transmissionRisk`, sorted by key, joined by
 * ",". The same rule as `exposureKeyHmacMessage` of @bluezone/protocol, which asserts well-formed keys instead.
 * `omitRisk` gives the older form without the risk, which Google accepts when every risk is 0.
 */
export function keysHmacMessage(keys: readonly PublishExposureKey[], omitRisk: boolean): string {
  return keys
    .map((k) => ({ key: k.key, text: `${k.key}.${k.rollingStartNumber}.${k.rollingPeriod}${omitRisk ? '' : `.${k.transmissionRisk ?? 0}`}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((k) => k.text)
    .join(',');
}

/** True when `tekmac` is the HMAC of these keys under `hmacKey`, in either form; compared in constant time. */
export function keysMatchHmac(keys: readonly PublishExposureKey[], hmacKey: Buffer, tekmac: string): boolean {
  const expected = Buffer.from(tekmac, 'base64');
  const forms = keys.every((k) => (k.transmissionRisk ?? 0) === 0) ? [false, true] : [false];
  let match = false;
  for (const omit of forms) {
    const mac = createHmac('sha256', hmacKey).update(keysHmacMessage(keys, omit)).digest();
    if (mac.length === expected.length && timingSafeEqual(mac, expected)) match = true;
  }
  return match;
}

/** Google's revision rules: likely may become confirmed; likely or confirmed may be withdrawn by a negative test. */
export function revisedReportType(from: ReportType, to: ReportType): ReportType | 'unchanged' | undefined {
  if (from === to || (from === 'revoked' && to === 'negative')) return 'unchanged';
  if (from === 'likely' && to === 'confirmed') return 'confirmed';
  if ((from === 'likely' || from === 'confirmed') && to === 'negative') return 'revoked';
  return undefined;
}
