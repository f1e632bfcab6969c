import type { TrustedIssuer } from '../platform/certificate-trust.js';
export type { TrustedIssuer };
import { verifyEs256Jwt } from '../platform/es256-jwt.js';
import type { ReportType } from './publish.model.js';

export interface CertificateClaims {
  reportType: Exclude<ReportType, 'revoked'>;
  symptomOnsetInterval: number | null;
  testDateInterval: number | null;
  tekmac: string;
}

/**
 * Checks a certificate as Google's key server does (pkg/verification): ES256 signature by a trusted issuer's key,
 * that issuer, our audience, and the time window (exp, nbf). Undefined when any of it fails.
 */
export async function verifyCertificate(jwt: string, issuers: readonly TrustedIssuer[], now: Date): Promise<CertificateClaims | undefined> {
  for (const trusted of issuers) {
    const payload = verifyEs256Jwt(jwt, trusted.publicKey, { issuer: trusted.issuer, audience: trusted.audience, now, required: ['iat'] });
    // Not this issuer's, or not valid: try the next one.
    if (!payload) continue;
    const { reportType, symptomOnsetInterval, testDateInterval, tekmac } = payload;
    if (reportType !== 'confirmed' && reportType !== 'likely' && reportType !== 'negative') return undefined;
    if (typeof tekmac !== 'string' || tekmac.length === 0) return undefined;
    const interval = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
    return { reportType, symptomOnsetInterval: interval(symptomOnsetInterval), testDateInterval: interval(testDateInterval), tekmac };
  }
  return undefined;
}
