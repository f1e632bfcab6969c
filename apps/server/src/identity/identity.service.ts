import { createHash } from 'node:crypto';
import type { Locale, SessionResponse, User } from '@bluezone/contract';
import { actorOf } from '../audit/audit.model.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Transactions } from '../db/transactions.js';
import { AppError } from '../errors.js';
import type { Authenticator } from '../http/session.js';
import type { Platform } from '../platform/platform.js';
import type { RateLimiter } from '../platform/rate-limiter.js';
import type { IdentityConfig } from './identity.config.js';
import { publicUser, type AgencyRef, type NewSession, type NewUser, type SessionRecord, type SessionUser, type UserChanges, type UserFilter, type UserRecord } from './identity.model.js';
import type { PasswordHasher } from './password.js';

/** What the identity services need of their store. */
export interface IdentityRepository {
  findByUsername(username: string): Promise<UserRecord | undefined>;
  findById(id: number): Promise<UserRecord | undefined>;
  list(filter: UserFilter, limit: number, after?: string): Promise<UserRecord[]>;
  findAgencyByCode(code: string): Promise<AgencyRef | undefined>;
  count(): Promise<number>;
  insert(user: NewUser, at: Date): Promise<number>;
  update(id: number, changes: UserChanges, at: Date): Promise<void>;
  setLoginFailures(id: number, failedLogins: number, lockedUntil: string | null): Promise<void>;
  insertSession(session: NewSession): Promise<void>;
  findSession(tokenHash: string): Promise<SessionRecord | undefined>;
  touchSession(tokenHash: string, at: Date): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOfUser(userId: number, except?: string): Promise<void>;
  deleteExpiredSessions(now: Date): Promise<void>;
}

export interface SignIn extends SessionResponse {
  /** The cookie value; only its SHA-256 is stored. */
  token: string;
  maxAgeSeconds: number;
}

// Writing last_seen_at on every request would turn every read into a write; a minute is precise enough for idling.
const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Signing in and out, sessions, and what a user may change about themselves. */
export class IdentityService implements Authenticator {
  constructor(
    private readonly store: IdentityRepository,
    private readonly passwords: PasswordHasher,
    /** Password guesses per client address: sign-ins and password changes draw on the same allowance. */
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly config: IdentityConfig,
    private readonly platform: Platform,
    private readonly transactions: Transactions,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<SignIn> {
    if (!(await this.limiter.attempt(clientAddress))) {
      throw new AppError('rate_limited', 'too many sign-in attempts from this address; wait and retry');
    }
    const now = this.platform.clock.now();
    const record = await this.store.findByUsername(username);
    const fail = async (reason: string, code: 'invalid_credentials' | 'account_locked' = 'invalid_credentials') => {
      await this.audit.record({
        actor: { id: record?.id ?? null, username, unitCode: record?.unitCode ?? null },
        action: 'auth.login_failed',
        targetType: 'user',
        ...(record && { targetId: record.id }),
        detail: { reason },
      });
      return new AppError(
        code,
        code === 'account_locked' ? 'too many failed sign-ins: the account is locked for a while' : 'wrong username or password',
      );
    };
    if (!record) {
      await this.passwords.burn(password);
      throw await fail('unknown_user');
    }
    if (record.lockedUntil !== null && record.lockedUntil > now.toISOString()) {
      throw await fail('locked', 'account_locked');
    }
    if (!(await this.passwords.verify(password, record.passwordHash))) {
      const locks = await this.countFailure(record, now);
      throw await fail(locks ? 'wrong_password_locked' : 'wrong_password');
    }
    // Checked after the password so that a wrong guess cannot learn the account is disabled.
    if (record.disabled) throw await fail('disabled');
    if (record.failedLogins !== 0 || record.lockedUntil !== null) await this.store.setLoginFailures(record.id, 0, null);

    const token = this.platform.random.bytes(32).toString('base64url');
    const csrfToken = this.platform.random.bytes(32).toString('base64url');
    await this.store.insertSession({
      tokenHash: hashToken(token),
      userId: record.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.config.sessionTtlSeconds * 1000).toISOString(),
    });
    await this.audit.record({ actor: actorOf(record), action: 'auth.login', targetType: 'user', targetId: record.id });
    return { user: publicUser(record), csrfToken, token, maxAgeSeconds: this.config.sessionTtlSeconds };
  }

