import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { registerAgenciesRoutes } from './agencies/agencies.routes.js';
import { registerAuditRoutes } from './audit/audit.routes.js';
import type { ServerConfig } from './config.js';
import type { Db } from './db/database.js';
import { registerHealthRoutes } from './health/health.routes.js';
import { installErrorHandler } from './http/errors.js';
import { installSessionHook } from './http/session.js';
import { registerStatic } from './http/static.js';
import { registerIdentityRoutes } from './identity/identity.routes.js';
import type { Services } from './services.js';
import { registerUnitsRoutes } from './units/units.routes.js';
import { registerSigningKeysRoutes } from './signing-keys/signing-keys.routes.js';
import { registerVerificationRoutes } from './verification/verification.routes.js';
import { registerPublishRoutes } from './publish/publish.routes.js';
import { registerNoticesRoutes } from './notices/notices.routes.js';
import { registerAppConfigRoutes } from './app-config/app-config.routes.js';

export interface AppDeps {
  config: ServerConfig;
  db: Db;
  services: Services;
  logger?: FastifyServerOptions['logger'];
}

/** The HTTP application, not listening: tests drive it with `app.inject()`, `startServer` makes it listen. */
export async function buildApp({ config, db, services, logger = false }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
  });
  installErrorHandler(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Bluezone API', version: '1.0.0', description: 'Errors are {"error":{"code","message"}}; see the error code table.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCookie);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    // API answers may hold personal data: no cache, shared or private, keeps them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  installSessionHook(app, services.identity);
  registerHealthRoutes(app, db);
  registerIdentityRoutes(app, { identity: services.identity, users: services.users, config: config.identity });
  registerUnitsRoutes(app, services.units);
  registerAgenciesRoutes(app, services.agencies);
  registerAuditRoutes(app, services.audit);
  registerSigningKeysRoutes(app, services.signingKeys);
  registerVerificationRoutes(app, { verification: services.verification, statistics: services.exposureNotificationStatistics });
  registerPublishRoutes(app, services.publish);
  registerNoticesRoutes(app, services.notices);
  registerAppConfigRoutes(app, config.app);
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setNotFoundHandler(await registerStatic(app, config.http));
  return app;
}
