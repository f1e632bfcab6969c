import type { Notification } from '@bluezone/contract';
import type { TFunction } from 'i18next';

/** A notification worded from its kind and parameters; a kind this console does not know yet reads as its name. */
export function notificationText(t: TFunction, language: string, notification: Notification): string {
  const key = `notifications.kinds.${notification.kind.replace('.', '_')}`;
  const params: Record<string, string | number> = { ...notification.params };
  if (typeof params.flag === 'string') params.flag = t(`notifications.flags.${params.flag}`);
  // Units by name in the reader's language when the server sent names, by code otherwise.
  const names = language === 'en' ? params.unitNamesEn : params.unitNames;
  if (typeof names === 'string' && names) params.units = names;
  const text = t(key, params);
  return text === key ? notification.kind : text;
}
