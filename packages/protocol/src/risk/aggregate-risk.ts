import { ProtocolError } from '../errors.js';
import { RiskLevel, type ExposureWindow } from './exposure-window.js';
import { isInRiskRange, type RiskConfiguration } from './risk-configuration.js';
import { assertExposureWindow, calculateExposureWindowRisk, type ExposureWindowRisk } from './window-risk.js';

/** The risk of one day (CWA `ExposureWindowDayRisk`); days are told apart by the windows' ageInDays. */
export interface DayRisk {
  ageInDays: number;
  /** Σ normalized time of the day's kept windows, rounded to one decimal (CWA EXPOSUREAPP-12211). */
  normalizedTime: number;
  riskLevel: number;
  minimumDistinctEncountersWithLowRisk: number;
  minimumDistinctEncountersWithHighRisk: number;
}

/** The result of a whole calculation (CWA `EwAggregatedRiskResult`), with ages in days instead of dates. */
export interface AggregatedRisk {
  totalRiskLevel: number;
  ageOfMostRecentDateWithLowRisk: number | null;
  ageOfMostRecentDateWithHighRisk: number | null;
  numberOfDaysWithLowRisk: number;
  numberOfDaysWithHighRisk: number;
  totalMinimumDistinctEncountersWithLowRisk: number;
  totalMinimumDistinctEncountersWithHighRisk: number;
  /** Days that reached a risk level, most recent first. */
  days: DayRisk[];
  /** The risk of each input window in input order; `null` for a dropped one. */
  windows: (ExposureWindowRisk | null)[];
}

/**
 * Rounds to one decimal, half away from zero. The small epsilon absorbs binary floating point error, so that
 * 3 × 1.2 + 4.8 + 0.6, which is 8.999999999999998 in doubles, counts as 9.0 (CWA EXPOSUREAPP-12211).
 */
function roundToOneDecimal(value: number): number {
  return Math.round(value * 10 + 1e-9) / 10;
}

/**
 * "Minimum distinct encounters": windows of one day and risk level that differ in transmission risk level or
 * calibration confidence must come from different people; identical ones may be the same person.
 */
function minimumDistinctEncounters(entries: { window: ExposureWindow; risk: ExposureWindowRisk }[], level: number): number {
  const distinct = new Set<string>();
  for (const { window, risk } of entries) {
    if (risk.riskLevel === level) distinct.add(`${risk.transmissionRiskLevel}_${window.calibrationConfidence}`);
  }
  return distinct.size;
}

/**
 * Scores every window and aggregates per day and in total, by Corona-Warn-App's exposure-window risk calculation
 * (cwa-app-android `DefaultRiskLevels.aggregateResults`, steps 1 to 12):
 * per day, normalized time = Σ over kept windows, rounded to one decimal; its risk level is the first per-day
 * mapping holding it (a day with none counts for nothing); the total risk is high if any day is high, else low.
 *
 * Example:
 * ```ts
 * const risk = aggregateRisk(windows, cwaRiskConfiguration);
 * if (risk.totalRiskLevel === RiskLevel.high) warn(risk.ageOfMostRecentDateWithHighRisk);
 * ```
 */
export function aggregateRisk(windows: ExposureWindow[], config: RiskConfiguration): AggregatedRisk {
  if (!Array.isArray(windows)) throw new ProtocolError('invalid_argument', 'exposure windows must be an array');
  windows.forEach((window, i) => assertExposureWindow(window, `exposureWindows[${i}]`));
  const windowRisks = windows.map((window) => calculateExposureWindowRisk(window, config));

  const byDay = new Map<number, { window: ExposureWindow; risk: ExposureWindowRisk }[]>();
  windows.forEach((window, i) => {
    const risk = windowRisks[i];
    if (!risk) return;
    const entries = byDay.get(window.ageInDays) ?? [];
    entries.push({ window, risk });
    byDay.set(window.ageInDays, entries);
  });

  const days: DayRisk[] = [];
  for (const [ageInDays, entries] of byDay) {
    const normalizedTime = roundToOneDecimal(entries.reduce((sum, e) => sum + e.risk.normalizedTime, 0));
    const mapping = config.normalizedTimePerDayToRiskLevelMapping.find((m) =>
      isInRiskRange(m.normalizedTimeRange, normalizedTime),
    );
    if (mapping === undefined) continue;
    days.push({
      ageInDays,
      normalizedTime,
      riskLevel: mapping.riskLevel,
      minimumDistinctEncountersWithLowRisk: minimumDistinctEncounters(entries, RiskLevel.low),
      minimumDistinctEncountersWithHighRisk: minimumDistinctEncounters(entries, RiskLevel.high),
    });
  }
  days.sort((a, b) => a.ageInDays - b.ageInDays);

  const daysAt = (level: number) => days.filter((d) => d.riskLevel === level);
  const lowDays = daysAt(RiskLevel.low);
  const highDays = daysAt(RiskLevel.high);
  const sum = (list: DayRisk[], pick: (d: DayRisk) => number) => list.reduce((total, d) => total + pick(d), 0);
  return {
    totalRiskLevel: highDays.length > 0 ? RiskLevel.high : RiskLevel.low,
    ageOfMostRecentDateWithLowRisk: lowDays[0]?.ageInDays ?? null,
    ageOfMostRecentDateWithHighRisk: highDays[0]?.ageInDays ?? null,
    numberOfDaysWithLowRisk: lowDays.length,
    numberOfDaysWithHighRisk: highDays.length,
    // As CWA: summed over all days that reached a level, whatever that day's own level.
    totalMinimumDistinctEncountersWithLowRisk: sum(days, (d) => d.minimumDistinctEncountersWithLowRisk),
    totalMinimumDistinctEncountersWithHighRisk: sum(days, (d) => d.minimumDistinctEncountersWithHighRisk),
    days,
    windows: windowRisks,
  };
}
