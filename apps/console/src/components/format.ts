import { VN_TIME_ZONE } from '../api/contract-values.js';
import type { Locale } from '../api/types.js';

/**
 * The one place the console writes dates and numbers. Every instant is shown in Vietnam's time (Asia/Ho_Chi_Minh,
 * UTC+7 all year), whatever the zone of the reader's computer: an officer abroad, or a laptop left on UTC, must read
 * the same day and hour as everyone in the province. Vietnamese reads dd/mm/yyyy and a 24-hour clock, date first
 * ("23/11/2026 16:20"); English reads "23 Nov 2026, 16:20".
 */
const INTL_LOCALES: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

/** The Intl locale of a console language; Vietnamese for anything else, as the console falls back. */
export function intlLocale(locale: string): string {
  return INTL_LOCALES[locale as Locale] ?? INTL_LOCALES.vi;
}

const isEnglish = (locale: string) => locale === 'en';

function dateFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  return isEnglish(locale)
    ? new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' })
    : new Intl.DateTimeFormat('vi-VN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
}

function timeFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: VN_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/** Date and time joined the way each language does: "23/11/2026 16:20", "23 Nov 2026, 16:20". */
const joinDateTime = (locale: string, date: string, time: string) => (isEnglish(locale) ? `${date}, ${time}` : `${date} ${time}`);

function instant(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An instant (ISO UTC from the server) as a date and time in Vietnam; a bad timestamp is left as it came. */
export function formatDateTime(iso: string, locale: string): string {
  const at = instant(iso);
  if (!at) return iso;
  return joinDateTime(locale, dateFormat(locale, VN_TIME_ZONE).format(at), timeFormat(locale).format(at));
}

/**
 * A calendar day (`YYYY-MM-DD`, already a Vietnamese day: statistics days, symptom dates, filter bounds) as the
 * reader writes dates. It is not an instant, so it is not moved into any zone.
 */
export function formatDay(day: string, locale: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return day;
  const at = instant(`${day}T00:00:00.000Z`);
  return at ? dateFormat(locale, 'UTC').format(at) : day;
}

/** The Vietnamese calendar day of an instant, as `YYYY-MM-DD` (the `max` of a date field: no test in the future). */
export function vietnamDay(at: Date): string {
  // en-CA writes ISO order; only the digits are used.
  return new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * A period between two instants given in Unix seconds (an export file's span): the date once when both ends fall on
 * the same Vietnamese day ("15/11/2023 05:13–06:13"), both dates otherwise.
 */
export function formatPeriod(startSeconds: number, endSeconds: number, locale: string): string {
  const start = new Date(startSeconds * 1000);
  const end = new Date(endSeconds * 1000);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return `${startSeconds}–${endSeconds}`;
  const time = timeFormat(locale);
  if (vietnamDay(start) === vietnamDay(end)) {
    return joinDateTime(locale, dateFormat(locale, VN_TIME_ZONE).format(start), `${time.format(start)}–${time.format(end)}`);
  }
  return `${formatDateTime(start.toISOString(), locale)} – ${formatDateTime(end.toISOString(), locale)}`;
}

/** `name: value` pairs read better than raw JSON for the flat records the server writes. */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}

/**
 * A day typed as people in Vietnam write it, day first: "23/11/2026", "23-11-2026", "23.11.2026", "2/3/2026" or
 * "23112026". Returns `YYYY-MM-DD`, '' for an empty box, or null for text that is not a day that exists. Date boxes
 * are text boxes on purpose: a browser's own date box shows its interface language's order (mm/dd/yyyy in an
 * English Chrome) whatever the page's language, and 03/04 must mean 3 April to everyone here.
 */
export { parseTypedDay as parseDay } from '@bluezone/contract/declaration-draft';

/** A number as the reader writes it: `1.234,5` in Vietnamese, `1,234.5` in English. */
export function formatNumber(value: number, locale: string, fractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: fractionDigits }).format(value);
}

/** A percentage the server computed (0–100, two decimals at most): `83,08%`, `83.08%`; a dash when there is none. */
export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return `${formatNumber(value, locale, 2)}%`;
}
