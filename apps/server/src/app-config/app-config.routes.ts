import { appConfigurationSchema, type AppConfiguration } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC } from '../http/access.js';
import { errorResponses } from '../http/errors.js';

/** The app's configuration: public, the same for every phone, read at each exposure check. */
export function registerAppConfigRoutes(app: FastifyInstance, configuration: AppConfiguration): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/app-config', {
    config: { access: PUBLIC },
    schema: { tags: ['app'], response: { 200: appConfigurationSchema, ...errorResponses } },
    handler: async () => configuration,
  });
}
