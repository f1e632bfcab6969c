import type { AuditService } from '../audit/audit.service.js';
import type { CertificateTrust } from '../platform/certificate-trust.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { SealedBox } from '../platform/sealed-box.js';
import { ServerSecretsStore } from './server-secrets.store.js';
import { chaffSigningKey, loadSharedVerificationSecrets, loadVerificationSecrets, type VerificationSecrets } from './signing-key.js';
import { readVerificationConfig, type VerificationConfig } from './verification.config.js';
import { registerVerificationRoutes } from './verification.routes.js';
import { VerificationService } from './verification.service.js';
import { VerificationStore } from './verification.store.js';

export const verificationDomain = defineDomain({
  name: 'verification',
  readConfig: readVerificationConfig,
  // With a key encryption key the secrets live in the database, shared by every process; otherwise in the directory.
  load: async ({ db, config, base, platform }): Promise<VerificationSecrets | undefined> =>
    base.keyEncryptionKey
      ? loadSharedVerificationSecrets(new ServerSecretsStore(db), new SealedBox(base.keyEncryptionKey), config.dir, config.secret, platform.clock.now())
      : undefined,
  createServices: ({ db, platform, config, services, transactions, rateLimiters, loaded }: DomainContext<VerificationConfig, { audit: AuditService }>) => {
    const secrets = (loaded as VerificationSecrets | undefined) ?? loadVerificationSecrets(config.dir, config.secret);
    // Verify attempts per address per minute: with 10^8 short codes and codes living 15 minutes, guessing one is hopeless.
    const limiter = rateLimiters.create('verify', config.verifyRateLimit, 60);
    return {
      verification: new VerificationService(new VerificationStore(db), secrets, chaffSigningKey(), limiter, services.audit, config, platform, transactions),
      // The key server trusts this server's own verification key; other verification servers would be added here.
      certificateTrust: { issuers: [{ issuer: config.issuer, audience: config.audience, publicKey: secrets.publicKey }], revisionTokenSecret: secrets.secret } satisfies CertificateTrust,
    };
  },
  routes: (app, { verification }) => registerVerificationRoutes(app, verification),
  jobs: ({ verification }) => [
    {
      name: 'verification.token_sweep',
      everySeconds: 60,
      run: async () => {
        const swept = await verification.sweepUsedTokens();
        return swept > 0 ? { swept } : undefined;
      },
    },
  ],
});
