import { isCalendarDay, vnDay, type CertificateResponse, type IssueCodeRequest, type IssueCodeResponse, type ListCodesQuery, type ListCodesResponse, type User, type VerifyResponse } from '@bluezone/contract';
import { createHmac, randomBytes, type KeyObject } from 'node:crypto';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import { decodeCursor, encodeCursor } from '../db/keyset.js';
import type { Transactions } from '../db/transactions.js';
import type { DayCount } from '../db/vn-day.js';
import { AppError } from '../errors.js';
import { signEs256Jwt, signHs256Jwt, verifyEs256Jwt, verifyHs256Jwt, type JwtClaims } from '../platform/es256-jwt.js';
import type { Platform } from '../platform/platform.js';
import type { RateLimiter } from '../platform/rate-limiter.js';
import type { VerificationSecrets } from './signing-key.js';
import type { VerificationConfig } from './verification.config.js';
import {
  codeState,
  dayToInterval,
  generateLongCode,
  generateShortCode,
  hashCode,
  parseTokenSubject,
  tokenSubject,
  uuidFrom,
} from './verification.model.js';
import type { NewVerificationCode, VerificationCodeRecord } from './verification.model.js';

/** Whose codes a list shows: one officer's, or those of every officer of a unit subtree. */
export type CodeListFilter = { issuedBy: number } | { issuerUnitWithin: string };

/** What the service needs of its store. */
export interface VerificationRepository {
  insertCode(code: NewVerificationCode): Promise<boolean>;
  eraseDeadHashes(now: Date): Promise<void>;
  claim(hash: string, now: Date): Promise<VerificationCodeRecord | undefined>;
  peek(hash: string, now: Date): Promise<boolean>;
  listCodes(filter: CodeListFilter, limit: number, beforeId?: number): Promise<VerificationCodeRecord[]>;
  useToken(jti: string, now: Date, expiresAt: string): Promise<boolean>;
  sweepUsedTokens(now: Date): Promise<number>;
  codesIssuedPerDay(days: readonly string[]): Promise<DayCount[]>;
  codesClaimedPerDay(days: readonly string[]): Promise<DayCount[]>;
}

const INVALID_CODE = 'the code is not valid';
const EKEYHMAC = /^[A-Za-z0-9+/]{43}=$/; // standard base64 of a 32-byte HMAC-SHA256

/**
 * Issues upload codes to health officers and exchanges them, on a phone's behalf, for a token, then a certificate.
 *
 * The verification token is read back only by this server (any process sharing its secret), at /certificate: the
 * phone treats it as opaque, as with Google's verification server. So it is an HS256 JWT under a key derived from
 * the server secret, which costs microseconds, where the certificate, which the key server and any other verifier
 * check with the public key, stays ES256. Tokens signed ES256 by the signing key (by an earlier version) are still
 * accepted until they expire.
 */
export class VerificationService {
  private readonly tokenKey: Buffer;
  /** Signs chaff tokens: no server knows it, so a chaff token can never become a certificate. New at every start. */
  private readonly chaffTokenKey = randomBytes(32);

  constructor(
    private readonly store: VerificationRepository,
    private readonly secrets: VerificationSecrets,
    private readonly chaffKey: KeyObject,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly config: VerificationConfig,
    private readonly platform: Platform,
    private readonly transactions: Transactions,
  ) {
    this.tokenKey = createHmac('sha256', secrets.secret).update('bluezone verification token v1').digest();
  }

  async issueCode(officer: User, request: IssueCodeRequest): Promise<IssueCodeResponse> {
    // A symptom or test day is a day in Vietnam: at 06:00 in Hà Nội (23:00 UTC the day before) today has begun.
    const today = vnDay(this.platform.clock.now());
    for (const [name, day] of [['symptomDate', request.symptomDate], ['testDate', request.testDate]] as const) {
      if (day !== undefined && (!isCalendarDay(day) || day > today)) {
        throw new AppError('validation_failed', `body.${name}: not a past calendar day`, [{ field: name, problem: 'invalid_value' }]);
      }
    }
    const now = this.platform.clock.now();
    await this.store.eraseDeadHashes(now);
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    // A clash with a live code is rare (a few hundred live codes among 10^8) but possible: draw again.
    for (let attempt = 0; attempt < 10; attempt++) {
      const code = generateShortCode(this.platform.random, this.config.codeLength);
      const longCode = generateLongCode(this.platform.random, this.config.longCodeLength);
      const issued = {
        uuid: uuidFrom(this.platform.random),
        codeHash: hashCode(this.secrets.secret, code),
        longCodeHash: hashCode(this.secrets.secret, longCode),
        testType: request.testType,
        symptomDate: request.symptomDate ?? null,
        testDate: request.testDate ?? null,
        issuedBy: officer.id,
        issuedAt: now.toISOString(),
        expiresAt: at(this.config.codeLifetimeSeconds),
        longExpiresAt: at(this.config.longCodeLifetimeSeconds),
      };
      const inserted = await this.transactions.run(async () => {
        if (!(await this.store.insertCode(issued))) return false;
        await this.audit.record({
          actor: actorOf(officer),
          action: 'verification_code.issue',
          targetType: 'verification_code',
          targetId: issued.uuid,
          detail: { testType: request.testType },
        });
        return true;
      });
      if (!inserted) continue;
      return { uuid: issued.uuid, code, expiresAt: issued.expiresAt, longCode, longExpiresAt: issued.longExpiresAt };
    }
    throw new AppError('internal', 'could not draw an unused code');
  }

