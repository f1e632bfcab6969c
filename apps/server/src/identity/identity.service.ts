import { createHash } from 'node:crypto';
import type { Locale, SessionResponse, User } from '@bluezone/contract';
import type { AuditService } from '../audit/audit.service.js';
import { AppError } from '../errors.js';
import type { Platform } from '../platform/platform.js';
import type { IdentityConfig } from './identity.config.js';
import { publicUser, type SessionUser } from './identity.model.js';
import type { IdentityStore } from './identity.store.js';
import type { LoginRateLimiter } from './login-limiter.js';
import type { PasswordHasher } from './password.js';

export type IdentityRepository = Pick<IdentityStore, keyof IdentityStore>;

export interface SignIn extends SessionResponse {
  /** The cookie value; only its SHA-256 is stored. */
  token: string;
  maxAgeSeconds: number;
}

// Writing last_seen_at on every request would turn every read into a write; a minute is precise enough for idling.
const TOUCH_INTERVAL_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Signing in and out, sessions, and what a user may change about themselves. */
export class IdentityService {
  constructor(
    private readonly store: IdentityRepository,
    private readonly passwords: PasswordHasher,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly config: IdentityConfig,
    private readonly platform: Platform,
  ) {}

  async login(username: string, password: string, clientAddress: string): Promise<SignIn> {
    if (!this.limiter.attempt(clientAddress)) {
      throw new AppError('rate_limited', 'too many sign-in attempts from this address; wait and retry');
    }
    const now = this.platform.clock.now();
    const record = await this.store.findByUsername(username);
    const fail = async (reason: string, code: 'invalid_credentials' | 'account_locked' = 'invalid_credentials') => {
      await this.audit.record({
        actor: { id: record?.id ?? null, username },
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
      const failures = record.failedLogins + 1;
      const locks = failures >= this.config.lockoutThreshold;
      const lockedUntil = locks ? new Date(now.getTime() + this.config.lockoutSeconds * 1000).toISOString() : null;
      await this.store.setLoginFailures(record.id, locks ? 0 : failures, lockedUntil);
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
    await this.audit.record({ actor: { id: record.id, username }, action: 'auth.login', targetType: 'user', targetId: record.id });
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
    await this.store.update(session.user.id, { locale }, now);
    await this.audit.record({
      actor: actorOf(session.user),
      action: 'user.set_locale',
      targetType: 'user',
      targetId: session.user.id,
      detail: { locale },
    });
    return { ...session.user, locale };
  }

  /** Changes one's own password and ends one's other sessions (a stolen cookie stops working). */
  async changePassword(session: SessionUser, currentPassword: string, newPassword: string): Promise<void> {
    const record = await this.store.findById(session.user.id);
    if (!record || !(await this.passwords.verify(currentPassword, record.passwordHash))) {
      await this.audit.record({ actor: actorOf(session.user), action: 'auth.password_change_failed', targetType: 'user', targetId: session.user.id });
      throw new AppError('invalid_credentials', 'the current password is wrong');
    }
    await this.store.update(record.id, { passwordHash: await this.passwords.hash(newPassword) }, this.platform.clock.now());
    await this.store.deleteSessionsOfUser(record.id, session.tokenHash);
    await this.audit.record({ actor: actorOf(session.user), action: 'auth.password_change', targetType: 'user', targetId: record.id });
  }
}

export const actorOf = (user: User) => ({ id: user.id, username: user.username });
