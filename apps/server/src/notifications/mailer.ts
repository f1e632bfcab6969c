import type { Transporter } from 'nodemailer';
import type { SmtpConfig } from './notifications.config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail, or throws. Services depend on this, so tests pass a real SMTP server or a recorder. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * A mailer over SMTP (nodemailer), pooled so a batch of reminders reuses one connection. nodemailer is loaded at the
 * first mail, so a process that sends none does not carry it.
 */
export function smtpMailer(config: SmtpConfig): Mailer {
  const auth = config.user !== undefined && config.password !== undefined ? { auth: { user: config.user, pass: config.password } } : {};
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) =>
      config.url !== undefined
        ? nodemailer.createTransport(config.url, { from: config.from })
        : nodemailer.createTransport({ pool: true, host: config.host, port: config.port, secure: config.secure, ...auth }, { from: config.from }),
    ));
  return {
    send: async (mail) => {
      await (await open()).sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => void transport?.then((t) => t.close()).catch(() => undefined),
  };
}
