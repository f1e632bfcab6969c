import { isCalendarDay } from '@bluezone/contract';
import { createHmac } from 'node:crypto';
import type { CodeState, IssuedCode, TestType } from '@bluezone/contract';
import type { Random } from '../platform/platform.js';

export type { CodeState, IssuedCode, TestType };

/** Long codes leave out 0/O and 1/I; 32 symbols, so the low 5 bits of one random byte pick one without bias. */
export const LONG_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** `length` decimal digits from the CSPRNG; bytes of 250 and above are drawn again so every digit is equally likely. */
export function generateShortCode(random: Random, length: number): string {
  let code = '';
  while (code.length < length) {
    for (const b of random.bytes(length)) {
      if (b < 250 && code.length < length) code += String(b % 10);
    }
  }
  return code;
}

export function generateLongCode(random: Random, length: number): string {
  return [...random.bytes(length)].map((b) => LONG_CODE_ALPHABET[b & 31]).join('');
}

/** A version 4 UUID from the injected randomness (RFC 9562 §5.4). */
export function uuidFrom(random: Random): string {
  const b = random.bytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** What a person types or scans, as it was issued: long codes are case-insensitive; spaces and dashes are dropped. */
export function normalizeCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * HMAC-SHA256 under the server secret, hex: the only form a code is stored in. A plain hash of an 8-digit code
 * would fall to a 10^8 search; without the secret, a copy of the database gives nothing to search against.
 */
export function hashCode(secret: Buffer, code: string): string {
  return createHmac('sha256', secret).update(normalizeCode(code)).digest('hex');
}

/** Unclaimed until used; expired once neither the short nor the long code can be used any more. */
export function codeState(code: { claimedAt: string | null; longExpiresAt: string }, now: Date): CodeState {
  if (code.claimedAt !== null) return 'claimed';
  return code.longExpiresAt <= now.toISOString() ? 'expired' : 'unclaimed';
}

export interface NewVerificationCode {
  uuid: string;
  codeHash: string;
  longCodeHash: string;
  testType: TestType;
  symptomDate: string | null;
  testDate: string | null;
  issuedBy: number | null;
  issuedAt: string;
  expiresAt: string;
  longExpiresAt: string;
}

export interface VerificationCodeRecord {
  id: number;
  uuid: string;
  testType: TestType;
  symptomDate: string | null;
  testDate: string | null;
  issuedAt: string;
  expiresAt: string;
  longExpiresAt: string;
  claimedAt: string | null;
}

/** The EN interval number (10-minute intervals since the epoch) at 00:00 UTC of a YYYY-MM-DD day. */
export function dayToInterval(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / 600_000);
}

/** The verification token's subject, as Google's: `testType.symptomDate.testDate` (dates may be empty). */
export function tokenSubject(testType: TestType, symptomDate: string | null, testDate: string | null): string {
  return `${testType}.${symptomDate ?? ''}.${testDate ?? ''}`;
}

export function parseTokenSubject(sub: unknown): { testType: TestType; symptomDate: string | null; testDate: string | null } | undefined {
  if (typeof sub !== 'string') return undefined;
  const [testType, symptomDate, testDate, ...rest] = sub.split('.');
  if (rest.length > 0 || (testType !== 'confirmed' && testType !== 'likely' && testType !== 'negative')) return undefined;
  const day = (s: string | undefined) => (s && isCalendarDay(s) ? s : null);
  return { testType, symptomDate: day(symptomDate), testDate: day(testDate) };
}
