import { publishRequestSchema, publishResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PUBLIC } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import { isChaff } from '../http/phone-routes.js';
import type { PublishService } from './publish.service.js';

export function registerPublishRoutes(app: FastifyInstance, publish: PublishService): void {
  app.withTypeProvider<ZodTypeProvider>().post('/api/v1/publish', {
    config: { access: PUBLIC, padded: true },
    schema: { tags: ['publish'], body: publishRequestSchema, response: { 200: publishResponseSchema, ...errorResponses } },
    handler: async (request) => publish.publish(request.body, isChaff(request)),
  });
}
