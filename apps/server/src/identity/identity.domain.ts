import type { AuditService } from '../audit/audit.service.js';
import { defineDomain, type DomainContext } from '../platform/domain.js';
import { readIdentityConfig, type IdentityConfig } from './identity.config.js';
import { registerIdentityRoutes } from './identity.routes.js';
import { IdentityService } from './identity.service.js';
import { IdentityStore } from './identity.store.js';
import { PasswordHasher } from './password.js';
import type { UnitDirectory, UnitScope } from '../platform/unit-directory.js';
import { UsersService } from './users.service.js';

export const identityDomain = defineDomain({
  name: 'identity',
  readConfig: readIdentityConfig,
  createServices: ({ db, platform, config, services, transactions, rateLimiters }: DomainContext<IdentityConfig, { audit: AuditService; units: UnitDirectory & UnitScope }>) => {
    const store = new IdentityStore(db);
    const passwords = new PasswordHasher(config.scryptCost, platform.random);
    const limiter = rateLimiters.create('login', config.loginRateLimit, config.loginRateWindowSeconds);
    return {
      identity: new IdentityService(store, passwords, limiter, services.audit, config, platform, transactions),
      users: new UsersService(store, services.units, passwords, services.audit, platform, transactions),
    };
  },
  routes: (app, { identity, users }, config) => registerIdentityRoutes(app, { identity, users, config }),
  jobs: ({ identity }) => [
    // Expired sessions are refused when presented; this only keeps the table from growing with abandoned ones.
    { name: 'identity.session_sweep', everySeconds: 3600, run: () => identity.deleteExpiredSessions() },
  ],
  prepare: async ({ users }, config, announce) => {
    const admin = await users.bootstrapAdmin(config.adminPassword);
    if (admin?.generatedPassword) {
      announce(`Created the first administrator: username "admin", password "${admin.generatedPassword}" (shown once; change it after signing in).\n`);
    } else if (admin) {
      announce('Created the first administrator "admin" with the password from BLUEZONE_ADMIN_PASSWORD.\n');
    }
  },
});
