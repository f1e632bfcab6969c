import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { helmetSteps } from './security-headers.js';

/** helmet's headers as @fastify/helmet wrote them before helmet ran once at start: names, case, values and order. */
const HELMET_HEADERS = [
  "Content-Security-Policy: default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;connect-src 'self';font-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy: same-origin',
  'Cross-Origin-Resource-Policy: same-origin',
  'Origin-Agent-Cluster: ?1',
  'Referrer-Policy: no-referrer',
  'Strict-Transport-Security: max-age=31536000; includeSubDomains',
  'X-Content-Type-Options: nosniff',
  'X-DNS-Prefetch-Control: off',
  'X-Download-Options: noopen',
  'X-Frame-Options: SAMEORIGIN',
  'X-Permitted-Cross-Domain-Policies: none',
  'X-XSS-Protection: 0',
];

describe('security headers', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t?.close());

  /** The header lines of an answer as they travel, with the date and length masked. */
  const headerLines = (request: string) =>
    new Promise<string[]>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
      let out = '';
      socket.on('data', (chunk) => (out += chunk));
      socket.on('error', reject);
      socket.on('end', () => resolve(out.split('\r\n\r\n')[0]!.split('\r\n').slice(1).map((line) => line.replace(/^(date|content-length): .*$/i, '$1: X'))));
    });

  it('sends helmet\'s headers first, in helmet\'s order, on a phone\'s padded answer', async () => {
    const body = '{"code":"12345678"}';
    const lines = await headerLines(`POST /api/v1/verify HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n${body}`);
    expect(lines).toEqual([...HELMET_HEADERS, 'content-type: application/json; charset=utf-8', 'cache-control: no-store', 'content-length: X', 'Date: X', 'Connection: close']);
  });

  it('sends the same headers on every request, API or not', async () => {
    const first = await headerLines('GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
    const second = await headerLines('GET /healthz HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
    expect(first.slice(0, HELMET_HEADERS.length)).toEqual(HELMET_HEADERS);
    expect(second).toEqual(first);
    expect((await headerLines('GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n')).slice(0, HELMET_HEADERS.length)).toEqual(HELMET_HEADERS);
  });

  it('refuses a bad option when the server starts, as helmet does', () => {
    expect(() => helmetSteps({ contentSecurityPolicy: { useDefaults: false, directives: { scriptSrc: ["'self'"] } } })).toThrow();
  });
});
