import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The webhook's signature, as Stripe and GitHub sign theirs: the header `X-Bluezone-Signature: t=<unix seconds>,
 * v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. The receiver recomputes it over the raw body it received, compares
 * in constant time, and refuses a timestamp more than 5 minutes from its clock (a replayed old request). The
 * timestamp is inside the MAC, so it cannot be changed without the secret.
 */
export const SIGNATURE_HEADER = 'x-bluezone-signature';
export const TOLERANCE_SECONDS = 300;

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** What a receiver does (and what the tests do): true only for a fresh timestamp and a matching MAC. */
export function verifySignature(secret: string, header: string | undefined, body: string, nowSeconds: number): boolean {
  if (header === undefined) return false;
  const parts = new Map(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isSafeInteger(t) || Math.abs(nowSeconds - t) > TOLERANCE_SECONDS || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, 'hex'), Buffer.from(signatureOf(secret, t, body), 'hex'));
}
