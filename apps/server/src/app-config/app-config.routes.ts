import { appConfigurationSchema, type AppConfiguration } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../http/errors.js';

/** The app's configuration: public, the same for every phone, read at each exposure check. */
export function registerAppConfigRoutes(app: FastifyInstance, config: AppConfiguration): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/app-config', {
    logLevel: 'warn',
    schema: { tags: ['app'], response: { 200: appConfigurationSchema, ...errorResponses } },
    handler: async () => config,
  });
}
