import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProtocolError } from '../errors.js';
import { aggregateRisk } from './aggregate-risk.js';
import { bluezoneRiskConfiguration } from './bluezone-preset.js';
import { cwaRiskConfiguration } from './cwa-preset.js';
import { RiskLevel, ReportType, Infectiousness, type ExposureWindow } from './exposure-window.js';
import { isInRiskRange, validateRiskConfiguration } from './risk-configuration.js';
import { proximityContactWeight, proximityRuleAttenuationAt } from '../proximity/rule.js';
import { calculateExposureWindowRisk } from './window-risk.js';

interface CwaCase {
  description: string;
  exposureWindows: ExposureWindow[];
  expTotalRiskLevel: number;
  expAgeOfMostRecentDateWithLowRisk: number | null;
  expAgeOfMostRecentDateWithHighRisk: number | null;
  expNumberOfDaysWithLowRisk: number;
  expNumberOfDaysWithHighRisk: number;
  expTotalMinimumDistinctEncountersWithLowRisk: number;
  expTotalMinimumDistinctEncountersWithHighRisk: number;
}

const file = JSON.parse(
  readFileSync(new URL('../../test-vectors/risk/cwa-exposure-windows-risk.json', import.meta.url), 'utf8'),
) as { defaultRiskCalculationConfiguration: unknown; testCases: CwaCase[] };

describe('Corona-Warn-App exposure-window risk cases', () => {
  it('ships the configuration the cases assume as the cwa preset', () => {
    expect(cwaRiskConfiguration).toEqual(validateRiskConfiguration(file.defaultRiskCalculationConfiguration));
    expect(file.testCases).toHaveLength(20);
  });

  it.each(file.testCases.map((c) => [c.description, c] as const))('%s', (_description, c) => {
    const risk = aggregateRisk(c.exposureWindows, cwaRiskConfiguration);
    expect({
      totalRiskLevel: risk.totalRiskLevel,
      ageOfMostRecentDateWithLowRisk: risk.ageOfMostRecentDateWithLowRisk,
      ageOfMostRecentDateWithHighRisk: risk.ageOfMostRecentDateWithHighRisk,
      numberOfDaysWithLowRisk: risk.numberOfDaysWithLowRisk,
      numberOfDaysWithHighRisk: risk.numberOfDaysWithHighRisk,
      totalMinimumDistinctEncountersWithLowRisk: risk.totalMinimumDistinctEncountersWithLowRisk,
      totalMinimumDistinctEncountersWithHighRisk: risk.totalMinimumDistinctEncountersWithHighRisk,
    }).toEqual({
      totalRiskLevel: c.expTotalRiskLevel,
      ageOfMostRecentDateWithLowRisk: c.expAgeOfMostRecentDateWithLowRisk,
      ageOfMostRecentDateWithHighRisk: c.expAgeOfMostRecentDateWithHighRisk,
      numberOfDaysWithLowRisk: c.expNumberOfDaysWithLowRisk,
      numberOfDaysWithHighRisk: c.expNumberOfDaysWithHighRisk,
      totalMinimumDistinctEncountersWithLowRisk: c.expTotalMinimumDistinctEncountersWithLowRisk,
      totalMinimumDistinctEncountersWithHighRisk: c.expTotalMinimumDistinctEncountersWithHighRisk,
    });
  });
});

/** A window of `minutes` minutes in 5-minute scans at one attenuation. */
function windowAt(attenuation: number, minutes: number, overrides: Partial<ExposureWindow> = {}): ExposureWindow {
  const scanInstances = [];
  for (let left = minutes * 60; left > 0; left -= 300) {
    scanInstances.push({ minAttenuation: attenuation, typicalAttenuation: attenuation + 2, secondsSinceLastScan: Math.min(300, left) });
  }
  return {
    ageInDays: 2,
    reportType: ReportType.confirmedTest,
    infectiousness: Infectiousness.standard,
    calibrationConfidence: 2,
    scanInstances,
    ...overrides,
  };
}

