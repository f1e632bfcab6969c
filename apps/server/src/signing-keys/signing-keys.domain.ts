import type { AuditService } from '../audit/audit.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { readSigningKeysConfig, type SigningKeysConfig } from './signing-keys.config.js';
import { registerSigningKeysRoutes } from './signing-keys.routes.js';
import { SigningKeysService } from './signing-keys.service.js';
import { SigningKeysStore } from './signing-keys.store.js';
import { FileKeyVault } from './signing-keys.vault.js';

export const signingKeysDomain = defineDomain({
  name: 'signingKeys',
  readConfig: readSigningKeysConfig,
  createServices: ({ db, platform, config, services }: DomainContext<SigningKeysConfig, { audit: AuditService }>) => ({
    signingKeys: new SigningKeysService(new SigningKeysStore(db), new FileKeyVault(config.dir), config, platform.clock, services.audit),
  }),
  routes: (app, { signingKeys }) => registerSigningKeysRoutes(app, signingKeys),
  prepare: async ({ signingKeys }) => void (await signingKeys.ensureActiveKey()),
});
