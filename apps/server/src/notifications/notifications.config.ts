import type { EnvReader } from '../platform/env-reader.js';

/**
 * Where e-mail goes out, if anywhere. Unset: notifications stay in the console only. Either one URL
 * (`smtp://user:pass@host:587`, `smtps://…:465`) or host, port and credentials apart; `BLUEZONE_SMTP_FROM` is the
 * sender every message carries and is required once SMTP is configured.
 */
export interface SmtpConfig {
  /** A nodemailer connection URL, or the parts below. */
  url: string | undefined;
  host: string | undefined;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | undefined;
  password: string | undefined;
  from: string;
}

export interface NotificationsConfig {
  smtp: SmtpConfig | undefined;
  /** Notifications older than this leave the list. */
  retentionSeconds: number;
}

// An address, or a display name and an address: "Bluezone Lạng Sơn <noreply@langson.gov.vn>".
const FROM = /^(?:[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+)$/;

export function readNotificationsConfig(env: EnvReader): NotificationsConfig {
  const retentionSeconds = env.duration('BLUEZONE_NOTIFICATION_RETENTION', 180 * 86400, { min: 86400, max: 3650 * 86400 });
  const url = env.optionalString('BLUEZONE_SMTP_URL');
  const host = env.optionalString('BLUEZONE_SMTP_HOST');
  const port = env.int('BLUEZONE_SMTP_PORT', 587, { min: 1, max: 65535 });
  const secure = env.bool('BLUEZONE_SMTP_SECURE', port === 465);
  const user = env.optionalString('BLUEZONE_SMTP_USER');
  const password = env.optionalString('BLUEZONE_SMTP_PASSWORD');
  const from = env.optionalString('BLUEZONE_SMTP_FROM');
  if (url === undefined && host === undefined) {
    for (const name of ['BLUEZONE_SMTP_USER', 'BLUEZONE_SMTP_PASSWORD', 'BLUEZONE_SMTP_FROM']) {
      if (env.optionalString(name) !== undefined) env.problem(`${name}: set BLUEZONE_SMTP_URL or BLUEZONE_SMTP_HOST too, or leave it unset`);
    }
    return { smtp: undefined, retentionSeconds };
  }
  if (url !== undefined && host !== undefined) env.problem('BLUEZONE_SMTP_URL and BLUEZONE_SMTP_HOST: set one of them, not both');
  if (url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['smtp:', 'smtps:'].includes(parsed.protocol) || parsed.hostname === '') {
      env.problem('BLUEZONE_SMTP_URL: must look like smtp://user:password@host:587 or smtps://user:password@host:465');
    }
  }
  if ((user === undefined) !== (password === undefined)) env.problem('BLUEZONE_SMTP_USER and BLUEZONE_SMTP_PASSWORD: set both or neither');
  if (from === undefined) env.problem('BLUEZONE_SMTP_FROM: required when SMTP is configured (the sender address, e.g. "Bluezone <noreply@example.vn>")');
  else if (!FROM.test(from)) env.problem(`BLUEZONE_SMTP_FROM: "${from}" is not an address or "Name <address>"`);
  return { smtp: { url, host, port, secure, user, password, from: from ?? '' }, retentionSeconds };
}
