import type { AuditService } from '../audit/audit.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { readSigningKeysConfig, type SigningKeysConfig } from './signing-keys.config.js';
import { registerSigningKeysRoutes } from './signing-keys.routes.js';
import { SigningKeysService } from './signing-keys.service.js';
import { SigningKeysStore } from './signing-keys.store.js';
import { SealedBox } from '../platform/sealed-box.js';
import { DatabaseKeyVault, FileKeyVault } from './signing-keys.vault.js';

export const signingKeysDomain = defineDomain({
  name: 'signingKeys',
  readConfig: readSigningKeysConfig,
  // A key encryption key moves the private keys into the database, where every process finds them; without one they
  // stay files in BLUEZONE_SIGNING_KEYS_DIR, the simpler choice for a single process.
  createServices: ({ db, platform, config, services, base }: DomainContext<SigningKeysConfig, { audit: AuditService }>) => ({
    signingKeys: base.keyEncryptionKey
      ? new SigningKeysService(new SigningKeysStore(db), new DatabaseKeyVault(new SealedBox(base.keyEncryptionKey)), config, platform.clock, services.audit, new FileKeyVault(config.dir))
      : new SigningKeysService(new SigningKeysStore(db), new FileKeyVault(config.dir), config, platform.clock, services.audit),
  }),
  routes: (app, { signingKeys }) => registerSigningKeysRoutes(app, signingKeys),
  prepare: async ({ signingKeys }) => void (await signingKeys.ensureActiveKey()),
});
