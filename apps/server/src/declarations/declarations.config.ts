import type { EnvReader } from '../platform/env-reader.js';

export interface DeclarationsConfig {
  /** Declarations, their receipts, visits, follow-up and checks are deleted this long after they were made. */
  retentionSeconds: number;
  /** Declarations accepted per client address per window (in memory, per process). */
  submitRateLimit: number;
  submitRateWindowSeconds: number;
  /** Self-reports and their status reads per client address per the same window, failed attempts included. */
  selfReportRateLimit: number;
  /** Receipt look-ups per official per minute: a checkpoint scans people one by one, a guesser would not. */
  receiptLookupRateLimit: number;
  /** How often the retention job runs. */
  purgeEverySeconds: number;
  /** Where every declaration event is POSTed, signed (a province's bridge to SMS or Zalo); off when unset. */
  webhookUrl: string | undefined;
  /** HMAC-SHA256 key of the webhook's signature, at least 32 characters. */
  webhookSecret: string | undefined;
  /** How often the webhook's outbox is swept for deliveries due (new ones go at once as well). */
  webhookEverySeconds: number;
  /** Failed webhook deliveries are retried with growing waits, this many times in all. */
  webhookMaxAttempts: number;
  /** The console's public address, for links in e-mails and webhooks (BLUEZONE_PUBLIC_URL, shared with campaigns). */
  publicUrl: string | undefined;
}

// The floor: a receipt is valid 14 days, and an arrival's monitoring lasts 14 days; neither may outlive its data.
const DAY = 86_400;

export function readDeclarationsConfig(env: EnvReader): DeclarationsConfig {
  const webhookUrl = env.optionalString('BLUEZONE_DECLARATION_WEBHOOK_URL');
  if (webhookUrl !== undefined && !/^https?:\/\/[^/\s]+/.test(webhookUrl)) env.problem('BLUEZONE_DECLARATION_WEBHOOK_URL: must be an http:// or https:// address');
  const webhookSecret = env.optionalString('BLUEZONE_DECLARATION_WEBHOOK_SECRET');
  if (webhookUrl !== undefined && (webhookSecret === undefined || webhookSecret.length < 32)) {
    env.problem('BLUEZONE_DECLARATION_WEBHOOK_SECRET: at least 32 characters are needed to sign the webhook (e.g. `openssl rand -hex 32`)');
  }
  // Read here as campaigns read it (its problems are reported there).
  const publicUrl = env.optionalString('BLUEZONE_PUBLIC_URL');
  return {
    webhookUrl,
    webhookSecret,
    webhookEverySeconds: env.duration('BLUEZONE_DECLARATION_WEBHOOK_EVERY', 15, { min: 1, max: 3600 }),
    webhookMaxAttempts: env.int('BLUEZONE_DECLARATION_WEBHOOK_MAX_ATTEMPTS', 12, { min: 1, max: 100 }),
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    retentionSeconds: env.duration('BLUEZONE_DECLARATION_RETENTION', 30 * DAY, { min: 14 * DAY, max: 365 * DAY }),
    // Many people share one address behind a mobile operator's NAT, so the default is generous.
    submitRateLimit: env.int('BLUEZONE_DECLARATION_RATE_LIMIT', 60, { min: 1, max: 1_000_000 }),
    submitRateWindowSeconds: env.duration('BLUEZONE_DECLARATION_RATE_WINDOW', 600, { min: 1, max: DAY }),
    // A declarant reads and reports a few times a day; a NAT shares the address with many of them.
    selfReportRateLimit: env.int('BLUEZONE_SELF_REPORT_RATE_LIMIT', 120, { min: 1, max: 1_000_000 }),
    receiptLookupRateLimit: env.int('BLUEZONE_RECEIPT_LOOKUP_RATE_LIMIT', 60, { min: 1, max: 100_000 }),
    purgeEverySeconds: env.duration('BLUEZONE_DECLARATION_PURGE_EVERY', 3600, { min: 60, max: DAY }),
  };
}
