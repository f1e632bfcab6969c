import { vnDaysEndingAt, type ExportFileInfo, type ExposureNotificationStatsResponse, type SmallCount } from '@bluezone/contract';
import type { DayCount } from '../db/vn-day.js';
import type { Clock } from '../platform/platform.js';

/** Days shown: the two weeks a published key lives, and today. */
const DAYS = 15;

/** Counts below this are shown as "<10": a day with one claimed code would otherwise point at one person. */
const SMALL_COUNT = 10;

export function smallCount(n: number): SmallCount {
  return n < SMALL_COUNT ? '<10' : n;
}

/** Where the figures come from: the verification, publish and export domains' services. */
export interface StatisticsSources {
  verification: { codesPerDay(days: readonly string[]): Promise<{ issued: DayCount[]; claimed: DayCount[] }> };
  publish: { keysPublishedPerDay(days: readonly string[]): Promise<DayCount[]> };
  export: { listFiles(): Promise<ExportFileInfo[]> };
}

/** Anonymous exposure-notification figures for health officers: per-day counts and the export files. */
export class ExposureNotificationStatistics {
  constructor(
    private readonly sources: StatisticsSources,
    private readonly clock: Clock,
  ) {}

  /** Days are Vietnamese calendar days: a code issued at 06:00 in Hà Nội counts on that day, not on the UTC day before. */
  async exposureNotification(): Promise<ExposureNotificationStatsResponse> {
    const dates = vnDaysEndingAt(this.clock.now(), DAYS);
    const [{ issued, claimed }, published, exportFiles] = await Promise.all([
      this.sources.verification.codesPerDay(dates),
      this.sources.publish.keysPublishedPerDay(dates),
      this.sources.export.listFiles(),
    ]);
    const on = (counts: DayCount[], date: string) => smallCount(counts.find((c) => c.date === date)?.count ?? 0);
    return {
      days: dates.map((date) => ({ date, codesIssued: on(issued, date), codesClaimed: on(claimed, date), keysPublished: on(published, date) })),
      exportFiles,
    };
  }
}
