import { z } from 'zod';

/**
 * Days as people in Vietnam read them. Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a day is a
 * fixed 24-hour span: "Đợt 1 đến hết ngày 10/8/2020" ends at 2020-08-10T23:59:59.999+07:00, 16:59:59.999Z.
 * Timestamps stay ISO 8601 UTC on the wire and in the database; these helpers turn them into local days and back.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VN_UTC_OFFSET_MINUTES = 7 * 60;
const OFFSET_MS = VN_UTC_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;

/** A calendar day, YYYY-MM-DD, that exists (2026-02-30 does not). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const calendarDaySchema = z.string().refine(isCalendarDay, 'a date that exists, as YYYY-MM-DD');

/** The Vietnamese calendar day an instant falls on. */
export function vnDay(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The first instant of a Vietnamese calendar day (00:00 in Hà Nội). */
export function vnDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - OFFSET_MS);
}

/** The last millisecond of a Vietnamese calendar day (23:59:59.999 in Hà Nội): where a deadline "until day D" ends. */
export function vnDayEnd(day: string): Date {
  return new Date(vnDayStart(day).getTime() + DAY_MS - 1);
}

/** The day `days` after (or before, when negative) a calendar day. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The `count` Vietnamese days ending with the day of `instant`, oldest first. */
export function vnDaysEndingAt(instant: Date, count: number): string[] {
  const last = vnDay(instant);
  return Array.from({ length: count }, (_, i) => addDays(last, i - (count - 1)));
}
