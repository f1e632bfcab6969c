import type { TFunction } from 'i18next';
import type { Notification } from '@bluezone/contract';
import { formatDay } from '../components/format.js';

/** A notification in the reader's language, from its kind and parameters (days written as the reader writes them). */
export function notificationText(t: TFunction, notification: Notification, locale: string): string {
  const params: Record<string, string | number> = { ...notification.params };
  if (typeof params.deadline === 'string') params.deadline = formatDay(params.deadline, locale);
  // A declaration's: its flag in words, and its units by name in the reader's language (by code from an older server).
  if (typeof params.flag === 'string') params.flag = t(`declarations.notificationFlags.${params.flag}`);
  const names = locale === 'en' ? params.unitNamesEn : params.unitNames;
  if (typeof names === 'string' && names) params.units = names;
  return t(`notifications.kinds.${notification.kind}`, params);
}
