import { sql } from 'kysely';
import type { Db } from '../db/database.js';

/** A published key as the export reads it; fields left out get a confirmed key's usual values. */
export interface TestExposure {
  keyData: Uint8Array;
  rollingStartInterval: number;
  rollingPeriod?: number;
  transmissionRisk?: number;
  reportType?: string;
  daysSinceOnset?: number | null;
  availableAt: string;
  createdAt?: string;
  revisedAt?: string | null;
  revisedReportType?: string | null;
  revisedTransmissionRisk?: number | null;
  revisedDaysSinceOnset?: number | null;
}

export async function insertExposures(db: Db, exposures: readonly TestExposure[]): Promise<void> {
  for (const e of exposures) {
    await sql`insert into exposures (key_data, transmission_risk, rolling_start_interval, rolling_period, report_type,
      days_since_onset, traveler, health_authority, created_at, available_at, revised_at, revised_report_type,
      revised_transmission_risk, revised_days_since_onset)
      values (${Buffer.from(e.keyData)}, ${e.transmissionRisk ?? 0}, ${e.rollingStartInterval}, ${e.rollingPeriod ?? 144},
      ${e.reportType ?? 'confirmed'}, ${e.daysSinceOnset ?? null}, 0, 'test', ${e.createdAt ?? e.availableAt}, ${e.availableAt},
      ${e.revisedAt ?? null}, ${e.revisedReportType ?? null}, ${e.revisedTransmissionRisk ?? null}, ${e.revisedDaysSinceOnset ?? null})`.execute(db);
  }
}

export async function countExposures(db: Db): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from exposures`.execute(db);
  return Number(rows[0]!.n);
}
