import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServerConfig } from './config.js';
import type { AnyDomain } from './platform/domain.js';
import { DOMAINS } from './domains.js';
import { installAccess, PUBLIC } from './http/access.js';
import { installCompression } from './http/compression.js';
import { AccessLog, requestLogSerializers } from './http/access-log.js';
import { CONTENT_SECURITY_POLICY } from './http/content-security-policy.js';
import { installErrorHandler } from './http/errors.js';
import { installInputGuard } from './http/input-guard.js';
import { installPhoneRoutePadding } from './http/phone-routes.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installSessionHook } from './http/session.js';
import { registerStatic } from './http/static.js';
import type { Platform } from './platform/platform.js';
import { systemRandom } from './platform/platform.js';
import type { Services } from './services.js';

export interface AppDeps {
  config: ServerConfig;
  services: Services;
  logger?: FastifyServerOptions['logger'];
  /** Randomness for response padding (the services' platform has its own). */
  random?: Platform['random'];
}

/** The HTTP application, not listening: tests drive it with `app.inject()`, `startServer` makes it listen. */
export async function buildApp({ config, services, logger = false, random = systemRandom }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === false || logger === true || logger === undefined ? logger : { ...logger, serializers: requestLogSerializers },
    logController: new AccessLog(),
    bodyLimit: config.http.bodyLimit,
    trustProxy: config.http.trustProxy,
  });
  installErrorHandler(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: a text/plain body (which a cross-site form can send) is refused with 415, not parsed.
  app.removeContentTypeParser('text/plain');

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Bluezone API', version: '1.0.0', description: 'Errors are {"error":{"code","message","fields"?}}; see the error code table.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'bz_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyCookie);
  installSecurityHeaders(app, { contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY }, referrerPolicy: { policy: 'no-referrer' } });
  app.addHook('onSend', (request, reply, payload, done) => {
    // API answers may hold personal data: no cache, shared or private, keeps them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  // Before every route and the static files, as the compression plugin requires.
  await installCompression(app);
  installSessionHook(app, services.identity);
  installAccess(app, services.units);
  installInputGuard(app);
  installPhoneRoutePadding(app, random);
  for (const domain of DOMAINS as readonly AnyDomain[]) {
    const configs = config as unknown as Record<string, unknown>;
    await domain.routes?.(app, services, configs[domain.name], config);
  }
  app.get('/api/v1/openapi.json', { config: { access: PUBLIC }, schema: { hide: true } }, async () => app.swagger());

  app.setNotFoundHandler(await registerStatic(app, config));
  return app;
}
