import { calculateExposureKeyHmac } from '@bluezone/protocol';
import { describe, expect, it } from 'vitest';
import { fakeRandom } from '../platform/platform.js';
import { keysMatchHmac, revisedReportType, transformKeys, transmissionRiskFor } from './publish.model.js';
import type { PublishConfig } from './publish.config.js';
import { RevisionTokens } from './revision-token.js';

const config: PublishConfig = { healthAuthorities: ['vn.bluezone'], maxKeys: 30, maxKeyAgeSeconds: 15 * 86400, maxSameStartIntervalKeys: 3, maxSymptomOnsetDays: 14 };
const now = new Date('2026-11-23T08:00:00.000Z');
const today = Math.floor(now.getTime() / 600_000 / 144) * 144;
const key = (n: number, rollingStartNumber: number, rollingPeriod = 144, transmissionRisk?: number) => ({
  key: Buffer.alloc(16, n).toString('base64'),
  rollingStartNumber,
  rollingPeriod,
  ...(transmissionRisk === undefined ? {} : { transmissionRisk }),
});
const context = { now, reportType: 'confirmed' as const, symptomOnsetInterval: null };

describe('transformKeys', () => {
  it('keeps valid keys, with the report type risk, and embargoes today’s key until it expires', () => {
    const result = transformKeys([key(1, today - 144), key(2, today, 144, 5)], context, config);
    if ('overlapping' in result) throw new Error(result.overlapping);
    expect(result.warnings).toEqual([]);
    expect(result.keys[0]).toMatchObject({ transmissionRisk: 2, availableAt: now.toISOString() });
    expect(result.keys[1]).toMatchObject({ transmissionRisk: 5, availableAt: new Date((today + 144) * 600_000).toISOString() });
  });

  it('drops, with a warning each, malformed base64, wrong length, bad period, bad risk, too old and future keys', () => {
    const result = transformKeys(
      [
        { key: 'not base64!!', rollingStartNumber: today - 144, rollingPeriod: 144 },
        { key: Buffer.alloc(15).toString('base64'), rollingStartNumber: today - 288, rollingPeriod: 144 },
        key(3, today - 432, 145),
        key(4, today - 576, 144, 9),
        key(5, today - 16 * 144),
        key(6, today + 144),
        key(7, today - 144 * 3),
      ],
      context,
      config,
    );
    if ('overlapping' in result) throw new Error(result.overlapping);
    expect(result.keys).toHaveLength(1);
    expect(result.warnings.map((w) => w.slice(0, 6))).toEqual(['key 0:', 'key 1:', 'key 2:', 'key 3:', 'key 4:', 'key 5:']);
    expect(result.warnings[4]).toContain('too old');
    expect(result.warnings[5]).toContain('future');
  });

  it('keeps a key whose last interval is exactly 15 days old and drops one a day older', () => {
    const oldest = Math.floor((now.getTime() / 1000 - 15 * 86400) / 600);
    const result = transformKeys([key(1, oldest - 144), key(2, oldest - 145)], context, config);
    if ('overlapping' in result) throw new Error(result.overlapping);
    expect(result.keys.map((k) => k.rollingStartInterval)).toEqual([oldest - 144]);
  });

  it('refuses a fourth key on one start interval, and keys that overlap without sharing one', () => {
    const four = transformKeys([key(1, today - 144, 10), key(2, today - 144, 20), key(3, today - 144, 30), key(4, today - 144, 40)], context, config);
    expect(four).toHaveProperty('overlapping');
    const three = transformKeys([key(1, today - 144, 10), key(2, today - 144, 20), key(3, today - 144, 30)], context, config);
    expect(three).not.toHaveProperty('overlapping');
    expect(transformKeys([key(1, today - 144), key(2, today - 100)], context, config)).toHaveProperty('overlapping');
  });

  it('sets days since symptom onset and drops keys beyond ±14 days of it', () => {
    const result = transformKeys([key(1, today - 144), key(2, today - 14 * 144), key(3, today - 15 * 144)], { ...context, symptomOnsetInterval: today }, config);
    if ('overlapping' in result) throw new Error(result.overlapping);
    expect(result.keys.map((k) => k.daysSinceOnset)).toEqual([-1, -14]);
    expect(result.warnings).toEqual([expect.stringContaining('key 2: -15 days from symptom onset')]);
    const near = transformKeys([key(1, today - 144)], { ...context, symptomOnsetInterval: today - 3 * 144 }, config);
    if ('overlapping' in near) throw new Error(near.overlapping);
    expect(near.keys[0]!.daysSinceOnset).toBe(2);
  });
});

