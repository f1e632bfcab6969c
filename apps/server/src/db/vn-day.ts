import { sql, type RawBuilder } from 'kysely';
import { isPostgres, type Db } from './database.js';

/** A count per Vietnamese calendar day. */
export interface DayCount {
  date: string;
  count: number;
}

/**
 * The Vietnamese calendar day (YYYY-MM-DD, Asia/Ho_Chi_Minh) of an ISO 8601 UTC timestamp column, in SQL, so counts
 * per day group where people in Vietnam see the day change (midnight in Hà Nội is 17:00 UTC), not at UTC midnight.
 */
export function vnDayOf(db: Db, column: string): RawBuilder<string> {
  return isPostgres(db)
    ? sql<string>`to_char((${sql.ref(column)})::timestamptz at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`
    : sql<string>`strftime('%Y-%m-%d', ${sql.ref(column)}, '+7 hours')`;
}
