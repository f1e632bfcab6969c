import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/audit.model.js';
import { declarationRequest } from '../test-support/declarations.js';
import { startSmtpServer, type TestSmtpServer } from '../test-support/smtp.js';
import { createTestApp, login, type TestApp } from '../test-support/test-app.js';
import { signatureHeader, verifySignature } from './webhook.js';

const SECRET = 'a webhook secret of at least thirty-two characters';

interface Hook {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A real SMTP server and a real HTTP receiver on loopback, as a province's mail server and SMS bridge would be. */
describe('a declaration’s e-mails and webhook', () => {
  let smtp: TestSmtpServer;
  let receiver: Server;
  let t: TestApp;
  const hooks: Hook[] = [];
  let failNext = 0;

  beforeAll(async () => {
    smtp = await startSmtpServer();
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
    const hookPort = (receiver.address() as AddressInfo).port;
    t = await createTestApp('sqlite', {
      ...smtp.env,
      BLUEZONE_DECLARATION_WEBHOOK_URL: `http://127.0.0.1:${hookPort}/bluezone`,
      BLUEZONE_DECLARATION_WEBHOOK_SECRET: SECRET,
      BLUEZONE_PUBLIC_URL: 'https://bluezone.langson.example/',
    });
    // Two officers of the commune, one reading Vietnamese and one English; the ward beside has its own.
    const officer = { password: 'officer password', role: 'unit_officer', unitCode: '06184' } as const;
    await t.services.users.create(SYSTEM_ACTOR, { ...officer, username: 'dongdang', displayName: 'Đồng Đăng', email: 'dongdang@langson.example' });
    await t.services.users.create(SYSTEM_ACTOR, { ...officer, username: 'dongdang.en', displayName: 'Đồng Đăng EN', email: 'en@langson.example' });
    await t.services.users.create(SYSTEM_ACTOR, { ...officer, username: 'dongkinh', displayName: 'Đông Kinh', unitCode: '05977', email: 'dongkinh@langson.example' });
    const english = await login(t.app, 'dongdang.en', officer.password);
    await t.app.inject({ method: 'PATCH', url: '/api/v1/auth/me', headers: english.headers, payload: { locale: 'en' } });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  it('e-mails the commune’s officers in their language and posts a signed webhook, with a link and no personal data', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/declarations', payload: declarationRequest({ fullName: 'Hoàng Văn Riêng', phone: '0999 888 777', symptoms: ['fever'] }) });
    expect(response.statusCode).toBe(201);
    await t.services.declarations.alerts.settled();

    const mails = smtp.mails;
    expect(mails.map((m) => m.to).sort()).toEqual([['dongdang@langson.example'], ['en@langson.example']]);
    const vi = mails.find((m) => m.to[0] === 'dongdang@langson.example')!.text;
    expect(vi).toContain('Có tờ khai y tế mới (không thuộc diện nghi ngờ hay từ vùng dịch về) của người dân thuộc Xã Đồng Đăng.');
    expect(vi).toMatch(/https:\/\/bluezone\.langson\.example\/declarations\/\d+/);
    const en = mails.find((m) => m.to[0] === 'en@langson.example')!.text;
    expect(en).toContain('A new health declaration (neither suspected nor from an epidemic area) for Dong Dang Commune.');
    for (const mail of [vi, en]) expect(mail).not.toMatch(/Hoàng Văn Riêng|0999|sốt|fever/i);

    expect(hooks).toHaveLength(1);
    const hook = hooks[0]!;
    expect(hook.headers['x-bluezone-event']).toBe('declaration.received');
    const payload = JSON.parse(hook.body);
    expect(payload).toMatchObject({ event: 'declaration.received', data: { units: ['06184'], flag: 'none', suspected: false, arrival: false } });
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
    await t.services.declarations.alerts.settled();
    expect(hooks).toHaveLength(0);
    const webhook = t.services.declarations.webhook;
    expect(await webhook.deliverDue()).toEqual({ delivered: 0, failed: 0 });
    t.clock.advance(31);
    expect(await webhook.deliverDue()).toEqual({ delivered: 1, failed: 0 });
    expect(hooks).toHaveLength(1);
    const row = await t.database.db.selectFrom('declaration_webhooks').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(hooks[0]!.headers['x-bluezone-delivery']).toBe(String(row.id));
    expect(row).toMatchObject({ attempts: 2, last_error: 'webhook answered 503' });
  });
});
