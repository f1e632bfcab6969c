import path from 'node:path';
import type { BaseConfig } from '../platform/base-config.js';
import type { EnvReader } from '../platform/env-reader.js';

export interface CampaignsConfig {
  /** Where attachments (the directive's PDF or DOCX files) are kept: owner-only, named by the server. */
  attachmentsDir: string;
  /** Largest attachment in bytes. */
  attachmentMaxBytes: number;
  /** Vietnamese calendar days before a deadline's day from which recipients who have not submitted are reminded; 0: no reminder before. */
  reminderDaysBefore: number;
  /** How often the reminder job looks for reminders due, in seconds; 0 turns it off. */
  reminderIntervalSeconds: number;
  /** The console's address as officials reach it, for links in e-mails; unset: e-mails carry no link. */
  publicUrl: string | undefined;
}

export function readCampaignsConfig(env: EnvReader, base: BaseConfig): CampaignsConfig {
  const publicUrl = env.optionalString('BLUEZONE_PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(publicUrl)) env.problem(`BLUEZONE_PUBLIC_URL: "${publicUrl}" is not an http(s) address`);
  return {
    attachmentsDir: path.resolve(env.string('BLUEZONE_ATTACHMENTS_DIR', path.join(base.dataDir, 'campaign-attachments'))),
    attachmentMaxBytes: env.int('BLUEZONE_ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, { min: 1024, max: 100 * 1024 * 1024 }),
    reminderDaysBefore: env.int('BLUEZONE_REMINDER_DAYS_BEFORE', 2, { min: 0, max: 30 }),
    reminderIntervalSeconds: env.duration('BLUEZONE_REMINDER_INTERVAL', 15 * 60, { min: 0, max: 86400 }),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
  };
}
