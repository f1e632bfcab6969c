import type { CertificateResponse, IssueCodeRequest, IssueCodeResponse, ListCodesResponse, VerifyResponse } from '@bluezone/contract';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { KeyObject } from 'node:crypto';
import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { User } from '../identity/identity.model.js';
import { actorOf } from '../identity/identity.service.js';
import type { LoginRateLimiter } from '../identity/login-limiter.js';
import type { Platform } from '../platform/platform.js';
import { responsePadding } from './padding.js';
import type { VerificationSecrets } from './signing-key.js';
import type { VerificationConfig } from './verification.config.js';
import {
  codeState,
  dayToInterval,
  generateLongCode,
  generateShortCode,
  hashCode,
  isCalendarDay,
  parseTokenSubject,
  tokenSubject,
  uuidFrom,
} from './verification.model.js';
import type { VerificationStore } from './verification.store.js';

const INVALID_CODE = 'the code is not valid';
const EKEYHMAC = /^[A-Za-z0-9+/]{43}=$/; // standard base64 of a 32-byte HMAC-SHA256

/** Issues upload codes to health officers and exchanges them, on a phone's behalf, for a token, then a certificate. */
export class VerificationService {
  constructor(
    private readonly store: VerificationStore,
    private readonly secrets: VerificationSecrets,
    private readonly chaffKey: KeyObject,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly config: VerificationConfig,
    private readonly platform: Platform,
  ) {}

  async issueCode(officer: User, request: IssueCodeRequest): Promise<IssueCodeResponse> {
    if (officer.role !== 'health_officer' && officer.role !== 'admin') throw new AppError('forbidden', 'health officers and administrators only');
    const today = this.platform.clock.now().toISOString().slice(0, 10);
    for (const [name, day] of [['symptomDate', request.symptomDate], ['testDate', request.testDate]] as const) {
      if (day !== undefined && (!isCalendarDay(day) || day > today)) throw new AppError('validation_failed', `body.${name}: not a past calendar day`);
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
      if (!(await this.store.insertCode(issued))) continue;
      await this.audit.record({
        actor: actorOf(officer),
        action: 'verification_code.issue',
        targetType: 'verification_code',
        targetId: issued.uuid,
        detail: { testType: request.testType },
      });
      return { uuid: issued.uuid, code, expiresAt: issued.expiresAt, longCode, longExpiresAt: issued.longExpiresAt };
    }
    throw new AppError('internal', 'could not draw an unused code');
  }

  /** An officer sees the codes they issued; an administrator sees every code. */
  async listCodes(viewer: User): Promise<ListCodesResponse> {
    if (viewer.role !== 'health_officer' && viewer.role !== 'admin') throw new AppError('forbidden', 'health officers and administrators only');
    const now = this.platform.clock.now();
    const codes = await this.store.listCodes({ issuedBy: viewer.role === 'admin' ? undefined : viewer.id, limit: 200 });
    return {
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
   * Exchanges a code for a verification token. One answer, `invalid_code`, for an unknown, used or expired code,
   * so a guesser learns nothing. `clientKey` (the address) only counts attempts in memory; it is never stored.
   */
  async verifyCode(input: string, clientKey: string, chaff: boolean): Promise<VerifyResponse> {
    if (!this.limiter.attempt(clientKey)) throw new AppError('rate_limited', 'too many attempts: wait a minute');
    const now = this.platform.clock.now();
    const hash = hashCode(this.secrets.secret, input);
    if (chaff) {
      await this.store.peek(hash, now);
      const token = await this.signToken(this.chaffKey, 'confirmed', null, null, now);
      return this.pad({ token, testType: 'confirmed' as const });
    }
    const code = await this.store.claim(hash, now);
    if (!code) throw new AppError('invalid_code', INVALID_CODE);
    const token = await this.signToken(this.secrets.privateKey, code.testType, code.symptomDate, code.testDate, now);
    return this.pad({
      token,
      testType: code.testType,
      ...(code.symptomDate ? { symptomDate: code.symptomDate } : {}),
      ...(code.testDate ? { testDate: code.testDate } : {}),
    });
  }

  /**
   * Exchanges a token, once, for a certificate binding the HMAC of the keys the phone will publish. Claims as
   * Google's verification server (pkg/verification/claims.go): reportType, symptomOnsetInterval, testDateInterval,
   * tekmac, with iss, aud, iat, nbf and exp.
   */
  async issueCertificate(token: string, ekeyhmac: string, chaff: boolean): Promise<CertificateResponse> {
    const now = this.platform.clock.now();
    let claims: JWTPayload | undefined;
    try {
      ({ payload: claims } = await jwtVerify(token, this.secrets.publicKey, {
        algorithms: ['ES256'],
        issuer: this.config.issuer,
        audience: this.config.issuer,
        currentDate: now,
      }));
    } catch {
      claims = undefined;
    }
    if (chaff) {
      const certificate = await this.signCertificate(this.chaffKey, 'confirmed', null, null, 'A'.repeat(43) + '=', now);
      return this.pad({ certificate });
    }
    if (!EKEYHMAC.test(ekeyhmac)) throw new AppError('validation_failed', 'body.ekeyhmac: must be the base64 of a 32-byte HMAC-SHA256');
    const subject = claims && parseTokenSubject(claims.sub);
    if (!claims || !subject || typeof claims.jti !== 'string' || typeof claims.exp !== 'number') throw new AppError('token_invalid', 'the token is not valid');
    if (!(await this.store.useToken(claims.jti, now, new Date(claims.exp * 1000).toISOString()))) {
      throw new AppError('token_used', 'the token was already used');
    }
    const certificate = await this.signCertificate(this.secrets.privateKey, subject.testType, subject.symptomDate, subject.testDate, ekeyhmac, now);
    return this.pad({ certificate });
  }

  private signToken(key: KeyObject, testType: string, symptomDate: string | null, testDate: string | null, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setSubject(tokenSubject(testType as 'confirmed', symptomDate, testDate))
      .setJti(uuidFrom(this.platform.random))
      .setIssuer(this.config.issuer)
      .setAudience(this.config.issuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.config.tokenLifetimeSeconds)
      .sign(key);
  }

  private signCertificate(key: KeyObject, reportType: string, symptomDate: string | null, testDate: string | null, tekmac: string, now: Date): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({
      reportType,
      symptomOnsetInterval: symptomDate ? dayToInterval(symptomDate) : 0,
      testDateInterval: testDate ? dayToInterval(testDate) : 0,
      tekmac,
    })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setIssuedAt(iat)
      .setNotBefore(iat)
      .setExpirationTime(iat + this.config.certificateLifetimeSeconds)
      .sign(key);
  }

  private pad<T extends object>(body: T): T & { padding: string } {
    return { ...body, padding: responsePadding(this.platform.random, body) };
  }
}
