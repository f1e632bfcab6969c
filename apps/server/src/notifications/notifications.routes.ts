import { listNotificationsQuerySchema, listNotificationsResponseSchema, markNotificationsReadRequestSchema, unreadCountResponseSchema } from '@bluezone/contract';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { SIGNED_IN, viewerOf } from '../http/access.js';
import { errorResponses } from '../http/errors.js';
import type { NotificationsService } from './notifications.service.js';

/** Each official reads and clears their own notifications, never anyone else's. */
export function registerNotificationsRoutes(app: FastifyInstance, notifications: NotificationsService): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/notifications', {
    config: { access: SIGNED_IN },
    schema: { tags: ['notifications'], querystring: listNotificationsQuerySchema, response: { 200: listNotificationsResponseSchema, ...errorResponses } },
    handler: async (request) => notifications.list(viewerOf(request), request.query),
  });

  api.get('/api/v1/notifications/unread', {
    config: { access: SIGNED_IN },
    schema: { tags: ['notifications'], response: { 200: unreadCountResponseSchema, ...errorResponses } },
    handler: async (request) => ({ unread: await notifications.unread(viewerOf(request)) }),
  });

  api.post('/api/v1/notifications/read', {
    config: { access: SIGNED_IN },
    schema: { tags: ['notifications'], body: markNotificationsReadRequestSchema, response: { 200: unreadCountResponseSchema, ...errorResponses } },
    handler: async (request) => ({ unread: await notifications.markRead(viewerOf(request), request.body) }),
  });
}
