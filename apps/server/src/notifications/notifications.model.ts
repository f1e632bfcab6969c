import type { Notification, NotificationTopic, Role } from '@bluezone/contract';

export type { Notification, NotificationTopic };

export type NotificationParams = Record<string, string | number | boolean | null>;

/** A notification for the officials of some units, and the e-mail to send their stations. No personal data. */
export interface UnitNotification {
  units: readonly string[];
  /** Officials of these roles whose own unit is one of `units` get it in their console list. */
  roles: readonly Role[];
  topic: NotificationTopic;
  params: NotificationParams;
  /** Console path, e.g. `/declarations/12`. */
  link: string | null;
  /** E-mail addresses to tell, with the message (Vietnamese first, English after). */
  emails: readonly string[];
  message: { subject: string; text: string };
}

export type DeliveryChannel = 'email' | 'webhook';

export interface EmailPayload {
  subject: string;
  text: string;
}

export interface WebhookPayload {
  /** The exact body to POST (and sign). */
  body: string;
  event: NotificationTopic;
}

export interface Delivery {
  id: number;
  channel: DeliveryChannel;
  target: string;
  payload: EmailPayload | WebhookPayload;
  attempts: number;
}

/** Sends one delivery to its target; throws when it did not go through. */
export interface Channel {
  send(delivery: Delivery): Promise<void>;
}

/** Waits between attempts: 30 s, 1 min, 2 min, … up to an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(30 * 2 ** Math.max(0, attempts - 1), 3600);
}
