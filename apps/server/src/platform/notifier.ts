import type { Locale, NotificationKind } from '@bluezone/contract';

/**
 * What a domain needs to tell officials something: a message left in each one's console list and, when SMTP is
 * configured and the official has an address, an e-mail in their language. The notifications domain implements it;
 * campaign reminders (and, later, declarations) depend on this interface only.
 */
export interface NotificationMessage {
  kind: NotificationKind;
  params: Record<string, string | number>;
  /** A console path to open from the notification. */
  link?: string;
  /** The e-mail for a reader of `locale`; without it the message stays in the console. */
  email?: (locale: Locale) => { subject: string; text: string };
}

export interface NotifyResult {
  notified: number;
  emailed: number;
  emailFailures: number;
}

export interface Notifier {
  notify(userIds: readonly number[], message: NotificationMessage): Promise<NotifyResult>;
}
