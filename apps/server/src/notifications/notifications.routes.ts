import { listNotificationsQuerySchema, listNotificationsResponseSchema, unreadCountResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SIGNED_IN, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { NotificationsService } from './notifications.service.js';

/** Either the ids the reader opened, or all of their notifications at once. */
const markReadRequestSchema = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

/** Every official reads and clears only their own notifications: the store filters by the signed-in user. */
export function registerNotificationsRoutes(app: FastifyInstance, notifications: NotificationsService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/notifications', {
    config: { access: SIGNED_IN },
    schema: { tags: ['notifications'], querystring: listNotificationsQuerySchema, response: { 200: listNotificationsResponseSchema, ...errorResponses } },
    handler: async (request) => notifications.list(viewerOf(request), request.query),
  });

  api.post('/api/v1/notifications/read', {
    config: { access: SIGNED_IN },
    schema: { tags: ['notifications'], body: markReadRequestSchema, response: { 200: unreadCountResponseSchema, ...errorResponses } },
    handler: async (request) => notifications.markRead(viewerOf(request), 'ids' in request.body ? request.body.ids : undefined),
  });
}