  /** An officer sees the codes they issued; an administrator sees those of every officer of their unit subtree. */
  async listCodes(viewer: User, query: ListCodesQuery): Promise<ListCodesResponse> {
    const now = this.platform.clock.now();
    const beforeId = query.cursor === undefined ? undefined : decodeCursor(query.cursor, ['number'] as const)[0];
    const filter: CodeListFilter = viewer.role === 'admin' ? { issuerUnitWithin: viewer.unitCode } : { issuedBy: viewer.id };
    const rows = await this.store.listCodes(filter, query.limit + 1, beforeId);
    const codes = rows.slice(0, query.limit);
    return {
      nextCursor: rows.length > query.limit ? encodeCursor([codes.at(-1)!.id]) : null,
      codes: codes.map((c) => ({
        uuid: c.uuid,
        testType: c.testType,
        state: codeState(c, now),
        issuedAt: c.issuedAt,
        expiresAt: c.expiresAt,
        longExpiresAt: c.longExpiresAt,
        claimedAt: c.claimedAt,
      })),
    };
  }

  /**
   * Forgets used tokens past their expiry: a token that expired is refused for that already, so its id need not be
   * kept. Once a minute, rather than on every certificate, which cost a statement on the upload's hot path.
   */
  sweepUsedTokens(): Promise<number> {
    return this.store.sweepUsedTokens(this.platform.clock.now());
  }

  /** Codes issued and claimed on each of these Vietnamese days, for the anonymous statistics. */
  async codesPerDay(days: readonly string[]): Promise<{ issued: DayCount[]; claimed: DayCount[] }> {
    const [issued, claimed] = await Promise.all([this.store.codesIssuedPerDay(days), this.store.codesClaimedPerDay(days)]);
    return { issued, claimed };
  }

  /**
   * Exchanges a code for a verification token. One answer, `invalid_code`, for an unknown, used or expired code,
   * so a guesser learns nothing. `clientKey` (the address) only counts attempts in memory; it is never stored.
   */
  async verifyCode(input: string, clientKey: string, chaff: boolean): Promise<VerifyResponse> {
    if (!(await this.limiter.attempt(clientKey))) throw new AppError('rate_limited', 'too many attempts: wait a minute');
    const now = this.platform.clock.now();
    const hash = hashCode(this.secrets.secret, input);
    if (chaff) {
      await this.store.peek(hash, now);
      const token = await this.signToken(this.chaffTokenKey, 'confirmed', null, null, now);
      return { token, testType: 'confirmed' as const };
    }
    // The claim (one statement) is durable before the token is answered; concurrent verifies share a commit where
    // commits are dear (see Transactions.groupedStatement).
    const code = await this.transactions.groupedStatement(() => this.store.claim(hash, now));
    if (!code) throw new AppError('invalid_code', INVALID_CODE);
    const token = await this.signToken(this.tokenKey, code.testType, code.symptomDate, code.testDate, now);
    return {
      token,
      testType: code.testType,
      ...(code.symptomDate ? { symptomDate: code.symptomDate } : {}),
      ...(code.testDate ? { testDate: code.testDate } : {}),
    };
  }

  /**
   * Exchanges a token, once, for a certificate binding the HMAC of the keys the phone will publish. Claims as
   * Google's verification server (pkg/verification/claims.go): reportType, symptomOnsetInterval, testDateInterval,
   * tekmac, with iss, aud, iat, nbf and exp.
   */
  async issueCertificate(token: string, ekeyhmac: string, chaff: boolean): Promise<CertificateResponse> {
    const now = this.platform.clock.now();
    const expected = { issuer: this.config.issuer, audience: this.config.issuer, now };
    const claims: JwtClaims | undefined = verifyHs256Jwt(token, this.tokenKey, expected) ?? verifyEs256Jwt(token, this.secrets.publicKey, expected);
    if (chaff) {
      const certificate = await this.signCertificate(this.chaffKey, 'confirmed', null, null, 'A'.repeat(43) + '=', now);
      return { certificate };
    }
    if (!EKEYHMAC.test(ekeyhmac)) {
      throw new AppError('validation_failed', 'body.ekeyhmac: must be the base64 of a 32-byte HMAC-SHA256', [{ field: 'ekeyhmac', problem: 'invalid_format' }]);
    }
    const subject = claims && parseTokenSubject(typeof claims.sub === 'string' ? claims.sub : undefined);
    if (!claims || !subject || typeof claims.jti !== 'string' || typeof claims.exp !== 'number') throw new AppError('token_invalid', 'the token is not valid');
    const jti = claims.jti;
    const expiresAt = new Date(claims.exp * 1000).toISOString();
    if (!(await this.transactions.groupedStatement(() => this.store.useToken(jti, now, expiresAt)))) {
      throw new AppError('token_used', 'the token was already used');
    }
    const certificate = await this.signCertificate(this.secrets.privateKey, subject.testType, subject.symptomDate, subject.testDate, ekeyhmac, now);
    return { certificate };
  }

  private signToken(key: Buffer, testType: string, symptomDate: string | null, testDate: string | null, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return Promise.resolve(
      signHs256Jwt(key, {
        sub: tokenSubject(testType as 'confirmed', symptomDate, testDate),
        jti: uuidFrom(this.platform.random),
        iss: this.config.issuer,
        aud: this.config.issuer,
        iat,
        exp: iat + this.config.tokenLifetimeSeconds,
      }),
    );
  }

  private signCertificate(key: KeyObject, reportType: string, symptomDate: string | null, testDate: string | null, tekmac: string, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return Promise.resolve(
      signEs256Jwt(key, {
        reportType,
        symptomOnsetInterval: symptomDate ? dayToInterval(symptomDate) : 0,
        testDateInterval: testDate ? dayToInterval(testDate) : 0,
        tekmac,
        iss: this.config.issuer,
        aud: this.config.audience,
        iat,
        nbf: iat,
        exp: iat + this.config.certificateLifetimeSeconds,
      }),
    );
  }
}
