import type { ExportFileInfo, ExposureNotificationStatsResponse, SmallCount } from '@bluezone/contract';
import { AppError } from '../errors.js';
import type { User } from '../identity/identity.model.js';
import type { Clock } from '../platform/platform.js';
import type { DayCount } from './verification.store.js';

/** Days shown: the two weeks a published key lives, and today. */
const DAYS = 15;

/** Counts below this are shown as "<10": a day with one claimed code would otherwise point at one person. */
const SMALL_COUNT = 10;

export function smallCount(n: number): SmallCount {
  return n < SMALL_COUNT ? '<10' : n;
}

export interface StatisticsSources {
  codesIssuedPerDay(since: string): Promise<DayCount[]>;
  codesClaimedPerDay(since: string): Promise<DayCount[]>;
  keysPublishedPerDay(since: string): Promise<DayCount[]>;
  /** Live export files and their sizes (the export domain's). */
  exportFiles(): Promise<ExportFileInfo[]>;
}

/** Anonymous exposure-notification figures for health officers: per-day counts and the export files. */
export class ExposureNotificationStatistics {
  constructor(
    private readonly sources: StatisticsSources,
    private readonly clock: Clock,
  ) {}

  async forViewer(viewer: User): Promise<ExposureNotificationStatsResponse> {
    if (viewer.role !== 'health_officer' && viewer.role !== 'admin') throw new AppError('forbidden', 'health officers and administrators only');
    const today = Date.parse(this.clock.now().toISOString().slice(0, 10));
    const dates = Array.from({ length: DAYS }, (_, i) => new Date(today - (DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));
    const since = `${dates[0]}T00:00:00.000Z`;
    const [issued, claimed, published, exportFiles] = await Promise.all([
      this.sources.codesIssuedPerDay(since),
      this.sources.codesClaimedPerDay(since),
      this.sources.keysPublishedPerDay(since),
      this.sources.exportFiles(),
    ]);
    const on = (counts: DayCount[], date: string) => smallCount(counts.find((c) => c.date === date)?.count ?? 0);
    return {
      days: dates.map((date) => ({ date, codesIssued: on(issued, date), codesClaimed: on(claimed, date), keysPublished: on(published, date) })),
      exportFiles,
    };
  }
}
