import type { TrustedIssuer } from '../platform/certificate-trust.js';
export type { TrustedIssuer };
import { jwtVerify } from 'jose';
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
    try {
      const { payload } = await jwtVerify(jwt, trusted.publicKey, {
        algorithms: ['ES256'],
        issuer: trusted.issuer,
        audience: trusted.audience,
        currentDate: now,
        requiredClaims: ['exp', 'iat'],
      });
      const { reportType, symptomOnsetInterval, testDateInterval, tekmac } = payload as Record<string, unknown>;
      if (reportType !== 'confirmed' && reportType !== 'likely' && reportType !== 'negative') return undefined;
      if (typeof tekmac !== 'string' || tekmac.length === 0) return undefined;
      const interval = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null);
      return { reportType, symptomOnsetInterval: interval(symptomOnsetInterval), testDateInterval: interval(testDateInterval), tekmac };
    } catch {
      // Not this issuer's, or not valid: try the next one.
    }
  }
  return undefined;
}
