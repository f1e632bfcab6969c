import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface TestSmtpServer {
  port: number;
  mails: ReceivedMail[];
  /** The environment that points the server at this SMTP server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server, of the nodemailer project) on a free local port, requiring the given credentials,
 * that keeps every message it accepts, parsed. Plain text on the loopback only: no STARTTLS to trust.
 */
export async function startSmtpServer(user = 'bluezone', password = 'smtp secret'): Promise<TestSmtpServer> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, callback) => {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('invalid credentials'));
    },
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    env: {
      BLUEZONE_SMTP_HOST: '127.0.0.1',
      BLUEZONE_SMTP_PORT: String(port),
      BLUEZONE_SMTP_USER: user,
      BLUEZONE_SMTP_PASSWORD: password,
      BLUEZONE_SMTP_FROM: 'Bluezone Lạng Sơn <noreply@bluezone.example.vn>',
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
