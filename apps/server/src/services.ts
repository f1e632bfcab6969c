import { AgenciesService } from './agencies/agencies.service.js';
import { AgenciesStore } from './agencies/agencies.store.js';
import { AuditService } from './audit/audit.service.js';
import { AuditStore } from './audit/audit.store.js';
import type { ServerConfig } from './config.js';
import type { Db } from './db/database.js';
import { IdentityService } from './identity/identity.service.js';
import { IdentityStore } from './identity/identity.store.js';
import { LoginRateLimiter } from './identity/login-limiter.js';
import { PasswordHasher } from './identity/password.js';
import { UsersService } from './identity/users.service.js';
import type { Platform } from './platform/platform.js';
import { UnitsService } from './units/units.service.js';
import { UnitsStore } from './units/units.store.js';
import { ExportDirectory } from './export/export.directory.js';
import { ExportService } from './export/export.service.js';
import { ExportStore } from './export/export.store.js';
import { SigningKeysService } from './signing-keys/signing-keys.service.js';
import { SigningKeysStore } from './signing-keys/signing-keys.store.js';
import { FileKeyVault } from './signing-keys/signing-keys.vault.js';
import { chaffSigningKey, loadVerificationSecrets } from './verification/signing-key.js';
import { ExposureNotificationStatistics } from './verification/statistics.service.js';
import { VerificationService } from './verification/verification.service.js';
import { VerificationStore } from './verification/verification.store.js';
import { PublishService } from './publish/publish.service.js';
import { PublishStore } from './publish/publish.store.js';
import { RevisionTokens } from './publish/revision-token.js';
import { NoticesService } from './notices/notices.service.js';
import { NoticesStore } from './notices/notices.store.js';

export interface Services {
  audit: AuditService;
  units: UnitsService;
  identity: IdentityService;
  users: UsersService;
  agencies: AgenciesService;
  signingKeys: SigningKeysService;
  export: ExportService;
  verification: VerificationService;
  publish: PublishService;
  exposureNotificationStatistics: ExposureNotificationStatistics;
  notices: NoticesService;
}

/** Wires every domain's store and service over one database; the only place that knows them all. */
export function createServices(db: Db, config: Pick<ServerConfig, 'identity' | 'units' | 'export' | 'signingKeys' | 'verification' | 'publish'>, platform: Platform): Services {
  const audit = new AuditService(new AuditStore(db), platform.clock);
  const units = new UnitsService(new UnitsStore(db), config.units, platform.clock, audit);
  const identityStore = new IdentityStore(db);
  const passwords = new PasswordHasher(config.identity.scryptCost, platform.random);
  const limiter = new LoginRateLimiter(config.identity.loginRateLimit, config.identity.loginRateWindowSeconds, platform.clock);
  const signingKeys = new SigningKeysService(new SigningKeysStore(db), new FileKeyVault(config.signingKeys.dir), config.signingKeys, platform.clock, audit);
  const exportService = new ExportService(new ExportStore(db), signingKeys, new ExportDirectory(config.export.exportsDir), config.export, platform);
  const verificationSecrets = loadVerificationSecrets(config.verification.dir, config.verification.secret);
  const verificationStore = new VerificationStore(db);
  const publishStore = new PublishStore(db);
  // Verify attempts per address per minute: with 10^8 short codes and codes living 15 minutes, guessing one is hopeless.
  const verifyLimiter = new LoginRateLimiter(config.verification.verifyRateLimit, 60, platform.clock);
  // This server's own verification key is trusted by default; other verification servers would be added here.
  const issuers = [{ issuer: config.verification.issuer, audience: config.verification.audience, publicKey: verificationSecrets.publicKey }];
  return {
    audit,
    units,
    identity: new IdentityService(identityStore, passwords, limiter, audit, config.identity, platform),
    users: new UsersService(identityStore, units, passwords, audit, platform),
    agencies: new AgenciesService(new AgenciesStore(db), units, audit, platform.clock),
    signingKeys,
    export: exportService,
    verification: new VerificationService(verificationStore, verificationSecrets, chaffSigningKey(), verifyLimiter, audit, config.verification, platform),
    publish: new PublishService(publishStore, new RevisionTokens(verificationSecrets.secret, platform.random), issuers, config.publish, platform),
    exposureNotificationStatistics: new ExposureNotificationStatistics(
      {
        codesIssuedPerDay: (since) => verificationStore.codesIssuedPerDay(since),
        codesClaimedPerDay: (since) => verificationStore.codesClaimedPerDay(since),
        keysPublishedPerDay: (since) => publishStore.keysPublishedPerDay(since),
        // The export domain's live files and their sizes.
        exportFiles: () => exportService.listFiles(),
      },
      platform.clock,
    ),
    notices: new NoticesService(new NoticesStore(db), audit, platform.clock),
  };
}