describe('bluezone preset: F1 is about 15 weighted minutes within about 2 m', () => {
  // Attenuations the proximity rule puts at 1 m, 2.5 m and 5 m.
  const [near, between, far] = [1, 2.5, 5].map((d) => Math.round(proximityRuleAttenuationAt(d))) as [number, number, number];

  it('weighs attenuation exactly as the proximity rule does, so the phone and the CLI count the same minutes', () => {
    for (let attenuation = 0; attenuation <= 100; attenuation++) {
      const weight = bluezoneRiskConfiguration.minutesAtAttenuationWeights.find((w) => isInRiskRange(w.attenuationRange, attenuation))?.weight ?? 0;
      expect(weight, `${attenuation} dB`).toBe(proximityContactWeight(attenuation));
    }
    expect([proximityContactWeight(near), proximityContactWeight(between), proximityContactWeight(far)]).toEqual([1, 0.5, 0]);
  });

  it('makes 15 minutes at about 1 m a high-risk day', () => {
    const risk = aggregateRisk([windowAt(near, 15)], bluezoneRiskConfiguration);
    expect(risk.totalRiskLevel).toBe(RiskLevel.high);
    expect(risk.ageOfMostRecentDateWithHighRisk).toBe(2);
  });

  it('adds up several short windows of one day, as the cumulative definition says', () => {
    const windows = [windowAt(near, 5), windowAt(near + 1, 5), windowAt(near + 2, 5)];
    expect(aggregateRisk(windows, bluezoneRiskConfiguration).totalRiskLevel).toBe(RiskLevel.high);
    expect(aggregateRisk(windows.slice(0, 2), bluezoneRiskConfiguration).totalRiskLevel).toBe(RiskLevel.low);
  });

  it('counts 2 to 3 m half, and beyond 3 m not at all', () => {
    expect(calculateExposureWindowRisk(windowAt(between, 20), bluezoneRiskConfiguration)?.normalizedTime).toBe(10);
    const away = aggregateRisk([windowAt(far, 30)], bluezoneRiskConfiguration);
    expect(away.days).toEqual([]);
    expect(away.totalRiskLevel).toBe(RiskLevel.low);
  });

  it('drops recursive reports and halves self reports', () => {
    expect(calculateExposureWindowRisk(windowAt(near, 20, { reportType: ReportType.recursive }), bluezoneRiskConfiguration)).toBeNull();
    expect(
      calculateExposureWindowRisk(windowAt(near, 20, { reportType: ReportType.selfReport }), bluezoneRiskConfiguration)?.normalizedTime,
    ).toBe(10);
  });
});

describe('validation', () => {
  it('reports every problem of a malformed configuration at once', () => {
    const bad = {
      ...cwaRiskConfiguration,
      trlFilters: 'none',
      minutesAtAttenuationWeights: [{ attenuationRange: { min: 70, max: 60 }, weight: -1 }],
      trlEncoding: undefined,
    };
    let error: unknown;
    try {
      validateRiskConfiguration(bad);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe('invalid_risk_configuration');
    const message = (error as ProtocolError).message;
    for (const part of ['trlFilters must be an array', 'min must not be greater', 'weight must be a number >= 0', 'trlEncoding must be an object']) {
      expect(message).toContain(part);
    }
  });

  it('accepts both presets', () => {
    expect(() => validateRiskConfiguration(bluezoneRiskConfiguration)).not.toThrow();
    expect(() => validateRiskConfiguration(cwaRiskConfiguration)).not.toThrow();
  });

  it('refuses malformed windows and unknown report types', () => {
    expect(() => aggregateRisk([{ ...windowAt(50, 5), ageInDays: -1 }], cwaRiskConfiguration)).toThrow(ProtocolError);
    expect(() => calculateExposureWindowRisk(windowAt(50, 5, { reportType: ReportType.unknown }), cwaRiskConfiguration)).toThrow(
      /unknown|no transmission risk encoding/,
    );
  });
});
