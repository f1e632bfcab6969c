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

export interface Services {
  audit: AuditService;
  units: UnitsService;
  identity: IdentityService;
  users: UsersService;
  agencies: AgenciesService;
  signingKeys: SigningKeysService;
  export: ExportService;
}

/** Wires every domain's store and service over one database; the only place that knows them all. */
export function createServices(db: Db, config: Pick<ServerConfig, 'identity' | 'units' | 'export' | 'signingKeys'>, platform: Platform): Services {
  const audit = new AuditService(new AuditStore(db), platform.clock);
  const units = new UnitsService(new UnitsStore(db), config.units, platform.clock, audit);
  const identityStore = new IdentityStore(db);
  const passwords = new PasswordHasher(config.identity.scryptCost, platform.random);
  const limiter = new LoginRateLimiter(config.identity.loginRateLimit, config.identity.loginRateWindowSeconds, platform.clock);
  const signingKeys = new SigningKeysService(new SigningKeysStore(db), new FileKeyVault(config.signingKeys.dir), config.signingKeys, platform.clock, audit);
  return {
    audit,
    units,
    identity: new IdentityService(identityStore, passwords, limiter, audit, config.identity, platform),
    users: new UsersService(identityStore, units, passwords, audit, platform),
    agencies: new AgenciesService(new AgenciesStore(db), units, audit, platform.clock),
    signingKeys,
    export: new ExportService(new ExportStore(db), signingKeys, new ExportDirectory(config.export.exportsDir), config.export, platform),
  };
}
