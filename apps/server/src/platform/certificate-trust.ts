import type { KeyObject } from 'node:crypto';

/**
 * What the key server (publish) trusts of the verification server: the issuers whose certificates it accepts, and
 * the secret that seals revision tokens. The verification domain provides it; publish reads it; neither imports the
 * other, so the two can run as separate services, as Google's do.
 */
export interface TrustedIssuer {
  issuer: string;
  audience: string;
  publicKey: KeyObject;
}

export interface CertificateTrust {
  issuers: readonly TrustedIssuer[];
  revisionTokenSecret: Buffer;
}
