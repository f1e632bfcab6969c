import { addDays, vnDayStart } from '@bluezone/contract';
import { sql } from 'kysely';
import type { Db } from './database.js';

/** A count per Vietnamese calendar day. */
export interface DayCount {
  date: string;
  count: number;
}

/**
 * Rows of `table` per Vietnamese calendar day (YYYY-MM-DD, Asia/Ho_Chi_Minh), for each of `days`: those whose ISO
 * 8601 UTC timestamp `column` falls from that day's midnight in Hà Nội (17:00 UTC the day before) to the next, so a
 * count changes day where people in Vietnam see the day change. Vietnam keeps UTC+7 all year, so the bounds are
 * fixed instants.
 *
 * One statement of a range count a day, each answered from the column's index alone, rather than a day computed for
 * every row and grouped. A health officer's statistics with 1,000,000 keys in the table (the export benchmark's
 * `statistics`): 32 ms against 376 ms on SQLite, 136 ms against 382 ms on PostgreSQL.
 */
export async function countPerVnDay(db: Db, table: string, column: string, days: readonly string[]): Promise<DayCount[]> {
  if (days.length === 0) return [];
  // Each branch names its day: SQL promises no order of a UNION ALL's rows without ORDER BY.
  const counts = days.map(
    (day) =>
      sql`select ${day} as date, count(*) as n from ${sql.table(table)} where ${sql.ref(column)} >= ${vnDayStart(day).toISOString()} and ${sql.ref(column)} < ${vnDayStart(addDays(day, 1)).toISOString()}`,
  );
  const { rows } = await sql<{ date: string; n: string | number }>`${sql.join(counts, sql` union all `)}`.execute(db);
  const byDay = new Map(rows.map((r) => [r.date, Number(r.n)]));
  return days.map((date) => ({ date, count: byDay.get(date) ?? 0 }));
}
