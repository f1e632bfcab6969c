import path from 'node:path';
import type { BaseConfig } from '../platform/base-config.js';
import type { EnvReader } from '../platform/env-reader.js';

export interface VerificationConfig {
  /** Digits of the short code an officer reads out; 8 as Google's verification server. */
  codeLength: number;
  codeLifetimeSeconds: number;
  /** Characters of the long code carried in the deep link `bluezone://verify?c=`. */
  longCodeLength: number;
  longCodeLifetimeSeconds: number;
  /** How long a verification token may wait before it is exchanged for a certificate. */
  tokenLifetimeSeconds: number;
  /** How long a certificate may wait before the keys are published with it. */
  certificateLifetimeSeconds: number;
  /** `iss` of tokens and certificates; the key server accepts certificates of this issuer for this audience. */
  issuer: string;
  audience: string;
  /** Verify attempts allowed per client address per minute (in memory, per process). */
  verifyRateLimit: number;
  /** Holds the verification signing key and the code secret (directory 0700, files 0600). */
  dir: string;
  /** base64 secret (at least 32 bytes) for code hashes and revision tokens; otherwise generated in `dir`. */
  secret: Buffer | undefined;
}

export function readVerificationConfig(env: EnvReader, { dataDir }: BaseConfig): VerificationConfig {
  const config: VerificationConfig = {
    // Floors: 6 digits and 1 minute keep a code from being guessed within the rate limit; 10 minutes for a token.
    codeLength: env.int('BLUEZONE_CODE_LENGTH', 8, { min: 6, max: 12 }),
    codeLifetimeSeconds: env.duration('BLUEZONE_CODE_LIFETIME', 15 * 60, { min: 60, max: 3600 }),
    longCodeLength: env.int('BLUEZONE_LONG_CODE_LENGTH', 16, { min: 12, max: 64 }),
    longCodeLifetimeSeconds: env.duration('BLUEZONE_LONG_CODE_LIFETIME', 24 * 3600, { min: 3600, max: 7 * 86400 }),
    tokenLifetimeSeconds: env.duration('BLUEZONE_VERIFY_TOKEN_LIFETIME', 24 * 3600, { min: 600, max: 7 * 86400 }),
    certificateLifetimeSeconds: env.duration('BLUEZONE_CERTIFICATE_LIFETIME', 15 * 60, { min: 60, max: 3600 }),
    issuer: env.string('BLUEZONE_CERTIFICATE_ISSUER', 'bluezone-verification'),
    audience: env.string('BLUEZONE_CERTIFICATE_AUDIENCE', 'bluezone-exposure'),
    verifyRateLimit: env.int('BLUEZONE_VERIFY_RATE_LIMIT', 30, { min: 1, max: 100_000 }),
    dir: path.resolve(env.string('BLUEZONE_VERIFICATION_DIR', path.join(dataDir, 'verification'))),
    secret: undefined,
  };
  const secret = env.optionalString('BLUEZONE_VERIFICATION_SECRET');
  if (secret !== undefined) {
    const bytes = Buffer.from(secret, 'base64');
    if (bytes.length < 32 || bytes.toString('base64').replace(/=+$/, '') !== secret.replace(/=+$/, '')) {
      env.problem('BLUEZONE_VERIFICATION_SECRET: must be standard base64 of at least 32 bytes');
    } else {
      config.secret = bytes;
    }
  }
  if (config.issuer === config.audience) env.problem('BLUEZONE_CERTIFICATE_AUDIENCE: must differ from the issuer, so a token is never taken for a certificate');
  return config;
}