describe('keysMatchHmac', () => {
  const hmacKey = Buffer.alloc(32, 9);
  const keys = [key(1, today - 144, 144, 3), key(2, today - 288, 144, 3)];
  const tekmac = calculateExposureKeyHmac(
    keys.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod, transmissionRisk: k.transmissionRisk })),
    hmacKey,
  );

  it('agrees with the protocol package’s HMAC, whatever the order of the keys', () => {
    expect(keysMatchHmac(keys, hmacKey, tekmac)).toBe(true);
    expect(keysMatchHmac([...keys].reverse(), hmacKey, tekmac)).toBe(true);
  });

  it('refuses other keys, another risk, another HMAC key', () => {
    expect(keysMatchHmac([keys[0]!], hmacKey, tekmac)).toBe(false);
    expect(keysMatchHmac([keys[0]!, { ...keys[1]!, transmissionRisk: 4 }], hmacKey, tekmac)).toBe(false);
    expect(keysMatchHmac(keys, Buffer.alloc(32, 8), tekmac)).toBe(false);
  });

  it('accepts the older form without risks only when every risk is 0', () => {
    const zero = [key(1, today - 144), key(2, today - 288)];
    const legacy = calculateExposureKeyHmac(
      zero.map((k) => ({ key: k.key, rollingStartIntervalNumber: k.rollingStartNumber, rollingPeriod: k.rollingPeriod })),
      hmacKey,
      undefined,
      { omitTransmissionRisk: true },
    );
    expect(keysMatchHmac(zero, hmacKey, legacy)).toBe(true);
    expect(keysMatchHmac([{ ...zero[0]!, transmissionRisk: 1 }, zero[1]!], hmacKey, legacy)).toBe(false);
  });
});

describe('revision rules', () => {
  it('allows likely → confirmed and withdrawing likely or confirmed keys, nothing else', () => {
    expect(revisedReportType('likely', 'confirmed')).toBe('confirmed');
    expect(revisedReportType('likely', 'negative')).toBe('revoked');
    expect(revisedReportType('confirmed', 'negative')).toBe('revoked');
    expect(revisedReportType('confirmed', 'likely')).toBeUndefined();
    expect(revisedReportType('revoked', 'confirmed')).toBeUndefined();
    expect(revisedReportType('confirmed', 'confirmed')).toBe('unchanged');
  });

  it('maps report types to Google’s default transmission risks', () => {
    expect([transmissionRiskFor('confirmed', undefined), transmissionRiskFor('likely', 0), transmissionRiskFor('negative', undefined), transmissionRiskFor('likely', 7)]).toEqual([2, 4, 6, 7]);
  });
});

describe('RevisionTokens', () => {
  const secret = Buffer.alloc(32, 1);
  const keys = [{ keyData: Buffer.alloc(16, 5), rollingStartInterval: 2_950_000, rollingPeriod: 144 }];

  it('opens what it sealed, at one size whatever the number of keys', () => {
    const tokens = new RevisionTokens(secret, fakeRandom());
    const token = tokens.seal(keys);
    expect(tokens.open(token)).toEqual(keys);
    expect(tokens.seal([]).length).toBe(token.length);
  });

  it('refuses an altered token and one sealed under another secret', () => {
    const token = new RevisionTokens(secret, fakeRandom()).seal(keys);
    const raw = Buffer.from(token, 'base64');
    raw[20]! ^= 1;
    expect(new RevisionTokens(secret, fakeRandom()).open(raw.toString('base64'))).toBeUndefined();
    expect(new RevisionTokens(Buffer.alloc(32, 2), fakeRandom()).open(token)).toBeUndefined();
    expect(new RevisionTokens(secret, fakeRandom()).open('AAAA')).toBeUndefined();
  });
});
