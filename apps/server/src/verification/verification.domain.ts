import type { AuditService } from '../audit/audit.service.js';
import type { CertificateTrust } from '../platform/certificate-trust.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { chaffSigningKey, loadVerificationSecrets } from './signing-key.js';
import { readVerificationConfig, type VerificationConfig } from './verification.config.js';
import { registerVerificationRoutes } from './verification.routes.js';
import { VerificationService } from './verification.service.js';
import { VerificationStore } from './verification.store.js';

export const verificationDomain = defineDomain({
  name: 'verification',
  readConfig: readVerificationConfig,
  createServices: ({ db, platform, config, services, transactions, rateLimiters }: DomainContext<VerificationConfig, { audit: AuditService }>) => {
    const secrets = loadVerificationSecrets(config.dir, config.secret);
    // Verify attempts per address per minute: with 10^8 short codes and codes living 15 minutes, guessing one is hopeless.
    const limiter = rateLimiters.create('verify', config.verifyRateLimit, 60);
    return {
      verification: new VerificationService(new VerificationStore(db), secrets, chaffSigningKey(), limiter, services.audit, config, platform, transactions),
      // The key server trusts this server's own verification key; other verification servers would be added here.
      certificateTrust: { issuers: [{ issuer: config.issuer, audience: config.audience, publicKey: secrets.publicKey }], revisionTokenSecret: secrets.secret } satisfies CertificateTrust,
    };
  },
  routes: (app, { verification }) => registerVerificationRoutes(app, verification),
});