  /** The session a cookie names, if it is still valid; ends expired or idle sessions on the way. */
  async authenticate(token: string): Promise<SessionUser | undefined> {
    const tokenHash = hashToken(token);
    const session = await this.store.findSession(tokenHash);
    if (!session) return undefined;
    const now = this.platform.clock.now();
    const idleLimit = new Date(session.lastSeenAt).getTime() + this.config.sessionIdleSeconds * 1000;
    if (session.expiresAt <= now.toISOString() || idleLimit <= now.getTime()) {
      await this.store.deleteSession(tokenHash);
      return undefined;
    }
    const record = await this.store.findById(session.userId);
    if (!record || record.disabled) {
      await this.store.deleteSession(tokenHash);
      return undefined;
    }
    if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_INTERVAL_MS) {
      await this.store.touchSession(tokenHash, now);
    }
    return { user: publicUser(record), csrfToken: session.csrfToken, tokenHash };
  }

  deleteExpiredSessions(): Promise<void> {
    return this.store.deleteExpiredSessions(this.platform.clock.now());
  }

  async logout(session: SessionUser): Promise<void> {
    await this.store.deleteSession(session.tokenHash);
    await this.audit.record({ actor: actorOf(session.user), action: 'auth.logout', targetType: 'user', targetId: session.user.id });
  }

  async setLocale(session: SessionUser, locale: Locale): Promise<User> {
    const now = this.platform.clock.now();
    await this.transactions.run(async () => {
      await this.store.update(session.user.id, { locale }, now);
      await this.audit.record({ actor: actorOf(session.user), action: 'user.set_locale', targetType: 'user', targetId: session.user.id, detail: { locale } });
    });
    return { ...session.user, locale };
  }

  /**
   * Changes one's own password and ends one's other sessions (a stolen cookie stops working). The current password
   * is a guess like any sign-in: limited per address, counted towards the account's lockout, and a lockout ends every
   * session of the account, so a stolen session cannot keep guessing.
   */
  async changePassword(session: SessionUser, currentPassword: string, newPassword: string, clientAddress: string): Promise<void> {
    if (!(await this.limiter.attempt(clientAddress))) {
      throw new AppError('rate_limited', 'too many password attempts from this address; wait and retry');
    }
    const now = this.platform.clock.now();
    const record = await this.store.findById(session.user.id);
    if (!record) throw new AppError('unauthenticated', 'sign in first');
    const failed = (reason: string) =>
      this.audit.record({ actor: actorOf(session.user), action: 'auth.password_change_failed', targetType: 'user', targetId: record.id, detail: { reason } });
    if (record.lockedUntil !== null && record.lockedUntil > now.toISOString()) {
      await failed('locked');
      throw new AppError('account_locked', 'too many failed attempts: the account is locked for a while');
    }
    if (!(await this.passwords.verify(currentPassword, record.passwordHash))) {
      const locks = await this.countFailure(record, now);
      if (locks) await this.store.deleteSessionsOfUser(record.id);
      await failed(locks ? 'wrong_password_locked' : 'wrong_password');
      throw new AppError('invalid_credentials', 'the current password is wrong', [{ field: 'currentPassword', problem: 'invalid_value' }]);
    }
    const passwordHash = await this.passwords.hash(newPassword);
    await this.transactions.run(async () => {
      await this.store.update(record.id, { passwordHash }, now);
      if (record.failedLogins !== 0) await this.store.setLoginFailures(record.id, 0, null);
      await this.store.deleteSessionsOfUser(record.id, session.tokenHash);
      await this.audit.record({ actor: actorOf(session.user), action: 'auth.password_change', targetType: 'user', targetId: record.id });
    });
  }

  /** Counts a wrong password against the account; true when this failure locks it. */
  private async countFailure(record: UserRecord, now: Date): Promise<boolean> {
    const failures = record.failedLogins + 1;
    const locks = failures >= this.config.lockoutThreshold;
    const lockedUntil = locks ? new Date(now.getTime() + this.config.lockoutSeconds * 1000).toISOString() : null;
    await this.store.setLoginFailures(record.id, locks ? 0 : failures, lockedUntil);
    return locks;
  }
}
