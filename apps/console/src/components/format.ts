import type { Locale } from '../api/types.js';

const DATE_LOCALES: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' };

export function formatDateTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const tag = DATE_LOCALES[locale as Locale] ?? DATE_LOCALES.vi;
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** `name: value` pairs read better than raw JSON for the flat records the server writes. */
export function describeDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ');
}
