import type { EnvReader } from '../platform/env-reader.js';

export interface IdentityConfig {
  /** Absolute lifetime of a session, whatever its use. */
  sessionTtlSeconds: number;
  /** A session unused this long ends (an unattended office computer). */
  sessionIdleSeconds: number;
  /** Send the cookie only over HTTPS. Off by default so a plain-HTTP test install works; turn on behind TLS. */
  cookieSecure: boolean;
  /** Consecutive failed sign-ins after which an account locks. */
  lockoutThreshold: number;
  lockoutSeconds: number;
  /** Sign-in attempts allowed from one IP address per window, whatever the account. */
  loginRateLimit: number;
  loginRateWindowSeconds: number;
  /** Password of the first `admin` account; random (printed once) when unset. */
  adminPassword: string | undefined;
  /** scrypt cost N (a power of two). 2^15 costs ~100 ms on our machines; tests lower it. */
  scryptCost: number;
}

export function readIdentityConfig(env: EnvReader): IdentityConfig {
  const config: IdentityConfig = {
    sessionTtlSeconds: env.duration('BLUEZONE_SESSION_TTL', 12 * 3600, { min: 60, max: 30 * 86400 }),
    sessionIdleSeconds: env.duration('BLUEZONE_SESSION_IDLE', 30 * 60, { min: 60, max: 30 * 86400 }),
    cookieSecure: env.bool('BLUEZONE_COOKIE_SECURE', false),
    lockoutThreshold: env.int('BLUEZONE_LOCKOUT_THRESHOLD', 5, { min: 1, max: 100 }),
    lockoutSeconds: env.duration('BLUEZONE_LOCKOUT_DURATION', 15 * 60, { min: 1, max: 7 * 86400 }),
    loginRateLimit: env.int('BLUEZONE_LOGIN_RATE_LIMIT', 30, { min: 1, max: 100_000 }),
    loginRateWindowSeconds: env.duration('BLUEZONE_LOGIN_RATE_WINDOW', 5 * 60, { min: 1, max: 86400 }),
    adminPassword: env.optionalString('BLUEZONE_ADMIN_PASSWORD'),
    scryptCost: env.int('BLUEZONE_SCRYPT_COST', 2 ** 15, { min: 2 ** 10, max: 2 ** 20 }),
  };
  if (config.adminPassword !== undefined && config.adminPassword.length < 10) {
    env.problem('BLUEZONE_ADMIN_PASSWORD: must be at least 10 characters');
  }
  if ((config.scryptCost & (config.scryptCost - 1)) !== 0) {
    env.problem(`BLUEZONE_SCRYPT_COST: ${config.scryptCost} is not a power of two`);
  }
  if (config.sessionIdleSeconds > config.sessionTtlSeconds) {
    env.problem('BLUEZONE_SESSION_IDLE: must not be longer than BLUEZONE_SESSION_TTL');
  }
  return config;
}
