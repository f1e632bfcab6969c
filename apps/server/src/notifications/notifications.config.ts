import type { EnvReader } from '../platform/env-reader.js';

export interface NotificationsConfig {
  /** `smtp://user:pass@host:587` or `smtps://…:465`; e-mail is off when unset. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where every notification event is POSTed, signed; off when unset. */
  webhookUrl: string | undefined;
  /** HMAC-SHA256 key of the webhook signature (at least 32 characters). */
  webhookSecret: string | undefined;
  /** The console's public address, for links in e-mails and webhooks (`https://bluezone.example.gov.vn`). */
  publicUrl: string | undefined;
  /** Notifications older than this leave the officials' lists, delivered outbox rows too. */
  retentionSeconds: number;
  /** How often the outbox is swept for deliveries due (new ones are sent at once as well). */
  deliverEverySeconds: number;
  /** Failed deliveries are retried with growing waits, this many times in all. */
  maxAttempts: number;
}

export function readNotificationsConfig(env: EnvReader): NotificationsConfig {
  const smtpUrl = env.optionalString('BLUEZONE_SMTP_URL');
  if (smtpUrl !== undefined && !/^smtps?:\/\/[^/\s]+/.test(smtpUrl)) env.problem('BLUEZONE_SMTP_URL: must look like smtp://user:password@host:587 or smtps://host:465');
  const webhookUrl = env.optionalString('BLUEZONE_WEBHOOK_URL');
  if (webhookUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(webhookUrl)) env.problem('BLUEZONE_WEBHOOK_URL: must be an http:// or https:// address');
  const webhookSecret = env.optionalString('BLUEZONE_WEBHOOK_SECRET');
  if (webhookUrl !== undefined && (webhookSecret === undefined || webhookSecret.length < 32)) {
    env.problem('BLUEZONE_WEBHOOK_SECRET: at least 32 characters are needed to sign the webhook (e.g. `openssl rand -hex 32`)');
  }
  const publicUrl = env.optionalString('BLUEZONE_PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(publicUrl)) env.problem('BLUEZONE_PUBLIC_URL: must be an http:// or https:// address');
  return {
    smtpUrl,
    mailFrom: env.string('BLUEZONE_MAIL_FROM', 'Bluezone <bluezone@localhost>'),
    webhookUrl,
    webhookSecret,
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    retentionSeconds: env.duration('BLUEZONE_NOTIFICATION_RETENTION', 30 * 86400, { min: 86400, max: 365 * 86400 }),
    deliverEverySeconds: env.duration('BLUEZONE_NOTIFICATION_DELIVER_EVERY', 15, { min: 1, max: 3600 }),
    maxAttempts: env.int('BLUEZONE_NOTIFICATION_MAX_ATTEMPTS', 12, { min: 1, max: 100 }),
  };
}
