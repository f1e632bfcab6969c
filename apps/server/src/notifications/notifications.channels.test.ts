import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { declarationRequest } from '../test-support/declarations.js';
import { createTestApp, login, type TestApp } from '../test-support/test-app.js';
import { signatureHeader, verifySignature } from './webhook.js';

const SECRET = 'a webhook secret of at least thirty-two characters';

/** The text of a quoted-printable message (RFC 2045 §6.7), as a mail reader shows it. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Mail {
  to: string[];
  raw: string;
}
interface Hook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real SMTP server and a real HTTP receiver on loopback, as a province's mail server and SMS bridge would be. */
describe('e-mail and webhook notifications', () => {
  let smtp: SMTPServer;
  let receiver: Server;
  let t: TestApp;
  const mails: Mail[] = [];
  const hooks: Hook[] = [];
  let failNext = 0;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        if (failNext > 0) {
          failNext--;
          response.writeHead(503).end();
          return;
        }
        hooks.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const hookPort = (receiver.address() as AddressInfo).port;
    t = await createTestApp('sqlite', {
      BLUEZONE_SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      BLUEZONE_MAIL_FROM: 'Bluezone Lạng Sơn <bluezone@langson.example>',
      BLUEZONE_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/bluezone`,
      BLUEZONE_WEBHOOK_SECRET: SECRET,
      BLUEZONE_PUBLIC_URL: 'https://bluezone.langson.example/',
    });
    await t.services.users.create(SYSTEM_ACTOR, { username: 'dongdang', displayName: 'Đồng Đăng', password: 'officer password', role: 'unit_officer', unitCode: '06184' });
    const officer = await login(t.app, 'dongdang', 'officer password');
    await t.app.inject({ method: 'PUT', url: '/api/v1/health-stations/06184', headers: officer.headers, payload: { phone: '0205 3851 234', notificationEmail: 'tram.dongdang@langson.example' } });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  it('e-mails the commune’s station and posts a signed webhook, with a link and no personal data', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest({ fullName: 'Hoàng Văn Riêng', phone: '0999 888 777', symptoms: ['fever'] }) });
    expect(response.statusCode).toBe(201);
    expect(await t.services.notifications.deliverDue()).toMatchObject({ failed: 0 });

    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toEqual(['tram.dongdang@langson.example']);
    const mail = decodeQuotedPrintable(mails[0]!.raw);
    expect(mail).toContain('Có tờ khai y tế mới (không thuộc diện nghi ngờ hay từ vùng dịch về) của người dân thuộc Xã Đồng Đăng.');
    expect(mail).toContain('A new health declaration (neither suspected nor from an epidemic area) for Dong Dang Commune.');
    expect(mail).toMatch(/https:\/\/bluezone\.langson\.example\/declarations\/\d+/);
    expect(mail).not.toMatch(/Hoàng Văn Riêng|0999|sốt|fever/i);

    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook.headers['x-bluezone-event']).toBe('declaration.received');
    const payload = JSON.parse(hook.body);
    expect(payload).toMatchObject({ event: 'declaration.received', data: { units: ['06184'], suspected: false, arrival: false } });
    expect(payload.data.link).toMatch(/^https:\/\/bluezone\.langson\.example\/declarations\/\d+$/);
    expect(hook.body).not.toContain('0999');
    const now = Math.floor(t.clock.now().getTime() / 1000);
    expect(verifySignature(SECRET, hook.headers['x-bluezone-signature'] as string, hook.body, now)).toBe(true);
  });

  it('signs so that a changed body, another secret or an old timestamp fails verification', () => {
    const body = '{"event":"declaration.received"}';
    const header = signatureHeader(SECRET, 1_800_000_000, body);
    expect(verifySignature(SECRET, header, body, 1_800_000_060)).toBe(true);
    expect(verifySignature(SECRET, header, body.replace('received', 'suspected'), 1_800_000_060)).toBe(false);
    expect(verifySignature(`${SECRET}!`, header, body, 1_800_000_060)).toBe(false);
    expect(verifySignature(SECRET, header, body, 1_800_000_000 + 301)).toBe(false);
    expect(verifySignature(SECRET, undefined, body, 1_800_000_000)).toBe(false);
    expect(verifySignature(SECRET, 't=abc,v1=zz', body, 1_800_000_000)).toBe(false);
  });

  it('retries a webhook the receiver refused, later, with the same delivery id', async () => {
    hooks.length = 0;
    failNext = 1;
    await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest() });
    expect(await t.services.notifications.deliverDue()).toEqual({ delivered: 1, failed: 1 });
    expect(hooks).toHaveLength(0);
    expect(await t.services.notifications.deliverDue()).toEqual({ delivered: 0, failed: 0 });
    t.clock.advance(31);
    expect(await t.services.notifications.deliverDue()).toEqual({ delivered: 1, failed: 0 });
    expect(hooks).toHaveLength(1);
    const row = await t.database.db.selectFrom('notification_deliveries').selectAll().where('channel', '=', 'webhook').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(hooks[0]!.headers['x-bluezone-delivery']).toBe(String(row.id));
    expect(row).toMatchObject({ attempts: 2, last_error: 'webhook answered 503' });
  });
});
