import { exposureNotificationStatsResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { allow } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { ExposureNotificationStatistics } from './statistics.service.js';

export function registerStatisticsRoutes(app: FastifyInstance, statistics: ExposureNotificationStatistics): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/v1/stats/exposure-notification', {
    config: { access: allow(['health_officer', 'admin']) },
    schema: { tags: ['statistics'], response: { 200: exposureNotificationStatsResponseSchema, ...errorResponses } },
    handler: async () => statistics.exposureNotification(),
  });
}
